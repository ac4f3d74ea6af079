"""Where the read-only shared data lives: ../shared beside the checkout (CI and developers)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CONSILIENCE_SHARED", REPO.parent / "shared"))
EXAMPLES = SHARED / "examples"
DATASETS = SHARED / "datasets"
