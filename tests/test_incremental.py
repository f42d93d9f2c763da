"""The preview's incremental generation (build/incremental.py): after a save, every generated page and
file is byte for byte what a full generation of the same content makes, whichever path was taken."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from support.project import copy_project

from renda_site.build.incremental import BODIES, FULL, RECORDS, Generation, regenerate, stamps
from renda_site.pipeline import generate
from renda_site.problems import ContentError

SITE_URL = "https://www.qxrd.example/"


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("incremental"))


@pytest.fixture(scope="module")
def generation(project) -> list[Generation]:
    """The preview's last good generation, handed from one test to the next (as saves follow each other)."""
    return [Generation(generate(project, site_url=SITE_URL), stamps(project))]


def _save(path: Path, text: str) -> None:
    """Write as an editor's save does; the time moves on even when two saves fall in one clock tick."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1000, before + 1000))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    _save(path, text.replace(old, new, 1))


def _outputs(result) -> list[tuple]:
    return [(p.uri, p.markdown, p.edit_path) for p in result.pages] + [(f.path, f.data) for f in result.files]


def _after_save(project: Path, generation: list[Generation], expected_path: str):
    outcome = regenerate(project, generation[0], stamps(project), SITE_URL, True)
    full = generate(project, site_url=SITE_URL)
    assert outcome.path == expected_path, outcome.why
    mine, theirs = _outputs(outcome.result), _outputs(full)
    assert len(mine) == len(theirs), (len(mine), len(theirs))
    differing = [a[0] for a, b in zip(mine, theirs, strict=True) if a != b]
    assert not differing, differing[:10]
    generation[0] = Generation(outcome.result, stamps(project))
    return outcome


def _article(project: Path) -> Path:
    return sorted((project / "docs" / "dongtai").glob("*.md"))[0]


def test_article_body_edit_reuses_everything(project, generation):
    article = _article(project)
    _save(article, article.read_text(encoding="utf-8") + "\n增量预览测试新增的一段正文。\n")
    outcome = _after_save(project, generation, BODIES)
    assert outcome.result is generation[0].result


def test_article_body_naming_a_deputy_updates_the_deputy_page(project, generation):
    article = _article(project)
    text = article.read_text(encoding="utf-8")
    names = {path.stem: re.search(r"(?m)^name: (\S+)", path.read_text(encoding="utf-8")).group(1)
             for path in sorted((project / "data/deputies").glob("*.yaml"))}
    key, name = next((key, name) for key, name in names.items()
                     if name not in text and list(names.values()).count(name) == 1)
    _save(article, text + f"\n{name}代表参加了调研。\n")
    outcome = _after_save(project, generation, RECORDS)
    assert f"daibiao/{key}.md" in (outcome.rerendered or ())


def test_article_title_edit_updates_listings(project, generation):
    article = _article(project)
    _edit(article, "title: ", "title: 增量标题")
    outcome = _after_save(project, generation, RECORDS)
    assert any("增量标题" in p.markdown for p in outcome.result.pages)


def test_deputy_bio_edit(project, generation):
    _edit(project / "data/deputies/d0002.yaml", "bio: |\n  ", "bio: |\n  增量预览测试。")
    outcome = _after_save(project, generation, RECORDS)
    assert outcome.rerendered is not None and "daibiao/d0002.md" in outcome.rerendered
    assert len(outcome.rerendered) < len(outcome.result.pages)


def test_deputy_rename_shows_in_every_list(project, generation):
    path = project / "data/deputies/d0003.yaml"
    old = re.search(r"(?m)^name: (\S+)", path.read_text(encoding="utf-8")).group(1)
    _edit(path, f"name: {old}", "name: 增量改名")
    outcome = _after_save(project, generation, RECORDS)
    assert sum("增量改名" in p.markdown for p in outcome.result.pages) > 1


def test_suggestion_edit(project, generation):
    path = sorted((project / "data/suggestions").rglob("*.yaml"))[0]
    _edit(path, "title: ", "title: 增量建议")
    _after_save(project, generation, RECORDS)


# Per kind, a field other pages show of the record (or, for meetings, a reference to a deputy).
SHOWN_ELSEWHERE = {
    "deputies": (r"(?m)^name: (.*)$", "name: 增量{}"),
    "suggestions": (r"(?m)^title: (.*)$", "title: 增量{}"),
    "appointments": (r"(?m)^title: (.*)$", "title: 增量{}"),
    "stations": (r"(?m)^name: (.*)$", "name: 增量{}"),
    "bulletins": (r"(?m)^serial: (\d+)$", "serial: 9{}"),
    "meetings": (r'(?m)^present_members: \["(d\d+)", ', "present_members: ["),
}


@pytest.mark.parametrize("folder", sorted(SHOWN_ELSEWHERE))
def test_every_kind_of_record_edit(project, generation, folder):
    """The first, a middle and the last record of each kind, one after the other."""
    pattern, replacement = SHOWN_ELSEWHERE[folder]
    paths = sorted((project / "data" / folder).rglob("*.yaml"))
    edited = 0
    for path in dict.fromkeys((paths[0], paths[len(paths) // 2], paths[-1])):
        text = path.read_text(encoding="utf-8")
        found = re.search(pattern, text)
        if found is None:
            continue
        _edit(path, found.group(0), replacement.format(found.group(1)))
        _after_save(project, generation, RECORDS)
        edited += 1
    assert edited


def test_site_settings_take_the_full_path(project, generation):
    _edit(project / "data/site.yaml", "name: ", "name: 增量")
    _after_save(project, generation, FULL)


def test_a_data_error_keeps_the_last_good_generation(project, generation):
    path = project / "data/deputies/d0004.yaml"
    good = path.read_text(encoding="utf-8")
    _edit(path, "gender: ", "gender: M  # ")
    with pytest.raises(ContentError):
        regenerate(project, generation[0], stamps(project), SITE_URL, True)
    _save(path, good.replace("bio: |\n  ", "bio: |\n  改正之后。", 1))
    _after_save(project, generation, RECORDS)


def test_a_privacy_finding_in_a_body_is_reported(project, generation):
    article = _article(project)
    good = article.read_text(encoding="utf-8")
    _save(article, good + "\n联系电话 13812345678。\n")
    with pytest.raises(ContentError) as caught:
        regenerate(project, generation[0], stamps(project), SITE_URL, True)
    assert any("手机" in str(problem) or "电话" in str(problem) for problem in caught.value.problems.errors)
    _save(article, good)
    _after_save(project, generation, BODIES)


def test_added_file_takes_the_full_path(project, generation):
    (project / "docs" / "dongtai" / "2020-01-01-zengliang.md").write_text(
        "---\ntitle: 增量新文章\ndate: 2020-01-01\nsource: 县人大常委会办公室\n---\n\n正文。\n", encoding="utf-8")
    _after_save(project, generation, FULL)


def test_a_new_day_takes_the_full_path(project, generation):
    """Scheduled articles are published from their date on: a save on another day than the kept result's."""
    import dataclasses
    import datetime
    kept = generation[0]
    assert kept.result.today is not None
    generation[0] = dataclasses.replace(
        kept, result=dataclasses.replace(kept.result, today=kept.result.today - datetime.timedelta(days=1)))
    _edit(project / "data/deputies/d0005.yaml", "bio: |\n  ", "bio: |\n  次日。")
    _after_save(project, generation, FULL)
