"""Performance work must not change what readers get: two builds of one project are byte-identical (so a
before/after comparison of sites means something), and listing pages link a bounded window of page
numbers."""
from __future__ import annotations

import filecmp
import os
import subprocess
import sys

from support import urls
from support.project import copy_project

from renda_site.outputs import Pager


def test_two_builds_are_byte_identical(built, tmp_path):
    project = copy_project(tmp_path / "project")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", RENDA_PAGEFIND="0")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    pages = sorted(p.relative_to(built.site) for p in built.site.rglob("*.html"))
    assert len(pages) > 100
    match, mismatch, errors = filecmp.cmpfiles(built.site, tmp_path / "site", [str(p) for p in pages], shallow=False)
    assert not mismatch and not errors and len(match) == len(pages)
    assert "rd-columns__link" in (built.site / urls.built(urls.deputy("d0001"))).read_text("utf-8")   # the column bar


def test_pager_window_is_bounded():
    assert Pager(1, 1, "x", []).window() == [1]
    assert Pager(3, 5, "x", []).window() == [1, 2, 3, 4, 5]
    assert Pager(1, 5, "x", []).window() == [1, 2, 3, 4, 5]          # a one-page gap shows the page
    assert Pager(20, 45, "x", []).window() == [1, None, 18, 19, 20, 21, 22, None, 45]
    assert Pager(45, 45, "x", []).window() == [1, None, 43, 44, 45]
    assert max(len(Pager(n, 900, "x", []).window()) for n in range(1, 901)) == 9


def test_unchanged_files_are_not_read_again_but_changes_and_mistakes_are_seen(tmp_path):
    from support.demo import DemoSite

    import renda_site
    from renda_site.input import load
    project = copy_project(tmp_path / "p")
    renda_site.generate(project)
    deputy = project / "data" / "deputies" / "d0001.yaml"
    article = sorted((project / "docs" / "dongtai").glob("*.md"))[0]
    assert load._UNCHANGED[deputy][1].name == "周明远"
    cached_article = load._UNCHANGED[article][1]
    result = DemoSite(renda_site.generate(project).catalog)
    assert result.deputy_by_id["d0001"] is load._UNCHANGED[deputy][1]      # reused, not re-read
    assert result.articles_by_uri[cached_article.src_uri] is cached_article
    deputy.write_text(deputy.read_text("utf-8").replace("name: 周明远", "name: 周明达"), "utf-8")
    article.write_text(article.read_text("utf-8").replace("title:", "title: 改", 1), "utf-8")
    result = DemoSite(renda_site.generate(project).catalog)
    assert result.deputy_by_id["d0001"].name == "周明达"
    assert result.articles_by_uri[cached_article.src_uri].meta.title.startswith("改")
    deputy.write_text(deputy.read_text("utf-8").replace("gender: 男", "gender: M"), "utf-8")
    for _ in range(2):                         # a file with a mistake is reported on every run
        problems, _content = renda_site.check(project)
        assert [p.field for p in problems.errors] == ["gender"]


def test_fast_yaml_walk_builds_what_pyyaml_builds():
    import yaml

    from renda_site.input.yamlload import LocatedLoader, load_yaml
    text = ("a: 1\nb: no\nc: 2024-03-01\nd: ~\ne: 1.5\nf: [1, 'x', {g: h}]\na: 2\n"
            "x: &anchor {k: v}\ny: *anchor\n<<: {m: 1}\nn: !!str 5\ns: !!set {p, q}\n")
    new, old = load_yaml(text), yaml.load(text, Loader=LocatedLoader)
    assert new == old and new.duplicate_keys == old.duplicate_keys == [("a", 7)]
    assert new.key_lines == old.key_lines and new["f"].item_lines == old["f"].item_lines == [6, 6, 6]
    assert new["f"][2].line == 6 and new["y"] == {"k": "v"} and new["s"] == {"p", "q"}
    for bad in ("a: [1, 2", "a: b: c", "? [1]\n: 2\n", "a: 1\n---\nb: 2\n", "&x [*x]"):
        try:
            load_yaml(bad)
        except yaml.YAMLError:
            continue
        raise AssertionError(f"no error for {bad!r}")


def test_a_cached_file_stays_in_the_privacy_scan(tmp_path):
    """The load cache (preview rebuilds) must not hide a private number on the second run: the number
    is found by check, not by load, so the cached file's YAML has to be scanned again every time."""
    import renda_site
    project = copy_project(tmp_path / "p")
    deputy = project / "data" / "deputies" / "d0002.yaml"
    deputy.write_text(deputy.read_text("utf-8").replace("education: ", "education: 13812345678 ", 1), "utf-8")
    for run in range(3):                       # first read, then served from the cache twice
        problems, _content = renda_site.check(project)
        assert any("疑似手机号码" in p.message and p.path.endswith("d0002.yaml") for p in problems.errors), run
