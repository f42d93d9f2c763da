"""The portal home page (issue 13, point 4): a 头条, then one block per section in the order data/site.yaml
`home.blocks` gives — each column with its newest dated items and a 「更多」 link, the latest 公报 issue with its
items, the latest 任免名单, the current term's deputies — a 专题 row from the configuration, no empty block."""
from __future__ import annotations

import html
import re
import shutil

import pytest

from support import urls
from support.project import copy_project, mkdocs_build, output_path

import renda_site
from test_site_build import hrefs


def blocks_of(page: str) -> list[str]:
    return re.findall(r'<section [^>]*class="rd-block rd-block--([a-z0-9-]+)"', page)


def block(page: str, block_id: str) -> str:
    start = page.index(f'rd-block--{block_id}"')
    return page[start: page.index("</section>", start)]


def test_headline_is_the_newest_news_without_a_marked_article(built, demo):
    page = built.html(urls.HOME)
    newest = demo.site.articles_by_column["dongtai"][0]
    headline = page[page.index('class="rd-headline"'): page.index("</section>", page.index('class="rd-headline"'))]
    assert html.escape(newest.meta.title) in headline or newest.meta.title in headline
    assert output_path(newest.src_uri).removesuffix("index.html") in headline
    assert newest.lead[:20] in html.unescape(headline)


def test_blocks_follow_the_configured_order_and_list_the_newest_items(built, demo):
    page = built.html(urls.HOME)
    config = demo.site.info.home
    shown = blocks_of(page)
    assert shown == [b for b in config.blocks if b in shown], "blocks in the order of data/site.yaml"
    assert {"dongtai", "gongbao", "renmian", "daibiao", "shenyi", "zhifa", "jianyi", "banli"} <= set(shown)
    headline = demo.site.articles_by_column["dongtai"][0]
    for column in demo.site.info.columns:
        if column.id not in shown:
            continue
        text = block(page, column.id)
        expected = [a.meta.date for a in demo.site.articles_by_column[column.id] if a is not headline]
        if column.id == "banli":           # the column's articles and the newest replies to suggestions, as one
            expected += [day for day, _ in demo.catalog.index("suggestions").replies]
        dates = re.findall(r'<time datetime="([0-9-]+)"', html.unescape(text))
        assert dates == [d.isoformat() for d in sorted(expected, reverse=True)[:config.items]], column.id
        assert "更多" in text and output_path(urls.listing(column.id, 1)).removesuffix("index.html") in text


def test_record_blocks_show_the_latest_issue_list_and_term(built, demo):
    page = built.html(urls.HOME)
    links = hrefs(built, urls.HOME)
    issue = demo.site.bulletins[0]
    assert output_path(urls.bulletin(issue.year, issue.number)) in links
    gongbao = html.unescape(block(page, "gongbao"))
    assert all(item.title in gongbao for item in issue.items[:demo.site.info.home.items])
    latest = demo.site.appointments[0]
    assert output_path(urls.appointment_list(latest.id)) in links
    term = demo.site.current_term
    serving = sum(1 for s in demo.site.seats_by_term[term.id] if not s.ended_early)
    assert f"现有代表 <strong>{serving}</strong> 名" in block(page, "daibiao")
    assert output_path(urls.composition(term.id)) in links and output_path(urls.DEPUTIES) in links
    meeting = demo.catalog.records("meetings")[0]                      # newest first
    assert output_path(urls.meeting(meeting.id)) in links
    assert f"议程 <strong>{len(meeting.agenda)}</strong> 项" in block(page, "huiyi")
    suggestions = demo.catalog.index("suggestions")
    session = suggestions.sessions[0]
    assert f"建议共 <strong>{suggestions.session_figures[session.id].total}</strong> 件" in block(page, "jianyi")
    assert output_path(urls.session_suggestions(session.id)) in links
    assert output_path(urls.session_summary(session.id)) in links
    stations = demo.catalog.records("stations")
    assert f"代表之家 <strong>{len(stations)}</strong> 个" in block(page, "daibiaogongzuo")


