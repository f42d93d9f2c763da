"""Addresses (address.py), the Beijing date (clock.py), the withholding of drafts and scheduled articles
(kinds/articles.py) and the staging folder of a build (build/staging.py), case by case. Written against the
mutants that the other in-process tests let survive (bench/mutation.sh)."""
from __future__ import annotations

import datetime
import os
from types import SimpleNamespace

import pytest

from renda_site import address, clock
from renda_site.address import Address
from renda_site.build import staging
from renda_site.build.staging import StagedSite, drop_source_maps
from renda_site.kinds.articles import KIND as ARTICLES

# --- addresses --------------------------------------------------------------------------------------


def test_the_files_of_a_section():
    assert address.listing("dongtai", 1) == "dongtai/index.md"
    assert address.listing("dongtai", 2) == "dongtai/page-2.md"
    assert address.feed("dongtai") == "dongtai/feed.xml"
    assert address.record_json("daibiao/d0001.md") == "daibiao/d0001.json"
    assert address.open_data("daibiao.csv") == "shuju/daibiao.csv"
    assert address.docs_relative("data/terms.yaml", "docs") == "../data/terms.yaml"


@pytest.mark.parametrize("page,directory,html", [
    ("daibiao/d0001.md", True, "daibiao/d0001/index.html"), ("daibiao/d0001.md", False, "daibiao/d0001.html"),
    ("index.md", True, "index.html"), ("daibiao/index.md", True, "daibiao/index.html"),
    ("daibiao/index.md", False, "daibiao/index.html"), ("a/reindex.md", True, "a/reindex/index.html"),
    ("404.html", True, "404.html/index.html"),
])
def test_html_path(page, directory, html):
    assert address.html_path(page, directory) == html
    assert Address(directory_urls=directory).html(page) == html


@pytest.mark.parametrize("html,url", [("index.html", "/"), ("a/b/index.html", "/a/b/"), ("a/b.html", "/a/b.html"),
                                      ("a/./b.html", "/a/b.html")])
def test_url_of_html(html, url):
    assert address.url_of_html(html) == url


@pytest.mark.parametrize("start,target,link", [
    ("index.md", "daibiao/d0001.md", "daibiao/d0001.md"),
    ("daibiao/d0001.md", "daibiao/d0002.md", "d0002.md"),
    ("daibiao/d0001.md", "jianyi/18-3/41.md", "../jianyi/18-3/41.md"),
    ("a/b/c.md", "a/x.md", "../x.md"),
    ("a/b/c.md", "a/b/c/d.md", "c/d.md"),
    ("a/b.md", "a/b/c.md", "b/c.md"),
    ("a/b.md", "a", "../a"),
    ("dongtai/x.md", "assets/图 1.png", "../assets/%E5%9B%BE%201.png"),
    ("./x.md", "./y/z.md", "y/z.md"),
])
def test_relative_link(start, target, link):
    assert address.relative_link(start, target) == link


@pytest.mark.parametrize("start,target,directory,href", [
    ("index.md", "daibiao/d0001.md", True, "daibiao/d0001/"),
    ("daibiao/d0001.md", "daibiao/d0002.md", True, "../d0002/"),
    ("daibiao/d0001.md", "daibiao/index.md", True, "../"),
    ("daibiao/d0001.md", "index.md", True, "../../"),
    ("daibiao/index.md", "daibiao/index.md", True, "./"),
    ("jianyi/18-3/41.md", "jianyi/18-3/index.md", True, "../"),
    ("daibiao/d0001.md", "daibiao/d0002.md", False, "d0002.html"),
    ("daibiao/d0001.md", "index.md", False, "../index.html"),
    ("index.md", "index.md", False, "index.html"),
    ("a/甲.md", "a/乙.md", True, "../%E4%B9%99/"),
])
def test_page_href(start, target, directory, href):
    assert address.page_href(start, target, directory) == href


def test_relative_url_keeps_a_folder_a_folder():
    assert address.relative_url("dongtai/feed.xml", "dongtai/a/") == "a/"
    assert address.relative_url("dongtai/feed.xml", "daibiao/d1/") == "../daibiao/d1/"
    assert address.relative_url("feed.xml", "x.html") == "x.html"
    assert address.relative_url("dongtai/feed.xml", "dongtai/") == "./"
    assert address.relative_url("feed.xml", "") == "."


def test_public_address():
    assert address.public_address("https://rd.example.gov.cn", "daibiao/d1/") == "https://rd.example.gov.cn/daibiao/d1/"
    assert address.public_address("https://rd.example.gov.cn/x/", "/a/甲/") == \
        "https://rd.example.gov.cn/x/a/%E7%94%B2/"
    assert address.public_address("https://rd.example.gov.cn/x", "a?b=1&c#d") == "https://rd.example.gov.cn/x/a?b=1&c#d"
    assert address.public_address("https://rd.example.gov.cn", "XX/") == "https://rd.example.gov.cn/XX/"


