"""网站体检: each item on the demo, and on copies of the demo made to fail it (dates moved back, a leader's
name mistyped, columns emptied, a dead link, an undated page, the site's address left out), through the
command an editor runs (`python -m renda_site check`) and through the build."""
from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from support.pagekinds import PAGE_KINDS, composition_url
from support.project import HOOKS, ROOT, copy_project

import renda_site
from renda_site.inspection import REPORT_FILE
from renda_site.inspection.names import Roster
from renda_site.inspection.pages import missing_alt
from renda_site.render.page_tags import ARTICLE_TAGS, COLUMN_TAGS, SITE_TAGS

DEMO_DAY = datetime.date(2026, 12, 4)       # a day the demo's news column is up to date
NEXT_MONTH = "2027-01-05"
LISTINGS = {"section-index", "column-page-1", "column-page-2", "bulletin-archive", "bulletin-year", "deputy-index",
            "term-roster", "site-map", "suggestion-listing", "meetings-of-term", "stations"}
TAG = re.compile(r'<meta name="([A-Za-z]+)" content="([^"]*)"')


def inspect_demo(today: datetime.date, root: Path = ROOT):
    problems, loaded = renda_site.check(root, today)
    assert not problems.errors, problems.report()
    return renda_site.inspect_checked(loaded)


def run_check(project: Path, today: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, RENDA_TODAY=today, PYTHONPATH=str(HOOKS))
    return subprocess.run([sys.executable, "-m", "renda_site", "--root", str(project), "check"],
                          capture_output=True, text=True, env=env, cwd=project, check=False)


def column(inspection, title: str):
    return next(state for state in inspection.columns if state.column.title == title)


def test_the_demo_is_up_to_date_on_its_day_and_overdue_a_month_later():
    today = inspect_demo(DEMO_DAY)
    assert not today.home_overdue and not column(today, "人大动态").overdue
    assert not today.slips and not today.links and not today.undated and not today.alt and not today.tags
    later = inspect_demo(datetime.date.fromisoformat(NEXT_MONTH))
    assert later.home_overdue and column(later, "人大动态").overdue
    vetoes, _ = later.findings()
    assert "首页超过期限未更新" in vetoes and "人大动态超过 14 天未更新" in vetoes
    assert column(later, "人大概况").limit_text is None and not column(later, "人大概况").overdue   # 静态介绍


def test_limits_in_months_end_on_the_same_day_of_the_month():
    from renda_site.inspection.freshness import months_before
    assert months_before(datetime.date(2026, 12, 4), 6) == datetime.date(2026, 6, 4)
    assert months_before(datetime.date(2026, 8, 31), 6) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 3, 15), 3) == datetime.date(2025, 12, 15)


@pytest.fixture(scope="module")
def spoiled(tmp_path_factory) -> Path:
    """The demo with its newest news moved back half a year and the chairman's name mistyped once."""
    project = copy_project(tmp_path_factory.mktemp("spoiled"))
    for path in (project / "docs" / "dongtai").glob("2026-1[01]-*.md"):
        path.write_text(path.read_text(encoding="utf-8").replace('date: "2026-11-', 'date: "2026-05-'),
                        encoding="utf-8")
    meeting = project / "docs" / "dongtai" / "2026-04-28-changweihui-di32ci-huiyi.md"
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("主任周明远主持", "主任周明元主持"),
                       encoding="utf-8")
    return project


def test_a_mistyped_leader_and_stale_news_are_reported_without_stopping(spoiled):
    result = run_check(spoiled, DEMO_DAY.isoformat())
    assert result.returncode == 0, result.stdout + result.stderr          # warnings never stop a build
    out = result.stdout
    line = next(n for n, text in enumerate((spoiled / "docs/dongtai/2026-04-28-changweihui-di32ci-huiyi.md")
                                           .read_text(encoding="utf-8").splitlines(), 1) if "周明元" in text)
    assert f"docs/dongtai/2026-04-28-changweihui-di32ci-huiyi.md:{line} 「周明元」疑为「周明远」【单项否决】" in out
    assert re.search(r"人大动态（动态要闻）：最近更新 2026年8月20日，\d+ 天前（期限 14 天）【单项否决】", out)
    assert "首页：最近更新" in out and "结论：单项否决" in out