@pytest.fixture(scope="module")
def varied(tmp_path_factory):
    """The demo with the 调查研究 column emptied (no record cites its articles), a marked headline in 审议意见,
    an unknown block left out, and two 专题 links configured."""
    project = copy_project(tmp_path_factory.mktemp("home") / "project")
    shutil.rmtree(project / "docs" / "diaoyan")
    (project / "docs" / "diaoyan").mkdir()
    article = project / "docs/shenyi/2024-05-06-huanjing-zhuangkuang-shenyi-yijian.md"
    article.write_text(article.read_text("utf-8").replace("---\n", "---\nheadline: true\n", 1), "utf-8")
    site_yaml = project / "data/site.yaml"
    text = site_yaml.read_text("utf-8")
    site_yaml.write_text(text[:text.index("\nhome:")] + """
home:
  blocks: [shenyi, diaoyan, gongbao, dongtai]
  items: 3
  topics:
    - title: 清溪河流域综合治理
      url: gongbao/wenjian/2026/qingxihe-liuyu-zonghe-zhili-baogao.md
    - title: 江州市人大常委会
      url: https://www.jzrd.example/
""", "utf-8")
    return project


def test_configuration_orders_blocks_marks_the_headline_and_skips_empty_columns(varied):
    result = renda_site.generate(varied)
    page = next(p.markdown for p in result.pages if p.uri == urls.HOME)
    assert blocks_of(page) == ["shenyi", "gongbao", "dongtai"], "diaoyan has no article: no empty block"
    headline = page[page.index('class="rd-headline"'): page.index("</section>")]
    assert "关于县人民政府2023年度环境状况和环境保护目标完成情况报告的审议意见" in headline
    assert len(re.findall("<li ", block(page, "dongtai"))) == 3
    assert "shenyi/2024-05-06-huanjing-zhuangkuang-shenyi-yijian.md" not in block(page, "shenyi")
    topics = page[page.index('class="rd-topics"'):]
    assert "[清溪河流域综合治理](gongbao/wenjian/2026/qingxihe-liuyu-zonghe-zhili-baogao.md)" in topics
    assert '<a href="https://www.jzrd.example/">江州市人大常委会</a>' in topics


def test_unknown_blocks_and_unsafe_or_missing_topics_are_located_errors(varied, tmp_path):
    project = tmp_path / "p"
    shutil.copytree(varied, project)
    site_yaml = project / "data/site.yaml"
    original = site_yaml.read_text("utf-8")
    site_yaml.write_text(original.replace("[shenyi, diaoyan, gongbao, dongtai]", "[shenyi, xinwen]").replace(
        "url: gongbao/wenjian/2026/qingxihe-liuyu-zonghe-zhili-baogao.md", "url: zhuanti/meiyou.md"), "utf-8")
    messages = [str(p) for p in renda_site.check(project)[0].errors]
    assert any("data/site.yaml:" in m and "home blocks 第2项" in m and "首页板块「xinwen」不存在" in m
               for m in messages), messages
    assert any("home topics 第1项 url" in m and "专题页面「zhuanti/meiyou.md」不存在" in m for m in messages), messages
    site_yaml.write_text(original.replace("url: https://www.jzrd.example/", "url: javascript:alert(1)"), "utf-8")
    messages = [str(p) for p in renda_site.check(project)[0].errors]
    assert any("home topics 第2项 url" in m and "应为 http(s) 网址" in m for m in messages), messages


def test_the_home_page_builds_and_links_every_block(varied, tmp_path):
    result = mkdocs_build(varied, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    page = (tmp_path / "site" / "index.html").read_text("utf-8")
    assert 'href="gongbao/wenjian/2026/qingxihe-liuyu-zonghe-zhili-baogao/"' in page
    assert 'href="https://www.jzrd.example/"' in page


def test_without_configured_blocks_every_kind_offers_its_block_first_column_and_photos_first_intro_last(tmp_path):
    """A site.yaml without `home.blocks`: every block any kind offers (a kind added to the registry brings its
    block without a list to edit), the first column and its 图片新闻 first, the introduction last."""
    project = copy_project(tmp_path / "p")
    site_yaml = project / "data/site.yaml"
    lines = site_yaml.read_text("utf-8").split("\n")
    site_yaml.write_text("\n".join(line for line in lines if not line.strip().startswith("blocks:")), "utf-8")
    result = renda_site.generate(project)
    shown = blocks_of(next(p.markdown for p in result.pages if p.uri == urls.HOME))
    first = result.catalog.config.columns[0].id
    assert shown[:2] == [first, "photos"] and shown[-1] == "intro", shown
    configured = renda_site.generate(copy_project(tmp_path / "q"))
    listed = blocks_of(next(p.markdown for p in configured.pages if p.uri == urls.HOME))
    assert set(listed) <= set(shown), "every block the demo lists is there by default too"
    assert len(shown) == len(set(shown))
