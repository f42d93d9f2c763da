"""Regression: indexing must finish on a site whose bundle is several MiB. Through Pagefind's Python
service (used before the command line) the bundle came back as one reply bigger than the service's
2 MiB reply buffer, and a site of a few hundred pages made `mkdocs build` hang for ever; the indexing
runs in a subprocess with a timeout so a hang fails the test instead of the suite."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parent.parent / "hooks"
CHARS = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
         "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合"
         "还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只"
         "没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边"
         "流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质信往往")
WORDS = ["人大常委会", "执法检查", "审议意见", "代表建议", "财政预算", "监督工作", "调研报告", "乡镇人大"]


def _site(root: Path, pages: int) -> None:
    rng = random.Random(7)
    for number in range(pages):
        text = "".join(rng.choice(CHARS) if rng.random() < 0.9 else rng.choice(WORDS) for _ in range(2500))
        page = root / f"p{number:04d}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f'<html lang="zh"><body><article><div data-pagefind-body><h1>第{number}篇</h1>'
                        f"<p>{text}</p></div></article></body></html>", encoding="utf-8")


def test_index_site_finishes_when_the_bundle_exceeds_the_reply_buffer(tmp_path):
    _site(tmp_path / "site", 700)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from renda_site.build.search_index import index_site; "
            "s = index_site(sys.argv[2]); print(s.pages, s.bytes)")
    done = subprocess.run([sys.executable, "-c", code, str(HOOKS), str(tmp_path / "site")],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    pages, size = map(int, done.stdout.split())
    assert pages == 700
    assert size > 2**21 * 3 // 4          # base64 of the bundle is over 2 MiB: the case that hung
    entry = (tmp_path / "site" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert '"page_count":700' in entry
