"""The truth oracle of 站内搜索 (bench/search_oracle.py, run as a script) on the built demo, in real
Chromium through the header box: queries generated from the site, truth = the pages containing the string.
Prints the table per category; holds recall@5 to at least 98 % overall and 100 % for names and verbatim
title phrases, and the page a title or a deputy's name was taken from to the top 5."""
from __future__ import annotations

import json
import subprocess
import sys

from support.project import ROOT

CATEGORIES = {"姓名", "任免职务", "期号", "会议", "标题全文", "标题短语", "随机片段"}
EXACT = ("姓名", "标题全文", "标题短语")   # as bench/search_oracle.py: found every time, the own page in the top 5


def test_oracle_recall_per_category(chromium, built, tmp_path):
    # `chromium` only to skip (or fail in CI) where the browser is missing: the script starts its own.
    scores = tmp_path / "scores.json"
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "search_oracle.py"), str(built.site), "--misses",
                             "--json", str(scores)], capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    print("\n" + result.stdout)
    rows = {row["category"]: row for row in json.loads(scores.read_text(encoding="utf-8"))["rows"]}
    assert rows["合计"]["queries"] >= 150 and CATEGORIES <= set(rows)
    assert rows["合计"]["recall5"] >= 0.98
    for category in EXACT:
        assert rows[category]["recall5"] == 1.0, category
        assert rows[category]["own5"] in (None, 1.0), category
