"""`make bench`: today's API endpoints against the trivial ping endpoint, on a production server.

Usage: .venv/bin/python bench/run.py [--duration S] [--concurrency N] [--workers N] [--only NAME]
Writes the table to bench/results/latest.md as well as to the terminal. See bench/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the bench modules, however we are run

from harness import BASELINE, Endpoint, main  # noqa: E402

ENDPOINTS = [
    BASELINE,
    Endpoint("health", "/api/v1/health", "one database query"),
    Endpoint("provinces", "/api/v1/units?level=province", "the 34 provinces"),
    Endpoint("communes-dong-nai", "/api/v1/units?level=commune&parent=75",
             "the 95 communes of Đồng Nai"),
    Endpoint("communes-all", "/api/v1/units?level=commune", "all 3,321 communes; the heaviest"),
]

if __name__ == "__main__":
    sys.exit(main(ENDPOINTS, title="Loa API benchmark", results_file="latest.md"))
