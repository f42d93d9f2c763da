"""What stays in a finished build (publish/published.py), on a small site folder made here: the files a
page or a style sheet uses stay, the rest copied from docs/, overrides/ or the theme goes, a file of unknown
origin or a symbolic link fails the build, and every file that stays is audited by its type. Written against
the mutants that the other in-process tests let survive (bench/mutation.sh); tests/test_published.py checks
the same on the built demo."""
from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from renda_site.publish import published
from renda_site.publish.audit import Checked, Context
from renda_site.publish.published import Origins, PageAudit, publish_only_what_is_used

CONTEXT = Context(site_path="/", own_hosts=frozenset({"www.qxrd.example"}))


def png() -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(data, "PNG")
    return data.getvalue()


def write(site, rel: str, content: str | bytes = "") -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


PAGE = """<!doctype html><html><head><link rel="stylesheet" href="../assets/site.css">
<script src="../assets/own.js"></script></head>
<body><img src="../img/used.png" alt="图"><a href="../files/used.pdf.txt">附件</a>
<a href="../assets/linked.js">脚本（只是链接）</a></body></html>"""


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    write(site, "dongtai/index.html", PAGE)
    write(site, "index.html", "<p>首页</p>")
    write(site, "assets/site.css", "body{background:url(fonts/a.woff2)}")
    write(site, "assets/fonts/a.woff2", b"wOF2")
    write(site, "assets/own.js", "x();")
    write(site, "assets/linked.js", "y();")
    write(site, "img/used.png", png())
    write(site, "img/unused.png", png())
    write(site, "files/used.pdf.txt", "附件正文")
    write(site, "theme/unused.js", "z();")
    write(site, "feed.xml", "<feed/>")
    write(site, "pagefind/pagefind.js", "p();")
    write(site, "drafts/kept.txt", "列在 publish_also 中")
    return site


def origins() -> Origins:
    copied = {rel: ("docs", f"docs/{rel}") for rel in ("assets/own.js", "assets/linked.js", "img/used.png",
                                                         "img/unused.png", "files/used.pdf.txt", "drafts/kept.txt")}
    copied |= {"assets/site.css": ("overrides", "overrides/assets/site.css"),
               "assets/fonts/a.woff2": ("theme", ""), "theme/unused.js": ("theme", ""),
               "feed.xml": ("kit", "")}
    return Origins(pages={"dongtai/index.html": "docs/dongtai/index.md", "index.html": "docs/index.md"},
                   copied=copied)