def test_address_of_a_build():
    on = Address("https://rd.example.gov.cn/", True)
    off = Address(None, False)
    assert on.page("daibiao/d0001.md") == "daibiao/d0001/" and off.page("daibiao/d0001.md") == "daibiao/d0001.html"
    assert on.page("index.md") == "./" and on.page("daibiao/index.md") == "daibiao/"
    assert off.page("index.md") == "index.html" and on.page("a/甲.md") == "a/%E7%94%B2/"
    assert on.page("a/b") == "a/b/"
    assert on.file("shuju/代表.csv") == "shuju/%E4%BB%A3%E8%A1%A8.csv"
    assert on.absolute("./") == "https://rd.example.gov.cn/" and on.absolute("a/") == "https://rd.example.gov.cn/a/"
    assert off.absolute("a/") is None and Address("").absolute("a/") is None
    assert on.page_public("daibiao/d1.md") == "https://rd.example.gov.cn/daibiao/d1/"
    assert off.page_public("daibiao/d1.md") == "daibiao/d1.html"
    assert on.file_public("shuju/a.csv") == "https://rd.example.gov.cn/shuju/a.csv"
    assert off.file_public("shuju/a.csv") == "shuju/a.csv"
    assert Address() == Address(None, True)


# --- the Beijing date -------------------------------------------------------------------------------

UTC = datetime.UTC


@pytest.mark.parametrize("utc,beijing", [
    (datetime.datetime(2026, 4, 30, 15, 59, tzinfo=UTC), datetime.date(2026, 4, 30)),
    (datetime.datetime(2026, 4, 30, 16, 0, tzinfo=UTC), datetime.date(2026, 5, 1)),
    (datetime.datetime(2026, 12, 31, 23, 0, tzinfo=UTC), datetime.date(2027, 1, 1)),
])
def test_today_is_the_date_in_beijing(utc, beijing):
    assert clock.beijing_today(utc) == beijing


def test_renda_today_stands_in_for_today(monkeypatch):
    monkeypatch.setenv("RENDA_TODAY", " 2026-05-01 ")
    assert clock.beijing_today() == datetime.date(2026, 5, 1)
    assert clock.beijing_today(datetime.datetime(2020, 1, 1, tzinfo=UTC)) == datetime.date(2020, 1, 1)
    monkeypatch.setenv("RENDA_TODAY", "2026-5-1日")
    with pytest.raises(SystemExit) as stopped:
        clock.beijing_today()
    assert str(stopped.value) == "环境变量 RENDA_TODAY 应为日期，格式如 2026-05-01，实际为「2026-5-1日」"


def test_without_renda_today_it_is_the_clock_in_beijing(monkeypatch):
    monkeypatch.setenv("RENDA_TODAY", "  ")
    before = datetime.datetime.now(clock.BEIJING).date()
    today = clock.beijing_today()
    assert before <= today <= datetime.datetime.now(clock.BEIJING).date()
    assert clock.beijing_now().utcoffset() == datetime.timedelta(hours=8)


# --- withholding --------------------------------------------------------------------------------------

TODAY = datetime.date(2026, 5, 1)


def article(date=None, draft=False):
    return SimpleNamespace(meta=SimpleNamespace(date=date, draft=draft))


def test_a_draft_and_a_later_article_are_withheld_and_say_why():
    assert ARTICLES.withheld(article(TODAY, draft=True), TODAY) == "草稿（draft: true），不会发布"
    assert ARTICLES.withheld(article(None, draft=True), TODAY) == "草稿（draft: true），不会发布"
    later = ARTICLES.withheld(article(TODAY + datetime.timedelta(days=1)), TODAY)
    assert later == "定时发布的文章，2026年5月2日以后的第一次生成时才发布"


def test_an_article_of_today_or_before_or_without_date_or_front_matter_is_published():
    assert ARTICLES.withheld(article(TODAY), TODAY) is None
    assert ARTICLES.withheld(article(TODAY - datetime.timedelta(days=1)), TODAY) is None
    assert ARTICLES.withheld(article(None), TODAY) is None
    assert ARTICLES.withheld(SimpleNamespace(meta=None), TODAY) is None


# --- staging ------------------------------------------------------------------------------------------

def stage_of(target, pid) -> os.PathLike:
    return target.parent / f".{target.name}.building-{pid}"


def test_a_build_writes_beside_the_site_and_publishes_in_one_step(tmp_path):
    target = tmp_path / "site"
    built = StagedSite(target)
    assert built.stage == stage_of(target, os.getpid()) and built.stage.is_dir() and not target.exists()
    (built.stage / "index.html").write_text("一", encoding="utf-8")
    built.publish()
    assert (target / "index.html").read_text(encoding="utf-8") == "一" and not built.stage.exists()
    again = StagedSite(target)
    assert list(again.stage.iterdir()) == []                # a new build starts empty
    (again.stage / "new.html").write_text("二", encoding="utf-8")
    again.publish()
    assert sorted(p.name for p in target.iterdir()) == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]      # the previous site is removed


