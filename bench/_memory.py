"""Peak memory of the running bench process, read so that a spawned child reports its own."""

from __future__ import annotations

import resource
from pathlib import Path


def own_peak_mib() -> float:
    """This process's peak RSS in MiB. VmHWM belongs to the address space, which exec replaces;
    ru_maxrss survives fork and exec, so a spawned child would report its parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # not Linux: best effort