def test_homophones_and_one_character_slips_are_found_but_correct_names_are_not():
    roster = Roster(["周明远", "何静", "林秀华"])
    found = {(s.written, s.meant) for s in roster.slips("周明元主持会议。\n何晶同志、林秀华、周明远出席。和经济")}
    assert found == {("周明元", ("周明远",)), ("何晶", ("何静",))}
    assert [s.line for s in roster.slips("第一行\n林绣华")] == [2]


def test_five_empty_columns_are_a_veto(tmp_path):
    project = copy_project(tmp_path / "p")
    site = project / "data" / "site.yaml"
    extra = "".join(f"  - id: kong{i}\n    title: 空栏目{i}\n" for i in range(5))
    site.write_text(site.read_text(encoding="utf-8").replace("columns:\n", "columns:\n" + extra, 1), encoding="utf-8")
    out = run_check(project, DEMO_DAY.isoformat()).stdout
    assert "二、空白栏目（5 个及以上为单项否决）：【单项否决】5 个：空栏目0、空栏目1" in out, out


def test_dead_links_undated_pages_and_missing_tags_are_reported(tmp_path):
    project = copy_project(tmp_path / "p")
    article = project / "docs" / "dongtai" / "2026-08-20-shicha-fangxun.md"
    article.write_text(article.read_text(encoding="utf-8") + "\n详见[会议材料](../ziliao/huiyi-cailiao.pdf)。\n",
                       encoding="utf-8")
    (project / "docs" / "huodong").mkdir()
    (project / "docs" / "huodong" / "xuanchuan.md").write_text("---\ntitle: 宪法宣传周活动\n---\n\n活动情况。\n",
                                                               encoding="utf-8")
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("site_url: https://www.qxrd.example/", "site_url: ''")
                        .replace('site_code: "0000000000"', 'site_code: ""'), encoding="utf-8")
    out = run_check(project, DEMO_DAY.isoformat()).stdout
    lines = len(article.read_text(encoding="utf-8").rstrip("\n").splitlines())
    assert (f"docs/dongtai/2026-08-20-shicha-fangxun.md:{lines} 链接「../ziliao/huiyi-cailiao.pdf」"
            "指向的页面或文件不存在") in out
    assert "五、未注明日期的页面（检查时视为未更新）：\n  docs/huodong/xuanchuan.md" in out
    for tag in ("SiteDomain", "SiteIDCode", "Url"):
        assert re.search(rf"^  {tag}：\d+ 个页面缺少", out, re.MULTILINE), tag


def test_images_without_alt_text_are_located():
    article = SimpleNamespace(path="docs/dongtai/x.md", body="第一段\n\n![](a.png)\n\n<img src='b.png'>\n", body_line=5)
    assert list(missing_alt([article])) == [("docs/dongtai/x.md", 7), ("docs/dongtai/x.md", 9)]


def test_every_page_kind_carries_the_page_tags_it_must(built):
    """The built pages carry what the 网站体检 computed: all 15 tags on content pages, the site's and the
    column's on listings."""
    urls = dict(PAGE_KINDS, composition=composition_url(built.site))
    for kind, url in urls.items():
        if url is None or kind == "404":
            continue
        html = (built.site / (url + "index.html" if url.endswith("/") or not url else url)).read_text(encoding="utf-8")
        tags = {name: value for name, value in TAG.findall(html) if value}
        if kind == "home":
            wanted = SITE_TAGS + ("Keywords", "Description", "Url")
        elif kind in LISTINGS:
            wanted = SITE_TAGS + COLUMN_TAGS + ("Keywords", "Description", "Url")
        else:
            wanted = SITE_TAGS + COLUMN_TAGS + ARTICLE_TAGS
        assert set(wanted) <= set(tags), (kind, sorted(set(wanted) - set(tags)))


def test_the_build_prints_the_summary_and_keeps_the_report_out_of_the_site(built):
    assert "网站体检（" in built.result.stderr and "完整报告见 网站体检.txt" in built.result.stderr
    report = (built.project / REPORT_FILE).read_text(encoding="utf-8")
    assert report.startswith("网站体检（") and "结论：" in report
    assert not list(built.site.rglob(REPORT_FILE))


def test_fixed_pages_show_no_news_date_but_carry_pubdate(built):
    html = built.html("gaikuang/jianjie.md")
    assert "发布日期" not in html and '<meta name="PubDate" content="2026-01-10">' in html
    assert "发布日期" in built.html("dongtai/2026-08-20-shicha-fangxun.md")
