"""Live preview: a real `mkdocs serve --livereload` rebuilds on data and template edits, survives a data
error (Chinese errors in the terminal, last good site still served) and recovers after the fix."""
from __future__ import annotations

import time

import pytest

from support import urls
from support.editors_preview import mkdocs_serve
from support.project import copy_project

DEPUTY = urls.served(urls.deputy("d0002"))


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def _rename(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _name_line(path) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("name:"))


def test_data_error_keeps_last_good_preview_and_recovers(project):
    deputy = project / "data/deputies/d0002.yaml"
    old_name = _name_line(deputy).split(":", 1)[1].strip()
    with mkdocs_serve(project) as served:
        assert old_name in served.get(DEPUTY)
        mark = len(served.lines)
        _rename(deputy, "gender: ", "gender: M  # ")           # an invalid value
        served.wait_for_log("字段 gender：取值必须为「男」或「女」", after=mark)
        served.wait_for_log("预览仍显示上次成功生成的网站", after=mark)
        started = time.monotonic()
        html = served.get(DEPUTY, timeout=10)                # must not hang on the failed rebuild
        assert old_name in html and time.monotonic() - started < 10
        assert "Traceback" not in served.log()
        mark = len(served.lines)
        deputy.write_text(deputy.read_text(encoding="utf-8").replace("gender: M  # ", "gender: "), encoding="utf-8")
        _rename(deputy, f"name: {old_name}", "name: 预览恢复测试")
        served.wait_for_page(DEPUTY, "预览恢复测试")
        # the fix is generated from the last good result, as any other save
        served.wait_for_log("预览：增量生成，改动了 data/deputies/d0002.yaml", after=mark)
        # the 网站体检 ran at the first build only: a save is not held up by it
        assert served.log().count("网站体检（") == 1 and "不再重复网站体检" in served.log()
        assert "网站体检（" not in "\n".join(served.lines[mark:])
        # a YAML syntax error is reported with its line, and the preview still answers
        mark = len(served.lines)
        _rename(deputy, "memberships:", "memberships: [")
        served.wait_for_log("YAML 语法错误", after=mark)
        assert "预览恢复测试" in served.get(DEPUTY, timeout=10)


def test_template_edits_show_up_without_restart(project):
    """Hook modules are not re-imported by `mkdocs serve`: templates must still be re-read."""
    templates = project / "hooks/renda_site/render/templates"
    with mkdocs_serve(project) as served:
        article = "dongtai/2019-06-18-shicha-tuopin-gongjian/"
        assert "模板修改测试甲" not in served.get(DEPUTY)
        with open(templates / "deputy.md.j2", "a", encoding="utf-8") as f:
            f.write("\n模板修改测试甲\n")
        served.wait_for_page(DEPUTY, "模板修改测试甲")
        with open(templates / "article_header.md.j2", "a", encoding="utf-8") as f:
            f.write("\n模板修改测试乙\n")
        served.wait_for_page(article, "模板修改测试乙")
        footer = project / "overrides/partials/rd-footer.html"      # a theme override, included by main.html
        footer.write_text(footer.read_text(encoding="utf-8").replace("主办单位：", "模板修改测试丙："),
                          encoding="utf-8")
        served.wait_for_page(DEPUTY, "模板修改测试丙：")
        # an article edit in docs/ is picked up too
        source = project / "docs" / article.rstrip("/")
        source = source.with_suffix(".md")
        with open(source, "a", encoding="utf-8") as f:
            f.write("\n文章修改测试丁\n")
        served.wait_for_page(article, "文章修改测试丁")


def test_browser_reloads_after_yaml_save(project, chromium):
    deputy = project / "data/deputies/d0002.yaml"
    old_name = _name_line(deputy).split(":", 1)[1].strip()
    with mkdocs_serve(project) as served:
        page = chromium.new_page()
        try:
            page.goto(served.url + DEPUTY)
            assert old_name in page.inner_text("body")
            with page.expect_event("load", timeout=60_000):
                _rename(deputy, f"name: {old_name}", "name: 自动刷新测试")
            page.wait_for_function("document.body.innerText.includes('自动刷新测试')", timeout=30_000)
        finally:
            page.close()


def test_one_save_one_incremental_rebuild(project):
    """A deputy saved: the preview says which way it generated, rebuilds once (reading the watched files
    must not look like a change) and shows the change; an article body saved reuses the generated pages."""
    deputy = project / "data/deputies/d0002.yaml"
    old_name = _name_line(deputy).split(":", 1)[1].strip()
    article = project / "docs/dongtai/2019-06-18-shicha-tuopin-gongjian.md"
    with mkdocs_serve(project) as served:
        assert old_name in served.get(DEPUTY)
        mark = len(served.lines)
        _rename(deputy, f"name: {old_name}", "name: 增量预览测试")
        served.wait_for_page(DEPUTY, "增量预览测试")
        served.wait_for_log("预览：增量生成，改动了 data/deputies/d0002.yaml", after=mark)
        time.sleep(3)                                     # a rebuild loop would have started again by now
        assert "\n".join(served.lines[mark:]).count("Building documentation") == 1
        mark = len(served.lines)
        with open(article, "a", encoding="utf-8") as f:
            f.write("\n只改正文的预览测试。\n")
        served.wait_for_page("dongtai/2019-06-18-shicha-tuopin-gongjian/", "只改正文的预览测试")
        served.wait_for_log("预览：只改了文章正文", after=mark)
