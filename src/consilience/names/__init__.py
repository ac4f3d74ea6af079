"""Names across scripts and transliterations: compare_names, name_keys, normalise_name."""

from consilience.names.compare import (
    NameMatch,
    compare_names,
    guess_kind,
    name_keys,
    normalise_name,
)

__all__ = ["NameMatch", "compare_names", "guess_kind", "name_keys", "normalise_name"]
