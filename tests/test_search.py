"""The search index without a browser: the plan from the generator, the HTML Pagefind sees, the hook."""
from __future__ import annotations

import datetime
import json
import re

import hypothesis
import pytest

from support import urls
from support.project import ROOT, copy_project, mkdocs_build

from renda_site.address import html_path, url_of_html as url_of
from renda_site.build.search_index import augment, index_site
from renda_site.publish.search_plan import SearchPlan, sections_from_nav
from renda_site.publish.search_words import decode, encode, encode_html, query_words, run_words

PAGE = ('<html lang="zh"><body><nav>周明远</nav><article><div class="rd-page-body" data-pagefind-body>'
        '<h1>会议</h1><p>县人大常委会主任周明远主持会议，周明出席。</p></div></article>'
        '<footer>页脚</footer></body></html>')


def test_a_run_of_chinese_characters_becomes_its_first_character_the_pairs_and_its_last():
    assert run_words("执法检查") == ["执", "执法", "法检", "检查", "查"]
    assert run_words("执法检查", opened=False, closed=False) == ["执法", "法检", "检查"]
    assert run_words("县") == ["县"]
    assert encode("2024年第3期（总第40期）").split() == [
        "2024", "年", "年第", "第", "3", "期", "（", "总", "总第", "第", "40", "期", "）"]
    # a query: its first run is not opened, its last not closed (they may go on on the page)
    assert query_words("检查2024年第3期") == ["检查", "查", "2024", "年", "年第", "第", "3", "期"]
    assert query_words("18号建议") == ["18", "号", "号建", "建议"]
    # only text is cut: tags and attribute values stay as they were
    assert encode_html('<p title="周明远">周明远</p>') == '<p title="周明远"> 周 周明 明远 远 </p>'


@pytest.mark.parametrize("text", ["2024年第3期（总第40期）", "清溪县 人大", "执法检查工作。龘", "人 人人 人人人",
                                  "AB人人CD", "县人大常委会主任周明远主持会议，周明出席。"])
def test_decode_gives_back_the_text_as_pagefind_keeps_it(text):
    assert decode(" ".join(encode(text).split())) == text      # Pagefind collapses the spaces


@hypothesis.given(hypothesis.strategies.text(alphabet="人大代表会议县乡AB1２，。", max_size=40))
def test_decode_undoes_encode_for_any_text_without_spaces(text):
    assert decode(" ".join(encode(text).split())) == text


def test_the_shipped_traditional_table_is_the_one_opencc_makes():
    from renda_site.publish.t2s_table import TABLE, pairs
    shipped = TABLE.read_text(encoding="utf-8")
    assert shipped == pairs()          # regenerate: python -m renda_site.publish.t2s_table
    body = shipped.removesuffix("\n")             # pairs 繁简繁简…, then one newline
    table = dict(zip(body[0::2], body[1::2], strict=True))
    assert "".join(table.get(c, c) for c in "執法檢查 會議 選舉") == "执法检查 会议 选举"


def test_augment_cuts_the_text_and_adds_filters_and_meta_inside_the_body_only():
    plan = SearchPlan(sections={"dongtai": "人大动态"}, dates={"dongtai/a/index.html": datetime.date(2024, 2, 27)})
    out = augment(PAGE, "dongtai/a/index.html", plan)
    assert '<html lang="und">' in out and "<nav>" not in out and "页脚" not in out
    assert 'data-pagefind-filter="栏目:人大动态"' in out and 'data-pagefind-filter="年份:2024年"' in out
    assert 'data-pagefind-meta="date:2024-02-27"' in out
    assert "<h1> 会 会议 议 </h1>" in out and " 周明 明远 远主 " in out
    assert out.index("data-pagefind-body") < out.index("栏目:") < out.index("<h1>")


def test_augment_escapes_values_and_skips_listings_and_bodiless_pages():
    plan = SearchPlan(sections={"x": '栏"目<b>'}, skip=frozenset({"list/index.html"}))
    out = augment(PAGE, "x/p/index.html", plan)
    assert 'data-pagefind-filter="栏目:栏&quot;目&lt;b&gt;"' in out
    assert augment(PAGE, "list/index.html", plan) is None
    assert augment("<html><body><p>404</p></body></html>", "404.html", plan) is None


