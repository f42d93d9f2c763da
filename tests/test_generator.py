"""The generator on its own: importable and usable without MkDocs, escaping, pagination, writing."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import markdown
import pytest

from support import urls
from support.project import HOOKS, ROOT, copy_project

from renda_site import ContentError, generate
from renda_site.address import relative_link
from renda_site.kinds.appointments import pinyin_key, sentence_parts
from renda_site.outputs import paginate
from renda_site.publish.output import write_pages
from renda_site.text import cn_date, cn_number, md_text


def test_generator_runs_without_mkdocs_installed(tmp_path):
    """Block every mkdocs import, then generate the demo: the generator must not need MkDocs."""
    script = textwrap.dedent(f"""
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "mkdocs" or name.startswith(("mkdocs.", "material")):
                    raise ImportError("blocked: " + name)
        sys.meta_path.insert(0, Block())
        sys.path.insert(0, {str(HOOKS)!r})
        from renda_site.__main__ import main
        sys.exit(main(["--root", {str(ROOT)!r}, "generate", "--out", {str(tmp_path)!r}]))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / urls.deputy("d0001")).is_file()
    assert "mkdocs" not in result.stderr


def render(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=["tables", "attr_list", "md_in_html"])


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", "[点我](javascript:alert(1))", "**粗体** _斜体_ `代码`",
    "![图](http://evil.example/x.png)", "a | b | c", "# 标题", "1. 列表", "&lt;b&gt;", "<img src=x onerror=alert(1)>",
])
def test_md_text_renders_literally(payload):
    html = render(f"| a |\n| --- |\n| {md_text(payload)} |\n\n[{md_text(payload)}](x.md)\n")
    for tag in ("<script", "<img", "<strong", "<em", "<code", "<h1", "<ol"):
        assert tag not in html
    assert html.count("<a ") == 1 and "javascript:" not in html.replace("javascript&#58;", "")
    assert html.count("<td>") == 1


def test_formatting_helpers():
    import datetime
    assert cn_date(datetime.date(2024, 3, 1)) == "2024年3月1日"
    assert [cn_number(n) for n in (3, 10, 18, 23, 40)] == ["三", "十", "十八", "二十三", "四十"]
    assert relative_link("daibiao/d0001.md", "renmian/18-19.md") == "../renmian/18-19.md"
    assert relative_link("index.md", "gongbao/2024/3.md") == "gongbao/2024/3.md"
    assert relative_link("a/b.md", "assets/附件 1.pdf") == "../assets/%E9%99%84%E4%BB%B6%201.pdf"


def test_paginate():
    pages = list(paginate(list(range(23)), 10, "dongtai"))
    assert [p.uri for p in pages] == ["dongtai/index.md", "dongtai/page-2.md", "dongtai/page-3.md"]
    assert [len(p.items) for p in pages] == [10, 10, 3]
    assert [p.uri for p in paginate([], 10, "x")] == ["x/index.md"]   # an empty column still has its page


def test_sentences_and_pinyin_order():
    assert sentence_parts("接受辞职") == ("接受", "辞去", "职务的请求")
    assert sentence_parts("任命") == ("任命", "为", "")
    names = ["周明远", "陈立群", "何静", "安然", "林秀华"]
    assert sorted(names, key=pinyin_key) == ["安然", "陈立群", "何静", "林秀华", "周明远"]


def test_every_generated_page_names_its_source(demo):
    uris = [p.uri for p in demo.pages]
    assert len(uris) == len(set(uris))
    by_uri = {p.uri: p for p in demo.pages}
    assert by_uri[urls.deputy("d0001")].edit_path == "data/deputies/d0001.yaml"
    assert by_uri[urls.bulletin(2024, 3)].edit_path == "data/bulletins/2024/3.yaml"


def test_write_pages_only_rewrites_changed_files(tmp_path, demo):
    first = write_pages(demo.pages, tmp_path)
    assert first.written == len(demo.pages)
    mtime = (tmp_path / urls.deputy("d0001")).stat().st_mtime_ns
    second = write_pages(demo.pages, tmp_path)
    assert (second.written, second.unchanged) == (0, len(demo.pages))
    assert (tmp_path / urls.deputy("d0001")).stat().st_mtime_ns == mtime
    (tmp_path / "stale.md").write_text("x")
    assert write_pages(demo.pages, tmp_path).removed == 1


def test_files_written_in_the_background_are_complete_after_wait(tmp_path, demo):
    (tmp_path / "shuju").mkdir()
    (tmp_path / "shuju" / "gone.json").write_text("{}")
    stats = write_pages(demo.pages, tmp_path, demo.files, files_in_background=True)
    # The pages (and the stale file's removal) are done when it returns; the files' thread may be under
    # way already, so the count is at least the pages' (asserting it equal raced that thread).
    assert stats.removed == 1 and stats.written >= len(demo.pages)
    assert all((tmp_path / p.uri).read_text(encoding="utf-8") == p.markdown for p in demo.pages)
    stats.wait()
    assert stats.written == len(demo.pages) + len(demo.files)
    assert all((tmp_path / f.path).read_bytes() == f.data for f in demo.files)
    again = write_pages(demo.pages, tmp_path, demo.files, files_in_background=True).wait()
    assert (again.written, again.unchanged) == (0, len(demo.pages) + len(demo.files))


def test_bad_data_stops_generation_with_located_chinese_error(tmp_path):
    project = copy_project(tmp_path / "p")
    path = project / "data/deputies/d0001.yaml"
    text = path.read_text(encoding="utf-8").replace("gender: 男", "gender: M", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("gender: M") + 1
    with pytest.raises(ContentError) as info:
        generate(project)
    messages = [str(p) for p in info.value.problems.errors]
    expected = f"data/deputies/d0001.yaml:{line} 错误 字段 gender：取值必须为「男」或「女」，实际为「M」"
    assert any(m.startswith(expected) for m in messages), messages   # a "did you mean" hint may follow


def test_raw_html_links_are_those_mkdocs_writes():
    """page_href (links inside raw HTML blocks, which MkDocs does not rewrite) equals MkDocs' own."""
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    from renda_site.address import page_href
    pages = ["index.md", urls.deputy("d0001"), "daibiao/index.md", "jianyi/18-3/41.md", "jianyi/18-3/index.md",
             "banli/danwei/jiaoyu.md", "huiyi/18-17.md", "gongbao/2024/2.md"]
    for directory_urls in (True, False):
        for source in pages:
            for target in pages:
                ours = page_href(source, target, directory_urls)
                theirs = get_relative_url(File(target, "docs", "site", directory_urls).url,
                                          File(source, "docs", "site", directory_urls).url)
                assert ours == theirs, (source, target, directory_urls)
