"""Rebuild a built site's search index in parts and print each Pagefind run's peak memory and time.

    .venv/bin/python bench/search_parts.py SITE_DIR [--characters 2800000] [--chunk 2000]

Replaces SITE_DIR/pagefind (use a copy of a benchmark site); then `bench/search_probe.py --nginx SITE_DIR …`
measures the first-query bytes of that index. Pages come from the finished HTML (`index_site`), without the
build's search plan, so listing pages are indexed too. Prints figures, asserts nothing.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from renda_site.build import search_index  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("--characters", type=int, default=search_index.PART_CHARACTERS)
    parser.add_argument("--chunk", type=int, default=search_index.CHUNK_LOCATIONS)
    args = parser.parse_args()
    search_index.CHUNK_LOCATIONS = args.chunk
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "runs.txt"
        # Each run through /usr/bin/time, which appends "peak-KB seconds" to the report.
        search_index.SearchIndexer.PAGEFIND = [
            "sh", "-c", f'/usr/bin/time -f "%M %e" -a -o {report} {sys.executable} -m pagefind "$@"', "sh"]
        indexer = search_index.SearchIndexer(part_characters=args.characters)
        started = time.perf_counter()
        site = args.site.resolve()
        for file in sorted(site.rglob("*.html")):
            if search_index.OUTPUT not in file.relative_to(site).parts[:1]:
                indexer.add_page(file.relative_to(site).as_posix(), file.read_text(encoding="utf-8"))
        stats = indexer.finish(site)
        runs = [line.split() for line in report.read_text().splitlines()]
    print(f"{stats.pages} 页，{stats.parts} 部分（每部分约 {args.characters:,} 个汉字，分块 {args.chunk:,} 个位置），"
          f"索引 {stats.bytes / 1e6:.1f} MB，共 {time.perf_counter() - started:.1f} 秒")
    for part, (kb, seconds) in enumerate(runs):
        print(f"  第 {part + 1} 部分：Pagefind 峰值 {int(kb) / 1024:,.0f} MB，{float(seconds):.1f} 秒")
    return 0


if __name__ == "__main__":
    sys.exit(main())