def test_plan_from_the_demo(demo):
    import yaml
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    plan = demo.result.search_plan(nav)
    site = demo.site
    assert plan.sections["gaikuang"] == "人大概况" and plan.sections["dongtai"] == "人大动态"
    assert {"index.html", "dongtai/index.html", "dongtai/page-2/index.html", "gongbao/2024/index.html"} <= plan.skip
    assert urls.built(urls.deputy("d0001")) not in plan.skip and "renmian/renyuan/index.html" in plan.skip
    assert plan.people[urls.built(urls.deputy("d0001"))][0] == site.deputies[0].name
    assert "daibiao/jie-18/index.html" not in plan.skip
    assert plan.types[urls.built(urls.deputy("d0001"))] == "代表"
    assert plan.types["renmian/18-32/index.html"] == "任免名单"
    bulletin = site.bulletins[0]
    assert plan.dates[f"gongbao/{bulletin.year}/{bulletin.number}/index.html"] == bulletin.date


def test_paths_and_nav_sections():
    assert html_path("a/b.md") == "a/b/index.html" and html_path("a/index.md") == "a/index.html"
    assert html_path("a/b.md", directory_urls=False) == "a/b.html"
    assert url_of("a/b/index.html") == "/a/b/" and url_of("index.html") == "/"
    nav = [{"首页": "index.md"}, {"概况": ["gaikuang/index.md", {"x": "gaikuang/x.md"}]}, {"公报": "gongbao/index.md"},
           "loose.md"]
    assert sections_from_nav(nav) == {"gaikuang": "概况", "gongbao": "公报"}


def test_index_site_writes_a_pagefind_bundle(tmp_path):
    site = tmp_path / "site"
    (site / "dongtai" / "a").mkdir(parents=True)
    (site / "dongtai" / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "404.html").write_text("<html><body>404</body></html>", encoding="utf-8")
    (site / "pagefind").mkdir()
    (site / "pagefind" / "stale.pf_index").write_text("old", encoding="utf-8")
    stats = index_site(site, SearchPlan())
    assert (stats.pages, stats.skipped) == (1, 1)
    assert (site / "pagefind" / "pagefind.js").is_file() and not (site / "pagefind" / "stale.pf_index").exists()
    assert stats.bytes == sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    assert (site / "dongtai" / "a" / "index.html").read_text(encoding="utf-8") == PAGE   # served page untouched


def test_built_demo_has_the_search_box_and_an_index(built):
    assert (built.site / "pagefind" / "pagefind.js").is_file()
    assert list((built.site / "pagefind" / "index").glob("*.pf_index"))
    for uri in ("index.md", urls.deputy("d0001"), "dongtai/2024-02-27-changweihui-di16ci-huiyi.md",
                "gaikuang/jianjie.md"):
        html = built.html(uri)
        assert 'id="rd-search-input"' in html and "assets/js/search.js" in html and "data-pagefind-body" in html
        assert 'for="__search"' not in html                  # Material's own search stays off
    script = (built.site / "assets" / "js" / "search.js").read_text(encoding="utf-8")
    assert not re.search(r"https?://", script)                 # no external host


