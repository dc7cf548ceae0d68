"""Bulk-mode tests. The repository root goes on sys.path so `benchmarks` imports as it does
under `python -m benchmarks.gen_records` (it is a tool folder, not an installed package)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
