"""Scaffolding: each `new` command writes a file with every schema field and a Chinese comment; the
blanks it leaves are caught by `check`, and once filled the file passes `check` with no error."""
from __future__ import annotations

import argparse

import datetime
import os
import re
import subprocess
import sys

import pytest

from support.project import HOOKS, ROOT, copy_project

import renda_site
from renda_site.kinds.appointments import AppointmentEntry, AppointmentList
from renda_site.kinds.bulletins import Bulletin, BulletinItem
from renda_site.kinds.deputies import Deputy, Membership
from renda_site.kinds.meetings import AgendaItem, Meeting, Vote
from renda_site.kinds.stations import Station
from renda_site.kinds.suggestions import Reply, Suggestion, Supervision
from renda_site.text import beijing_today
from renda_site.model.records import ArticleMeta, Disclosure
from renda_site.editors.scaffold import Scaffolder, ScaffoldError, slugify


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("scaffold"))


def new(project, *args: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(HOOKS))
    done = subprocess.run([sys.executable, "-m", "renda_site", "--root", str(project), "new", *args],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    match = re.search(r"已新建 (\S+)", done.stdout)
    assert match, done.stdout
    return match.group(1)


def errors_in(project, rel: str) -> list[str]:
    problems, _ = renda_site.check(project)
    return [str(p) for p in problems.errors if p.path == rel]


def fill(path, replacements: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new_ in replacements.items():
        assert old in text, old
        text = text.replace(old, new_, 1)
    path.write_text(text, encoding="utf-8")


def described_fields(model) -> set[str]:
    return {name for name, info in model.model_fields.items() if info.description}


def keys_in(text: str) -> set[str]:
    return set(re.findall(r"^[ #-]*([a-z_]+):", text, re.M))


CASES = [
    # (arguments, the model(s) whose fields must all appear, blanks to fill, fields reported while blank)
    (["deputy"], [Deputy, Membership],
     {'name: ""': "name: 新当选代表", 'gender: ""': "gender: 女"}, {"name", "gender"}),
    (["bulletin"], [Bulletin, BulletinItem],
     {'title: ""': "title: 清溪县人民代表大会常务委员会关于某事项的决议", 'type: ""': "type: 决议",
      "page: null": "page: gongbao/wenjian/2024/gonggao-18-11.md"}, {"items 第1项 title", "items 第1项 type"}),
    (["appointments"], [AppointmentList, AppointmentEntry],
     {'action: ""': "action: 任命", 'name: ""': "name: 郑晓明", 'position: ""': "position: 县审计局局长"},
     {"entries 第1项 action", "entries 第1项 name", "entries 第1项 position"}),
    (["article", "--column", "dongtai"], [ArticleMeta, Disclosure],
     {'title: ""': "title: 县人大常委会召开主任会议"}, {"title"}),
    (["suggestion", "--session", "18-4"], [Suggestion, Reply, Supervision],
     {'title: ""': "title: 关于改善城区公交站台候车条件的建议", 'category: ""': "category: 交通运输", 'lead: ""': 'lead: "d0005"',
      'text: ""': "text: 城区部分公交站台没有遮雨棚，建议分批改造。"}, {"title", "category", "lead", "text"}),
    (["meeting"], [Meeting, AgendaItem, Vote],
     {"presiding: []": 'presiding: ["d0001"]', 'present: ""': "present: 22", 'title: ""': "title: 听取和审议县人民政府关于城区停车管理工作情况的报告"},
     {"presiding", "present", "agenda 第1项 title"}),
    (["station", "--id", "shimen-xincun", "--town", "石门镇"], [Station],
     {'name: ""': "name: 石门镇新村社区人大代表联络站", 'kind: ""': "kind: 代表联络站", 'address: ""': "address: 石门镇新村社区党群服务中心",
      'reception_days: ""': "reception_days: 每月5日"}, {"name", "kind", "address", "reception_days"}),
]


@pytest.mark.parametrize("args, kinds, blanks, reported", CASES, ids=[c[0][0] for c in CASES])
def test_scaffold_has_every_field_and_passes_check_once_filled(project, args, kinds, blanks, reported):
    rel = new(project, *args)
    path = project / rel
    text = path.read_text(encoding="utf-8")
    for model in kinds:
        assert described_fields(model) <= keys_in(text), described_fields(model) - keys_in(text)
    for line in text.splitlines():
        if re.match(r"^[ #-]*[a-z_]+:", line) and not line.rstrip().endswith(":"):
            assert re.search(r"  # \S*[\u4e00-\u9fff]", line), f"no Chinese comment: {line}"
    if args[0] not in ("deputy", "station"):   # a deputy's start is blank on purpose: "from the term's start"
        assert f': "{beijing_today().isoformat()}"' in text
    blank_errors = errors_in(project, rel)
    assert blank_errors, "the blanks must not pass check"
    # Field paths read like "items 第1项 title" (list positions counted from 1, as editors count).
    fields = {re.search(r"字段 (.+?)：", e).group(1) for e in blank_errors if "字段" in e}
    assert reported <= fields, blank_errors
    fill(path, blanks)
    assert errors_in(project, rel) == []
    made = renda_site.generate(project)                 # and the site builds with it, its page included
    assert not made.problems.errors
    if path.suffix == ".yaml":
        assert any(page.edit_path == rel for page in made.pages), rel
    if path.suffix == ".yaml":               # the pre-commit lint accepts what the scaffold writes
        lint = subprocess.run([sys.executable, "-m", "yamllint", "--strict", "-c", str(ROOT / ".yamllint.yaml"),
                               str(path)], capture_output=True, text=True)
        assert lint.returncode == 0, lint.stdout


def new_file(scaffolder, command: str, **args):
    return scaffolder.new(command, argparse.Namespace(**args))


def new_article(scaffolder, column: str, title: str):
    return new_file(scaffolder, "article", column=column, title=title, slug=None)


def test_fresh_ids_and_numbers(tmp_path):
    project = copy_project(tmp_path / "p")
    today = datetime.date(2026, 5, 4)
    scaffolder = Scaffolder(project, today)
    highest = max(int(p.stem[1:]) for p in (project / "data/deputies").glob("d*.yaml"))
    first, second = new_file(scaffolder, "deputy", name=""), new_file(scaffolder, "deputy", name="")
    assert first.path.stem == f"d{highest + 1:04d}" and second.path.stem == f"d{highest + 2:04d}"
    existing = [int(p.stem) for p in (project / "data/bulletins/2026").glob("*.yaml")]
    assert new_file(scaffolder, "bulletin", year=None).path.name == f"{max(existing) + 1}.yaml"
    assert new_file(scaffolder, "bulletin", year=2031).path.as_posix().endswith("data/bulletins/2031/1.yaml")
    assert new_file(scaffolder, "appointments", meeting=None).path.name == "18-33.yaml"       # demo's last list is 18-32
    made = new_file(scaffolder, "appointments", meeting=40)
    assert 'title: "清溪县第十八届人大常委会第四十次会议任免名单"' in made.text
    article = new_article(scaffolder, "shenyi", "关于县人民政府审计工作报告的审议意见")
    assert article.path.name == "2026-05-04-guan-yu-xian-ren-min-zheng-fu-shen.md"
    with pytest.raises(ScaffoldError, match="已存在"):
        new_article(scaffolder, "shenyi", "关于县人民政府审计工作报告的审议意见")
    with pytest.raises(ScaffoldError, match="栏目「nosuch」不存在"):
        new_article(scaffolder, "nosuch", "标题")


def test_slugify_is_ascii():
    assert slugify("代表联络站：2024年（第1批）") == "dai-biao-lian-luo-zhan-2024-nian-di"
    assert re.fullmatch(r"[a-z0-9-]*", slugify("《清溪县》人大·A&B"))