def test_renda_pagefind_0_skips_indexing(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project")
    monkeypatch.setenv("RENDA_PAGEFIND", "0")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").is_file() and not (project / "site" / "pagefind").exists()


def test_the_index_made_during_the_build_equals_one_made_from_the_finished_pages(built, demo, tmp_path):
    """The hook hands Pagefind each page's body as soon as it is converted (so Pagefind can run beside
    the theme's rendering); indexing the finished HTML instead must give the very same index: the same
    fragment files (named by their content's hash: URL, text, title, filters, meta) and page count."""
    import shutil

    import yaml
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    site = tmp_path / "site"
    shutil.copytree(built.site, site, ignore=shutil.ignore_patterns("pagefind"))
    stats = index_site(site, demo.result.search_plan(nav))
    during = sorted(p.name for p in (built.site / "pagefind").glob("**/fragment/*"))     # all parts
    after = sorted(p.name for p in (site / "pagefind").glob("**/fragment/*"))
    assert stats.pages == len(after) > 100
    assert during == after


def test_a_persons_own_page_carries_the_person_meta():
    plan = SearchPlan(people={"daibiao/d1/index.html": ("周明远", "周明")})
    own = augment(PAGE, "daibiao/d1/index.html", plan)
    people = re.search(r'data-pagefind-meta="person:([^"]*)"', own).group(1).split()
    assert people == ["周", "周明", "明远", "远", "周", "周明", "明"]
    assert "person:" not in augment(PAGE, "dongtai/a/index.html", plan)


def test_a_failing_pagefind_is_reported_and_leaves_no_bundle_or_temporary_folder(tmp_path, monkeypatch):
    import sys

    import pytest

    from renda_site.build.search_index import SearchIndexer
    monkeypatch.setattr(SearchIndexer, "PAGEFIND", [sys.executable, "-c", "import sys; print('索引出错'); sys.exit(3)"])
    indexer = SearchIndexer(SearchPlan())
    indexer.add_page("dongtai/a/index.html", PAGE)
    temporary = indexer._temp
    with pytest.raises(RuntimeError, match=r"(?s)Pagefind 建立站内搜索索引失败（退出码 3）.*索引出错"):
        indexer.finish(tmp_path / "site")
    assert not (tmp_path / "site" / "pagefind").exists() and not temporary.exists()


def test_a_large_index_is_built_in_parts_each_by_its_own_pagefind_run(tmp_path):
    """Pages are handed to Pagefind in parts holding about `part_characters` Chinese characters; the
    bundle holds the first part and the others at part-N/ (their index, metadata and fragments, not
    Pagefind's scripts), listed in parts.json, and every page is in exactly one part."""
    from renda_site.build.search_index import SearchIndexer
    indexer = SearchIndexer(SearchPlan(), part_characters=10)      # about one page per part
    for i in range(5):
        indexer.add_page(f"dongtai/a{i}/index.html", PAGE.replace("<h1>会议", f"<h1>会议{i}"))
    stats = indexer.finish(tmp_path / "site")
    bundle = tmp_path / "site" / "pagefind"
    parts = json.loads((bundle / "parts.json").read_text(encoding="utf-8"))["parts"]
    assert stats.parts == len(parts) + 1 >= 3 and stats.pages == 5
    counts = [sum(language["page_count"] for language in json.loads((bundle / part / "pagefind-entry.json")
              .read_text(encoding="utf-8"))["languages"].values()) for part in ["", *parts]]
    assert sum(counts) == 5 and all(counts)
    assert len(list(bundle.glob("**/fragment/*.pf_fragment"))) == 5
    assert not [p for part in parts for p in (bundle / part).iterdir() if p.suffix in (".js", ".css", ".pagefind")]


def test_a_failing_run_of_a_later_part_fails_the_build(tmp_path, monkeypatch):
    import sys

    import pytest

    from renda_site.build.search_index import SearchIndexer
    fail_second = ("import sys, subprocess; from pathlib import Path; "
                   "sys.exit(3) if Path(sys.argv[2]).name == 'pages-1' else "
                   "sys.exit(subprocess.call([sys.executable, '-m', 'pagefind', *sys.argv[1:]]))")
    monkeypatch.setattr(SearchIndexer, "PAGEFIND", [sys.executable, "-c", fail_second])
    indexer = SearchIndexer(SearchPlan(), part_characters=10)
    for i in range(3):
        indexer.add_page(f"dongtai/a{i}/index.html", PAGE)
    temporary = indexer._temp
    with pytest.raises(RuntimeError, match=r"退出码 3"):
        indexer.finish(tmp_path / "site")
    assert not (tmp_path / "site" / "pagefind").exists() and not temporary.exists()


def test_pages_are_converted_in_an_order_that_mixes_the_sections():
    """Each section's pages spread over the whole order, so every part of the index gets the same mix."""
    from renda_site.build.search_index import mixed_order
    paths = [f"daibiao/d{i}.md" for i in range(6)] + [f"dongtai/a{i}.md" for i in range(3)] + ["index.md"]
    order = [paths[i] for i in mixed_order(paths)]
    assert sorted(order) == sorted(paths)
    first_half = order[:5]
    assert sum(p.startswith("daibiao/") for p in first_half) == 3
    assert sum(p.startswith("dongtai/") for p in first_half) in (1, 2)
    # kept in order within
    assert [p for p in order if p.startswith("daibiao/")] == [f"daibiao/d{i}.md" for i in range(6)]
