"""The header search box in real Chromium, driven by the search probe of the benchmarks (one way of
typing a query and reading the results, for the tests and for the measurements)."""
from __future__ import annotations

import sys

from support.project import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from search_probe import INPUT, first_query_bytes, header_search, status_text  # noqa: E402,F401