def test_publish_without_an_atomic_exchange_renames_twice(tmp_path, monkeypatch):
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("旧", encoding="utf-8")
    monkeypatch.setattr(staging, "_exchange", lambda a, b: False)
    built = StagedSite(target)
    (built.stage / "new.html").write_text("新", encoding="utf-8")
    built.publish()
    assert sorted(p.name for p in target.iterdir()) == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_atomic_exchange_swaps_two_folders(tmp_path):
    import ctypes
    if not hasattr(ctypes.CDLL(None), "renameat2"):
        pytest.skip("this system's C library has no renameat2")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "in-a").touch()
    (b / "in-b").touch()
    assert staging._exchange(a, b) is True
    assert sorted(p.name for p in a.iterdir()) == ["in-b"] and sorted(p.name for p in b.iterdir()) == ["in-a"]
    assert staging._exchange(tmp_path / "missing", b) is False


def test_keep_starts_from_a_copy_of_the_site(tmp_path):
    target = tmp_path / "site"
    (target / "a").mkdir(parents=True)
    (target / "a" / "x.html").write_text("x", encoding="utf-8")
    (target / "link").symlink_to("a")
    built = StagedSite(target, keep=True)
    assert (built.stage / "a" / "x.html").read_text(encoding="utf-8") == "x"
    assert (built.stage / "link").is_symlink()
    (built.stage / "a" / "x.html").write_text("y", encoding="utf-8")
    assert (target / "a" / "x.html").read_text(encoding="utf-8") == "x"       # a copy, not a link
    built.discard()
    assert not built.stage.exists() and target.exists()
    built.discard()                                       # a second time (Ctrl-C during the first): no error
    assert list(StagedSite(tmp_path / "new", keep=True).stage.iterdir()) == []


def test_a_killed_builds_folder_is_removed_but_a_concurrent_builds_is_kept(tmp_path):
    target = tmp_path / "site"
    alive = stage_of(target, os.getppid())             # a running process: another build in progress
    dead = stage_of(target, 999999999)
    odd = target.parent / f".{target.name}.building-x1"
    unrelated = target.parent / ".other.building-1"
    for folder in (alive, dead, odd, unrelated):
        (folder / "sub").mkdir(parents=True)
    built = StagedSite(target)
    assert alive.exists(), "another build still running writes there"
    assert not dead.exists() and not odd.exists()
    assert unrelated.exists() and built.stage.is_dir()


def test_a_staging_folder_in_a_new_folder_and_a_leftover_that_cannot_be_removed(tmp_path):
    target = tmp_path / "a" / "b" / "site"
    leftover = stage_of(target, 999999999)
    leftover.parent.mkdir(parents=True)
    leftover.write_text("不是文件夹", encoding="utf-8")     # rmtree fails on it: the build goes on
    built = StagedSite(target)
    assert built.stage.is_dir()


def test_a_process_of_another_user_counts_as_alive(monkeypatch):
    def refuse(pid, signal):
        raise PermissionError
    monkeypatch.setattr(staging.os, "kill", refuse)
    assert staging._alive(1) is True


def test_alive():
    assert staging._alive(os.getpid()) is True
    assert staging._alive(999999999) is False


def test_source_maps_are_dropped_with_their_comments(tmp_path):
    js = tmp_path / "assets" / "javascripts" / "bundle.js"
    css = tmp_path / "assets" / "stylesheets" / "main.css"
    own = tmp_path / "assets" / "js" / "own.js"
    for path in (js, css, own):
        path.parent.mkdir(parents=True, exist_ok=True)
    js.write_text("one();\ntwo();\nthree();\n//# sourceMappingURL=bundle.js.map\n", encoding="utf-8")
    css.write_text("a{}\n  /*# sourceMappingURL=main.css.map */", encoding="utf-8")
    own.write_text("x();\n//# sourceMappingURL=own.js.map\n", encoding="utf-8")
    (js.parent / "bundle.js.map").write_text("{}", encoding="utf-8")
    (css.parent / "main.css.map").write_text("{}", encoding="utf-8")
    assert drop_source_maps(tmp_path) == 2
    assert js.read_text(encoding="utf-8") == "one();\ntwo();\nthree();\n"
    assert css.read_text(encoding="utf-8") == "a{}\n"
    assert own.read_text(encoding="utf-8") == "x();\n//# sourceMappingURL=own.js.map\n"   # not the theme's
    assert not list(tmp_path.rglob("*.map"))
    js.write_text("code(); // sourceMappingURL= in the middle\nmore();\n", encoding="utf-8")
    drop_source_maps(tmp_path)
    assert js.read_text(encoding="utf-8") == "code(); // sourceMappingURL= in the middle\nmore();\n"


def test_a_build_in_a_folder_not_made_yet(tmp_path):
    built = StagedSite(tmp_path / "new" / "deeper" / "site")
    assert built.stage.is_dir()


def test_a_folder_left_by_this_process_is_started_anew(tmp_path):
    target = tmp_path / "site"
    mine = stage_of(target, os.getpid())
    (mine / "old").mkdir(parents=True)
    built = StagedSite(target)
    assert built.stage == mine and list(mine.iterdir()) == []


def test_without_renameat2_there_is_no_exchange(tmp_path, monkeypatch):
    def no_library(*args, **kwargs):
        raise OSError("no C library")
    monkeypatch.setattr(staging.ctypes, "CDLL", no_library)
    assert staging._exchange(tmp_path, tmp_path) is False
