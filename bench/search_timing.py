"""Seconds per query typed into the header box of a built site, slowest first (the oracle's queries).

    .venv/bin/python bench/search_timing.py SITE_DIR [--per-category N] [--seed S]

Served by nginx with the deployed config (gzip). The first query (which loads Pagefind) is not timed.
Prints figures, asserts nothing: wall time depends on the machine and its load.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "deploy"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from local_serve import nginx_server
from search_oracle import generate, indexed_pages
from search_probe import header_search, status_text


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--per-category", type=int, default=3)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    queries = generate(args.site, indexed_pages(args.site), args.per_category, args.seed)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    timed = []
    with nginx_server(args.site.resolve()) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(base)
        header_search(page, "执法检查", timeout=120_000)
        for query in queries:
            started = time.perf_counter()
            header_search(page, query.text, timeout=120_000)
            timed.append((time.perf_counter() - started, query.category, query.text, status_text(page)[:40]))
        browser.close()
    timed.sort(reverse=True)
    for seconds, category, text, status in timed[:12]:
        print(f"{seconds:6.1f} s  {category}  {text}  {status}")
    print(f"{len(timed)} 个查询，中位数 {timed[len(timed) // 2][0]:.2f} 秒，最慢 {timed[0][0]:.1f} 秒")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