def files(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def test_only_what_a_page_uses_is_published(site):
    outcome = publish_only_what_is_used(site, origins(), CONTEXT, {"drafts/kept.txt"})
    assert outcome.problems == []
    assert files(site) == ["assets/fonts/a.woff2", "assets/own.js", "assets/site.css", "dongtai/index.html",
                           "drafts/kept.txt", "feed.xml", "files/used.pdf.txt", "img/used.png", "index.html",
                           "pagefind/pagefind.js"]
    assert sorted(outcome.dropped) == ["docs/assets/linked.js", "docs/img/unused.png"]
    assert outcome.dropped_theme == 1
    assert outcome.kept == 10
    assert not (site / "theme").exists()                 # a folder left empty is removed


def test_a_file_not_listed_in_publish_also_is_dropped(site):
    outcome = publish_only_what_is_used(site, origins(), CONTEXT, set())
    assert "docs/drafts/kept.txt" in outcome.dropped and not (site / "drafts").exists()


def test_a_file_of_unknown_origin_or_a_link_fails_the_build(site):
    write(site, "mystery.bin", "?")
    os.symlink("index.html", site / "alias.html")
    outcome = publish_only_what_is_used(site, origins(), CONTEXT, set())
    assert "mystery.bin：生成结果中出现了来历不明的文件，不能发布" in outcome.problems
    assert "alias.html：生成结果中不能有符号链接（来自 本工具包）" in outcome.problems
    assert (site / "mystery.bin").exists()


def test_every_file_that_stays_is_audited_and_named_with_its_source(site):
    write(site, "files/used.pdf.txt", "电话 13912345678")
    write(site, "dongtai/index.html", PAGE.replace("<body>", '<body><img src="../img/x.exe" onload="x()">'))
    write(site, "img/x.exe", "MZ")
    outcome = publish_only_what_is_used(site, origins(), CONTEXT, set(),
                                        {"index.html": Checked(problems=["已在构建时查过的问题"])})
    problems = "\n".join(outcome.problems)
    assert "files/used.pdf.txt（来自 docs/files/used.pdf.txt）：" in problems and "139****5678" in problems
    assert "dongtai/index.html（来自 docs/dongtai/index.md）：含有事件属性 onload" in problems
    assert "img/x.exe（来自 本工具包）：文件类型「.exe」不在可以发布的类型中" in problems
    assert "index.html（来自 docs/index.md）：已在构建时查过的问题" in problems


@pytest.mark.parametrize("rel,content,problem", [
    ("a.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>', "第 1 行：不能含有 <script> 元素"),
    ("a.csv", "姓名,电话\n张三,13912345678\n", "139****5678"),
    ("a.json", '{"phone": "13912345678"}', "139****5678"),
    ("noext", "x", "文件类型「（无扩展名）」不在可以发布的类型中"),
    ("a.py", "x", "文件类型「.py」不在可以发布的类型中"),
])
def test_the_audit_of_each_type_of_file(tmp_path, rel, content, problem):
    write(tmp_path, rel, content)
    found = published._audit_file(tmp_path / rel, rel, Origins(copied={rel: ("docs", rel)}), CONTEXT)
    assert any(problem in p for p in found), found


@pytest.mark.parametrize("rel,origin", [("a.html", "docs"), ("a.css", "docs"), ("a.js", "docs"), ("a.mp3", "docs"),
                                        ("a.woff2", "theme"), ("a.gz", "kit"), ("pagefind/x.pf_index", "kit"),
                                        ("a.png", "docs")])
def test_files_audited_elsewhere_or_opaque_pass(tmp_path, rel, origin):
    write(tmp_path, rel, png() if rel.endswith(".png") else "")
    assert published._audit_file(tmp_path / rel, rel, Origins(copied={rel: (origin, rel)}), CONTEXT) == []


def test_a_script_of_unknown_origin_is_named():
    path = published.Path("x.js")
    assert published._audit_file(path, "x.js", Origins(), CONTEXT) == ["来历不明的脚本"]


def test_origins_name_where_a_file_came_from():
    o = Origins(pages={"a/index.html": "docs/a.md"}, copied={"x.png": ("docs", "docs/x.png"), "t.js": ("theme", "")})
    assert o.source("a/index.html") == "docs/a.md" and o.source("x.png") == "docs/x.png"
    assert o.source("t.js") == "本工具包" and o.source("missing") == "本工具包"
    assert o.origin("a/index.html") == "kit" and o.origin("404.html") == "kit" and o.origin("pagefind/a.js") == "kit"
    assert o.origin("x.png") == "docs" and o.origin("t.js") == "theme" and o.origin("missing") == "unknown"


def test_a_small_build_audits_its_pages_at_the_end():
    audit = PageAudit(CONTEXT, PageAudit.LEAST - 1)
    assert audit.pool is None
    audit.add("a.html", "<p onclick='x()'>x</p>")
    assert audit.batch == [] and audit.results() == {}


def test_check_pages_audits_a_batch_in_the_worker():
    published._WORKER_LINES.clear()
    checked = dict(published.check_pages([("a.html", "<p onclick='x()'>x</p>"), ("b.html", "<p>x</p>")], CONTEXT))
    assert list(checked) == ["a.html", "b.html"]
    assert checked["a.html"].problems and checked["b.html"].problems == []
    assert len(published._WORKER_LINES) == 1
