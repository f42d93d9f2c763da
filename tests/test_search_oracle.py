"""The truth oracle of 站内搜索 (bench/search_oracle.py) on the built demo, in real Chromium through the
header box: queries generated from the site, truth = the pages containing the string. Prints the table
per category; holds recall@5 to at least 98 % overall and 100 % for names and verbatim title phrases,
and the page a title or a deputy's name was taken from to the top 5."""
from __future__ import annotations

import sys

from support.browser import static_server
from support.project import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import search_oracle  # noqa: E402

PREFIX = "renda"


def test_oracle_recall_per_category(chromium, built):
    pages = search_oracle.indexed_pages(built.site)
    queries = search_oracle.generate(built.site, pages)
    categories = {q.category for q in queries}
    assert len(queries) >= 150 and {"姓名", "任免职务", "期号", "会议", "标题全文", "标题短语", "随机片段"} <= categories
    page = chromium.new_page()
    try:
        with static_server(built.site, PREFIX) as base:
            page.goto(base)
            scores = search_oracle.run(page, queries, f"/{PREFIX}")
    finally:
        page.close()
    rows = {row["category"]: row for row in search_oracle.table(scores)}
    print("\n" + search_oracle.markdown(list(rows.values())))
    print("\n".join(search_oracle.misses(scores)))
    assert rows["合计"]["recall5"] >= 0.98
    for category in search_oracle.EXACT:
        assert rows[category]["recall5"] == 1.0, category
        assert rows[category]["own5"] in (None, 1.0), category
