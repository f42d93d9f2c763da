"""The crawler itself finds what it must find: a site with known faults yields exactly those faults, on
disk, over HTTP under a sub-path, and in the offline (file://) mode."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from support.browser import static_server
from support.sitecrawl import crawl, crawl_http, refs_of

PAGE = """<!doctype html><html><head>
<link rel="stylesheet" href="s.css"><link rel="icon" href="icon.svg">
<link rel="alternate" type="application/atom+xml" href="feed.xml">
<script src="https://cdn.example.com/lib.js"></script>
<style>.logo { background: url('img/missing-bg.png') }</style>
</head><body>
<a href="ok/">fine</a> <a href="ok/index.html">fine</a> <a href="missing/">broken</a>
<a href="/ok/">root-relative</a> <a href="#top">anchor</a> <a href="mailto:office@example.cn">mail</a>
<a href="https://beian.miit.gov.cn/">ICP 备案</a>
<img src="img/a.png" srcset="img/a.png 1x, img/missing-2x.png 2x" alt="">
<span style="background-image: url(img/a.png)"></span>
<a href="files/report.pdf">PDF</a> <a href="files/gone.pdf">PDF</a>
</body></html>"""


@pytest.fixture()
def faulty(tmp_path) -> Path:
    site = tmp_path / "site"
    for folder in ("ok", "img", "files", "pagefind/fragment", "pagefind/index"):
        (site / folder).mkdir(parents=True)
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "ok" / "index.html").write_text('<a href="../index.html">up</a><a href="../">up</a>', encoding="utf-8")
    (site / "s.css").write_text('@import "more.css"; .a{background:url("img/a.png")} '
                                '@font-face{src:url(fonts/missing.woff2)}', encoding="utf-8")
    (site / "icon.svg").write_text("<svg/>", encoding="utf-8")
    (site / "img" / "a.png").write_bytes(b"\x89PNG")
    (site / "files" / "report.pdf").write_bytes(b"%PDF-1.4")
    (site / "feed.xml").write_text('<feed><link href="ok/"/><entry><link href="gone/"/></entry></feed>',
                                   encoding="utf-8")
    # Pagefind: the meta names one index chunk and two fragments; one fragment file is missing.
    meta = b"pagefind_dcd\x82" + b"jzh_abc1234" + b"jzh_def5678" + b"jzh_0000999"
    pf = site / "pagefind"
    (pf / "pagefind.zh_meta00000.pf_meta").write_bytes(gzip.compress(meta))
    (pf / "index" / "zh_abc1234.pf_index").write_bytes(gzip.compress(b"pagefind_dcd\x80"))
    fragment = json.dumps({"url": "/ok/", "content": "x"}).encode()
    (pf / "fragment" / "zh_def5678.pf_fragment").write_bytes(gzip.compress(b"pagefind_dcd" + fragment))
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-worker.js", "wasm.unknown.pagefind"):
        (pf / name).write_text("/* */", encoding="utf-8")
    (pf / "pagefind-entry.json").write_text(json.dumps(
        {"version": "1.5.2", "languages": {"zh": {"hash": "zh_meta00000", "wasm": None, "page_count": 1}}}))
    # A second part of the index (search_index.py), reached through parts.json; its one chunk is missing.
    (pf / "parts.json").write_text(json.dumps({"parts": ["part-1/"]}))
    (pf / "part-1").mkdir()
    (pf / "part-1" / "pagefind.zh_meta11111.pf_meta").write_bytes(gzip.compress(b"pagefind_dcd\x81" + b"jzh_0000888"))
    (pf / "part-1" / "pagefind-entry.json").write_text(json.dumps(
        {"version": "1.5.2", "languages": {"zh": {"hash": "zh_meta11111", "wasm": None, "page_count": 1}}}))
    return site


EXPECTED = {"missing/", "img/missing-bg.png", "img/missing-2x.png", "files/gone.pdf", "more.css",
            "fonts/missing.woff2", "gone/", "zh_0000999", "zh_0000888"}


def broken_names(report) -> set[str]:
    return {url.rsplit("pagefind/", 1)[-1] for _, url in report.broken}


def test_disk_crawl_finds_every_planted_fault(faulty):
    report = crawl(faulty)
    assert broken_names(report) == EXPECTED
    assert report.external_resources == [("http://site.invalid/", "https://cdn.example.com/lib.js")]
    assert report.external_links == 1                 # the ICP record link: allowed, counted, not fetched
    assert report.pagefind_files >= 8


def test_http_crawl_under_a_sub_path_also_flags_links_that_escape_it(faulty):
    with static_server(faulty, prefix="renda") as base:
        report = crawl_http(base)
    assert broken_names(report) == EXPECTED | {"/ok/"}
    assert len(report.external_resources) == 1
    assert report.pages == 2


def test_offline_mode_rejects_folder_links(faulty):
    report = crawl(faulty, directory_urls=False)
    assert broken_names(report) == EXPECTED | {"ok/", "../", "/ok/"}


def test_resources_and_hyperlinks_are_told_apart():
    refs = {(r.tag, r.url): r.resource for r in refs_of(PAGE)}
    assert refs[("script", "https://cdn.example.com/lib.js")] is True
    assert refs[("link", "s.css")] is True and refs[("link", "feed.xml")] is False
    assert refs[("a", "https://beian.miit.gov.cn/")] is False
    assert refs[("img", "img/missing-2x.png")] is True
