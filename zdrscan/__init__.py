"""zdrscan: which OpenAI endpoints and data-retention-relevant features a codebase uses.

A pure library (no Django), so it runs in any CI: `python -m zdrscan PATH --format sarif --policy policy.json`.
"""

from .findings import Finding, ScanResult, Unparsed
from .walk import SKIPPED_DIRS, scan_path

__all__ = ["Finding", "ScanResult", "Unparsed", "SKIPPED_DIRS", "scan_path"]
__version__ = "1.0.0"
