"""Drafts, scheduled articles and hidden files (issue 16, class 5).

A page hidden by its name (.x.md), a draft (draft: true, with or without a date) and an article dated
after today (Beijing) are checked like any other, but none of them — neither its page nor its title —
is anywhere in the built site: not on a listing, the home page, a feed, the site maps, the search index
or open data. The preview (MkDocs' serve mode) shows the draft and the scheduled article with a Chinese
草稿 mark. The first build on or after the scheduled date publishes the article. "Today" is the date in
Beijing: on a UTC clock between 00:00 and 08:00 Beijing time, today's article is published, not held.
"""
from __future__ import annotations

import datetime
import gzip
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from support.project import HOOKS, ROOT, copy_project, mkdocs_build

import renda_site
from renda_site import clock

HIDDEN = ("docs/dongtai/.2026-08-21-yincang.md",
          '---\ntitle: 隐藏文章甲\ndate: "2026-08-21"\nsource: 办公室\n---\n\n正文。\n')
DRAFT = ("docs/dongtai/2026-08-22-caogao.md",
         '---\ntitle: 草稿文章乙\ndate: "2026-08-22"\nsource: 办公室\ndraft: true\n---\n\n正文。\n')
UNDATED = ("docs/dongtai/wei-ding-riqi.md", "---\ntitle: 未定日期文章丁\ndraft: true\n---\n\n导入的公文，日期待补。\n")
DAY = clock.beijing_today() + datetime.timedelta(days=30)          # a month ahead, whenever the test runs
SCHEDULED = (f"docs/dongtai/{DAY}-dingshi.md",
             f'---\ntitle: 定时文章丙\ndate: "{DAY}"\nsource: 办公室\n---\n\n正文。\n')
TITLES = ["隐藏文章甲", "草稿文章乙", "定时文章丙", "未定日期文章丁"]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("drafts") / "p")
    for rel, text in (HIDDEN, DRAFT, UNDATED, SCHEDULED):
        (project / rel).write_text(text, encoding="utf-8")
    return project


def texts(site: Path) -> dict[str, str]:
    """Every file of the site as text; Pagefind's gzipped chunks decompressed (their titles and text)."""
    out = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = data.decode("utf-8", "replace")
    return out


def test_check_passes_and_warns_about_the_scheduled_article(project, capsys):
    from renda_site.__main__ import main
    assert main(["--root", str(project), "check"]) == 0
    out = capsys.readouterr().out
    assert re.search(rf"^docs/dongtai/{DAY}-dingshi\.md:3 警告 字段 date：发布日期「{DAY}」晚于今天（北京时间 "
                     rf"\d{{4}}-\d\d-\d\d）：定时发布", out, re.M)


@pytest.fixture(scope="module")
def built(project):
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_nothing_withheld_reaches_the_site(built):
    files = texts(built)
    assert any(name.startswith("pagefind/") for name in files)
    for title in TITLES:
        assert [name for name, text in files.items() if title in text] == [], title
    for page in ("dongtai/.2026-08-21-yincang", "dongtai/2026-08-22-caogao", f"dongtai/{DAY}-dingshi",
                 "dongtai/wei-ding-riqi"):
        assert not (built / page).exists(), page
    assert "2026-08-22-caogao" not in files["sitemap.xml"] and f"{DAY}-dingshi" not in files["sitemap.xml"]


def test_the_first_build_on_the_date_publishes_the_scheduled_article(project, tmp_path):
    site = tmp_path / "site"
    env = dict(os.environ, RENDA_TODAY=DAY.isoformat(), RENDA_PAGEFIND="0", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "定时文章丙" in (site / "dongtai" / f"{DAY}-dingshi" / "index.html").read_text(encoding="utf-8")
    assert "定时文章丙" in (site / "dongtai" / "index.html").read_text(encoding="utf-8")
    assert "定时文章丙" in (site / "dongtai" / "feed.xml").read_text(encoding="utf-8")
    assert "定时文章丙" in (site / "index.html").read_text(encoding="utf-8")
    assert "草稿文章乙" not in (site / "dongtai" / "index.html").read_text(encoding="utf-8")


SERVE_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="serve", dirty=False)
try:
    build(config, serve_url="http://127.0.0.1:8000/")
finally:
    config.plugins.on_shutdown()
"""


def test_the_preview_shows_drafts_with_a_chinese_mark(project, tmp_path):
    """What `mkdocs serve` builds (MkDocs' serve mode: its draft pages are built too)."""
    site = tmp_path / "preview"
    env = dict(os.environ, RENDA_PAGEFIND="0", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-c", SERVE_BUILD, str(project / "mkdocs.yml"), str(site)], cwd=project,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    draft = html.unescape((site / "dongtai" / "2026-08-22-caogao" / "index.html").read_text(encoding="utf-8"))
    assert re.search(r'class="rd-draft"[^>]*><strong>草稿</strong>　（draft: true），'
                     r"不会发布（本页只在本机预览中显示）", draft)
    scheduled = html.unescape((site / "dongtai" / f"{DAY}-dingshi" / "index.html").read_text(encoding="utf-8"))
    assert f"定时发布的文章，{DAY.year}年{DAY.month}月{DAY.day}日以后的第一次生成时才发布" in scheduled
    # the listing is as published
    assert "草稿文章乙" not in (site / "dongtai" / "index.html").read_text(encoding="utf-8")
    assert not (site / "dongtai" / ".2026-08-21-yincang").exists()


class _UtcEvening(datetime.datetime):
    """The clock of a UTC CI runner at 17:30 on 1 March: in Beijing it is 01:30 on 2 March."""

    @classmethod
    def now(cls, tz=None):
        instant = datetime.datetime(2026, 3, 1, 17, 30, tzinfo=datetime.UTC)
        return instant.astimezone(tz) if tz else instant.replace(tzinfo=None)


def test_today_is_the_date_in_beijing(monkeypatch, tmp_path):
    monkeypatch.delenv("RENDA_TODAY", raising=False)
    monkeypatch.setattr(clock.datetime, "datetime", _UtcEvening)
    assert clock.beijing_today() == datetime.date(2026, 3, 2)
    project = copy_project(tmp_path / "p")
    (project / "docs/dongtai/2026-03-02-jintian.md").write_text(
        '---\ntitle: 今天的文章\ndate: "2026-03-02"\nsource: 办公室\n---\n\n正文。\n', encoding="utf-8")
    problems, loaded = renda_site.check(project)
    assert not [p for p in problems.items if p.path.endswith("2026-03-02-jintian.md")]
    catalog = renda_site.build_catalog(loaded)
    assert "dongtai/2026-03-02-jintian.md" in catalog.index("articles").by_uri
    assert "dongtai/2026-03-02-jintian.md" not in catalog.withheld_pages()
    assert "dongtai/2026-04-28-changweihui-di32ci-huiyi.md" in catalog.withheld_pages()    # after 2 March


def test_no_stage_reads_the_machines_local_date():
    users = [path for folder in (HOOKS, ROOT / "deploy") for path in folder.rglob("*.py")
             if re.search(r"date\.today\(\)|datetime\.now\(\)", path.read_text(encoding="utf-8"))
             and path.name != "clock.py"]
    assert users == []


def test_renda_today_must_be_a_date(monkeypatch):
    monkeypatch.setenv("RENDA_TODAY", "明天")
    with pytest.raises(SystemExit, match="RENDA_TODAY 应为日期"):
        clock.beijing_today()
