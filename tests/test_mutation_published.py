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
    # Each file begins as its type does (a song, a font): the audit reads the first bytes of such files.
    content = {".png": png(), ".mp3": b"\xff\xfb\x90\x00" + b"\0" * 60, ".woff2": b"wOF2" + b"\0" * 60}
    write(tmp_path, rel, content.get(rel[rel.rindex("."):], ""))
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


def test_files_that_are_not_utf_8_are_read_with_replacement(site):
    write(site, "files/used.pdf.txt", "电话 13912345678 \xff".encode("utf-8", "surrogateescape") + b"\xff\xfe")
    write(site, "img/used.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><text>\xff 13912345678</text></svg>')
    write(site, "assets/site.css", b"body{background:url(fonts/a.woff2)} /* \xff */")
    page = PAGE.encode("utf-8").replace(b"</body>", b'<img src="../img/used.svg">\xff</body>')
    write(site, "dongtai/index.html", page)
    o = origins()
    o.copied["img/used.svg"] = ("docs", "docs/used.svg")
    problems = "\n".join(publish_only_what_is_used(site, o, CONTEXT, set()).problems)
    assert "files/used.pdf.txt（来自 docs/files/used.pdf.txt）：" in problems
    assert "img/used.svg（来自 docs/used.svg）：" in problems
    assert problems.count("139****5678") == 2


def test_a_number_listed_as_public_passes_in_a_file_and_in_a_picture(site):
    write(site, "files/used.pdf.txt", "值班电话 13912345678")
    context = Context(site_path="/", public_numbers=frozenset({"13912345678"}))
    assert publish_only_what_is_used(site, origins(), context, set()).problems == []
    for rel, text in (("a.svg", '<svg xmlns="http://www.w3.org/2000/svg"><text>13912345678</text></svg>'),
                      ("a.csv", "13912345678")):
        write(site, rel, text)
        assert published._audit_file(site / rel, rel, Origins(), context) == []
        assert published._audit_file(site / rel, rel, Origins(), CONTEXT) != []


def test_a_text_that_only_looks_like_css_is_not_read_as_a_style_sheet(site):
    write(site, "files/used.pdf.txt", "背景 background:url(https://evil.example/x.png)")
    write(site, "pagefind/fragment.html", '<p onclick="x()">Pagefind 的片段</p>')
    outcome = publish_only_what_is_used(site, origins(), CONTEXT, set())
    assert outcome.problems == []


def test_a_theme_style_sheet_may_show_any_text_but_an_own_one_is_read_for_numbers(site):
    write(site, "assets/site.css", 'body{background:url(fonts/a.woff2)} a::after{content:"13912345678"}')
    problems = publish_only_what_is_used(site, origins(), CONTEXT, set()).problems
    assert len(problems) == 1 and problems[0].startswith("assets/site.css（来自 overrides/assets/site.css）：")
    theme = origins()
    theme.copied["assets/site.css"] = ("theme", "")
    write(site, "assets/site.css", 'body{background:url(fonts/a.woff2)} a::after{content:"13912345678"}')
    assert publish_only_what_is_used(site, theme, CONTEXT, set()).problems == []


def test_a_line_every_page_shares_is_audited_once(site):
    shared = "\n<p>页头</p>" * 4 + "\n<script>alert(1)</script>"          # more than three lines away
    write(site, "index.html", "<p>首页</p>" + shared)
    write(site, "dongtai/index.html", "<p>动态</p>" + shared)
    problems = publish_only_what_is_used(site, origins(), CONTEXT, set()).problems
    assert len([p for p in problems if "含有内联脚本" in p]) == 1


def test_a_missing_file_a_page_names_is_left_alone(site):
    write(site, "dongtai/index.html", PAGE.replace("used.png", "missing.png"))
    outcome = publish_only_what_is_used(site, origins(), CONTEXT, set())
    assert outcome.problems == [] and "docs/img/used.png" in outcome.dropped


def test_every_unused_file_is_dropped_and_counted(site):
    write(site, "theme/more.js", "w();")
    write(site, "theme/deep/er/most.js", "v();")
    theme = origins()
    theme.copied |= {"theme/more.js": ("theme", ""), "theme/deep/er/most.js": ("theme", "")}
    write(site, "mystery.bin", "?")
    write(site, "img/zzz.png", png())
    theme.copied["img/zzz.png"] = ("docs", "docs/img/zzz.png")
    outcome = publish_only_what_is_used(site, theme, CONTEXT, set())
    assert outcome.dropped_theme == 3 and not (site / "theme").exists()
    assert "docs/img/zzz.png" in outcome.dropped and not (site / "img" / "zzz.png").exists()
    assert outcome.problems == ["mystery.bin：生成结果中出现了来历不明的文件，不能发布"]


def test_a_linked_folder_is_reported_and_not_followed(site, tmp_path):
    outside = tmp_path / "outside"
    write(outside, "secret.txt", "13912345678")
    os.symlink(outside, site / "linked")
    os.symlink(site / "index.html", site / "page.html")
    o = origins()
    o.copied["page.html"] = ("docs", "docs/page.md")
    outcome = publish_only_what_is_used(site, o, CONTEXT, set())
    assert sorted(outcome.problems) == ["linked：生成结果中不能有符号链接（来自 本工具包）",
                                        "page.html：生成结果中不能有符号链接（来自 docs/page.md）"]


def test_scripts_of_overrides_go_out_only_when_a_page_loads_them(site):
    write(site, "assets/over.js", "o();")
    write(site, "dongtai/index.html", PAGE.replace("../assets/linked.js", "../assets/over.js"))
    o = origins()
    o.copied["assets/over.js"] = ("overrides", "overrides/assets/over.js")
    outcome = publish_only_what_is_used(site, o, CONTEXT, set())
    assert "overrides/assets/over.js" in outcome.dropped and not (site / "assets" / "over.js").exists()


def test_a_page_with_an_upper_case_suffix_is_not_a_page(site):
    write(site, "OLD.HTML", "<p>x</p>")
    o = origins()
    o.copied["OLD.HTML"] = ("docs", "docs/OLD.HTML")
    outcome = publish_only_what_is_used(site, o, CONTEXT, set())
    assert "docs/OLD.HTML" in outcome.dropped


def test_a_video_that_records_where_it_was_shot_is_refused(tmp_path):
    def box(kind: bytes, payload: bytes) -> bytes:
        return (8 + len(payload)).to_bytes(4, "big") + kind + payload
    located = box(b"ftyp", b"isom\0\0\0\0") + box(b"moov", box(b"udta", box(b"\xa9xyz", b"\0\x05\0\0+30.0+120.0/")))
    plain = box(b"ftyp", b"isom\0\0\0\0") + box(b"moov", box(b"mvhd", b"\0" * 100))
    write(tmp_path, "a.mp4", located)
    write(tmp_path, "b.mp4", plain)
    assert published._audit_file(tmp_path / "a.mp4", "a.mp4", Origins(), CONTEXT) == [
        "视频带有拍摄地点（GPS 位置）。请用视频软件导出一份不含位置信息的 MP4 后再发布"]
    assert published._audit_file(tmp_path / "b.mp4", "b.mp4", Origins(), CONTEXT) == []


def test_an_attachment_is_read_with_the_build_s_cache(tmp_path):
    from docx import Document
    document = Document()
    document.add_paragraph("联系电话 13912345678")
    document.save(tmp_path / "a.docx")
    found = published._audit_file(tmp_path / "a.docx", "a.docx", Origins(), Context(attachments_cache=tmp_path / "c"))
    assert any("139****5678" in p for p in found)


def test_the_origin_of_a_file_copied_without_a_source_is_the_kit():
    o = Origins(copied={"t.js": ("theme", "")})
    assert o.source("t.js") == "本工具包" and o.origin("nothing") == "unknown"
    assert Origins(copied={"x": ("docs", "docs/x")}).source("x") == "docs/x"


def test_check_pages_reads_a_line_once_across_batches():
    published._WORKER_LINES.clear()
    page = "<p>甲</p>\n<script>alert(1)</script>\n<img src='../img/a.png'>"
    [(_, first)] = published.check_pages([("a/b.html", page)], CONTEXT)
    assert first.problems and first.uses == {"img/a.png"}
    [(_, again)] = published.check_pages([("c/d.html", page)], CONTEXT)
    assert again.problems == [] and again.uses == {"img/a.png"}


def test_a_large_build_audits_its_pages_in_a_second_process():
    audit = PageAudit(CONTEXT, PageAudit.LEAST)
    try:
        assert audit.pool is not None
        for n in range(PageAudit.BATCH):
            audit.add(f"p{n}.html", f"<p>第{n}页</p>")
        assert audit.batch == [] and len(audit.futures) == 1          # a full batch goes at once
        audit.add("bad.html", "<p onclick='x()'>x</p>")
        assert audit.batch == [("bad.html", "<p onclick='x()'>x</p>")]
        checked = audit.results()                                     # the last, short batch too
        assert len(checked) == PageAudit.BATCH + 1 and checked["bad.html"].problems
        assert checked["p1.html"].problems == []
        assert audit.pool is None
    finally:
        audit.close()
    assert PageAudit(CONTEXT, PageAudit.LEAST - 1).pool is None


def test_the_kits_own_files_outside_the_search_folder_are_audited(site):
    write(site, "feed.xml", "<feed><title>电话 13912345678</title></feed>")
    problems = publish_only_what_is_used(site, origins(), CONTEXT, set()).problems
    assert len(problems) == 1 and problems[0].startswith("feed.xml（来自 本工具包）：")


def test_an_html_file_copied_from_docs_is_a_page_and_stays(site):
    write(site, "legacy/old.html", "<p>旧页面</p>")
    o = origins()
    o.copied["legacy/old.html"] = ("docs", "docs/legacy/old.html")
    outcome = publish_only_what_is_used(site, o, CONTEXT, set())
    assert (site / "legacy" / "old.html").exists() and "docs/legacy/old.html" not in outcome.dropped


def test_the_site_folder_itself_stays_when_nothing_in_it_is_used(tmp_path):
    site = tmp_path / "site"
    write(site, "img/unused.png", png())
    outcome = publish_only_what_is_used(site, Origins(copied={"img/unused.png": ("docs", "docs/img/unused.png")}),
                                        CONTEXT, set())
    assert outcome.dropped == ["docs/img/unused.png"] and site.is_dir() and list(site.iterdir()) == []


def test_a_batch_the_worker_did_not_finish_does_not_lose_the_later_ones():
    from concurrent.futures import Future
    failed, done = Future(), Future()
    failed.set_exception(RuntimeError("the worker stopped"))
    done.set_result([("b.html", Checked(problems=["x"]))])
    audit = PageAudit(CONTEXT, 0)
    audit.futures = [failed, done]
    assert list(audit.results()) == ["b.html"]


def test_the_second_process_resolves_addresses_with_the_builds_context():
    audit = PageAudit(Context(site_path="/renda/"), PageAudit.LEAST)
    try:
        audit.add("a/index.html", '<img src="/renda/img/x.png">')
        assert audit.results()["a/index.html"].uses == {"img/x.png"}
    finally:
        audit.close()
