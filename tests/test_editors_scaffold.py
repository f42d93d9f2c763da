"""Scaffolding: each `new` command writes a file with every field an editor fills in and a Chinese
comment on each; the blanks it leaves are caught by `check`; filled in with the values the kind declares
(`Scaffold.example`), the file passes `check` and the site builds. The tests loop over the registry of
kinds, so a kind added later is covered once it declares its example."""
from __future__ import annotations

import argparse
import datetime
import html as html_lib
import os
import re
import subprocess
import sys

import pytest

from support.project import HOOKS, ROOT, copy_project, dev_sh, dev_sh_project, output_path

import renda_site
from renda_site.editors.scaffold import Scaffolder, ScaffoldError, _model_in, scaffolds, scalar, slugify
from renda_site.model.records import for_editors
from renda_site.text import beijing_today


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


def editor_fields(model) -> set[str]:
    return {name for name, info in model.model_fields.items() if for_editors(info)}


def theme_fields(model) -> set[str]:
    return {name for name, info in model.model_fields.items() if info.description and not for_editors(info)}


def models_in(model) -> list:
    """The model and the models nested in it (memberships, items, entries, disclosure)."""
    found = [model]
    for info in model.model_fields.values():
        inner = _model_in(info.annotation)
        if inner is not None and inner not in found:
            found += models_in(inner)
    return found


def keys_in(text: str) -> set[str]:
    return set(re.findall(r"^[ #-]*([a-z_]+):", text, re.M))


# A field line of a scaffold: `  - title: ""  # 标题（必填）`.
FIELD_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- )?(?P<key>[a-z_]+):(?P<value>[^#]*?)(?P<comment>\s+#.*)?$")


def field_paths(lines: list[str]) -> dict[tuple, int]:
    """Field path -> line index, e.g. ("items", 0, "title") -> 9, from the indentation as YAML reads it."""
    stack: list[tuple[int, tuple]] = []      # (column, path) of the open mappings and list items
    items: dict[tuple, int] = {}
    found: dict[tuple, int] = {}
    for n, line in enumerate(lines):
        match = FIELD_LINE.match(line)
        if not match:
            continue
        column = len(match["indent"])
        while stack and stack[-1][0] >= column:
            stack.pop()
        parent = stack[-1][1] if stack else ()
        if match["dash"]:
            index = items.get(parent, 0)
            items[parent] = index + 1
            parent += (index,)
            stack.append((column, parent))
            column += 2
        path = parent + (match["key"],)
        found[path] = n
        stack.append((column, path))
    return found


def field_name(path: tuple) -> str:
    """As check names it: items 第1项 title."""
    return " ".join(f"第{p + 1}项" if isinstance(p, int) else p for p in path)


def leaves(values: dict, prefix: tuple = ()):
    for key, value in values.items():
        if isinstance(value, dict):
            yield from leaves(value, prefix + (key,))
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            for index, item in enumerate(value):
                yield from leaves(item, prefix + (key, index))
        else:
            yield prefix + (key,), value


def fill_as_an_editor(text: str, example: dict) -> str:
    """Type the example's values into the scaffold's blanks the way its comments say: replace the value
    after the colon, keep the comment; an optional block (`disclosure: null` with its fields commented
    out) is switched on by deleting null and the # before its lines; the body replaces the hint."""
    lines = text.splitlines()
    for key, value in example.items():
        if isinstance(value, dict):
            start = next(n for n, line in enumerate(lines) if line.startswith(f"{key}: null"))
            lines[start] = f"{key}:" + lines[start][len(f"{key}: null"):]
            n = start + 1
            while n < len(lines) and lines[n].startswith("#  "):
                lines[n] = "  " + lines[n][3:]
                n += 1
    paths = field_paths(lines)
    for path, value in leaves(example):
        assert path in paths, f"the example names {field_name(path)}, which the scaffold does not have"
        match = FIELD_LINE.match(lines[paths[path]])
        lines[paths[path]] = (f"{match['indent']}{match['dash'] or ''}{match['key']}: {scalar(value)}"
                              f"{match['comment'] or ''}")
    out = "\n".join(lines) + "\n"
    return re.sub(r"<!-- 在这里写正文.*?-->", "会议听取了有关工作情况的汇报，研究部署了下一阶段的重点工作。", out)


COMMANDS = sorted(scaffolds())


def test_every_scaffold_declares_what_an_editor_types():
    """Each kind with a `new` command declares its example on its Scaffold (no table of kinds here)."""
    assert {"deputy", "bulletin", "appointments", "article"} <= set(COMMANDS)
    for kind in scaffolds().values():
        assert kind.scaffold.example, f"{kind.name}: Scaffold(example=…) is missing"


@pytest.mark.parametrize("command", COMMANDS)
def test_scaffold_has_every_field_and_passes_check_once_filled(project, command):
    kind = scaffolds()[command]
    rel = new(project, command, *kind.scaffold.example_args)
    path = project / rel
    text = path.read_text(encoding="utf-8")
    for model in models_in(kind.scaffold.model):
        assert editor_fields(model) <= keys_in(text), editor_fields(model) - keys_in(text)
        # `template: null` in a scaffold passed check and broke every build
        assert not theme_fields(model) & keys_in(text), theme_fields(model) & keys_in(text)
    for line in text.splitlines():
        if re.match(r"^[ #-]*[a-z_]+:", line) and not line.rstrip().endswith(":"):
            assert re.search(r"  # \S*[\u4e00-\u9fff]", line), f"no Chinese comment: {line}"
    # dated today, except a deputy (whose start is the term's) and a station (no date an editor must give)
    assert f'"{beijing_today().isoformat()}"' in text or command in ("deputy", "station")
    lines = text.splitlines()
    blanks = {field_name(p) for p, n in field_paths(lines).items()
              if FIELD_LINE.match(lines[n])["value"].strip() == '""'}
    reported = {re.search(r"字段 (.+?)：", e).group(1) for e in errors_in(project, rel) if "字段" in e}
    assert blanks <= reported, f"blanks that pass check: {blanks - reported}"
    filled = fill_as_an_editor(text, kind.scaffold.example)
    # not the switched-off blocks
    data_lines = [line for line in filled.splitlines() if not line.lstrip().startswith("#")]
    assert '""' not in "\n".join(data_lines), "the example leaves a required blank empty"
    path.write_text(filled, encoding="utf-8")
    assert errors_in(project, rel) == []
    made = renda_site.generate(project)                 # and the site builds with it, its page included
    assert not made.problems.errors
    if path.suffix == ".yaml":
        assert any(page.edit_path == rel for page in made.pages), rel
    if path.suffix == ".yaml":               # the pre-commit lint accepts what the scaffold writes
        lint = subprocess.run([sys.executable, "-m", "yamllint", "--strict", "-c", str(ROOT / ".yamllint.yaml"),
                               str(path)], capture_output=True, text=True)
        assert lint.returncode == 0, lint.stdout


def record_made_from(catalog, kind, rel: str):
    for record in catalog.records(kind.name):
        source = getattr(record, "_source", None)
        if getattr(record, "path", None) == rel or getattr(source, "path", None) == rel:
            return record
    raise AssertionError(f"no {kind.name} record from {rel}")


def test_every_scaffold_filled_in_builds(tmp_path):
    """An editor's first hour: `bash dev.sh new …` for every kind, the blanks filled in, `bash dev.sh build`.
    Every new record then has its page in the built site, under the title the editor typed."""
    project = dev_sh_project(tmp_path / "p")
    made = {}
    for command, kind in scaffolds().items():
        done = dev_sh(project, "new", command, *kind.scaffold.example_args)
        assert done.returncode == 0, done.stdout + done.stderr
        rel = re.search(r"已新建 (\S+)", done.stdout).group(1)
        path = project / rel
        path.write_text(fill_as_an_editor(path.read_text(encoding="utf-8"), kind.scaffold.example), encoding="utf-8")
        made[rel] = kind
    built = dev_sh(project, "build", RENDA_PAGEFIND="0")
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert "Traceback" not in built.stderr
    catalog = renda_site.generate(project).catalog
    pages = 0
    for rel, kind in made.items():
        record = record_made_from(catalog, kind, rel)
        page = kind.page(record)
        if page is not None:
            html = (project / "site" / output_path(page)).read_text(encoding="utf-8")
            assert html_lib.escape(kind.title(record, catalog), quote=False) in html, (rel, page)
            pages += 1
    assert pages >= 4


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
    last_list = max(int(p.stem.split("-")[1]) for p in (project / "data/appointments").glob("18-*.yaml"))
    assert new_file(scaffolder, "appointments", meeting=None).path.name == f"18-{last_list + 1}.yaml"
    made = new_file(scaffolder, "appointments", meeting=40)
    assert 'title: "清溪县第十八届人大常委会第四十次会议任免名单"' in made.text
    article = new_article(scaffolder, "shenyi", "关于县人民政府审计工作报告的审议意见")
    assert article.path.name == "2026-05-04-renminzhengfu-shenjigongzuo-baogao-shenyi-yijian.md"
    with pytest.raises(ScaffoldError, match="栏目「nosuch」不存在"):
        new_article(scaffolder, "nosuch", "标题")


def test_a_clash_names_the_file_and_how_to_choose_another_name(tmp_path):
    project = copy_project(tmp_path / "p")
    first = new(project, "article", "--column", "dongtai", "--title", "县人大常委会召开第三十五次主任会议")
    env = dict(os.environ, PYTHONPATH=str(HOOKS))
    again = subprocess.run([sys.executable, "-m", "renda_site", "--root", str(project), "new", "article", "--column",
                            "dongtai", "--title", "县人大常委会召开第三十五次主任会议"], capture_output=True, text=True,
                           env=env)
    assert again.returncode == 1
    assert f"{first} 已存在（标题「县人大常委会召开第三十五次主任会议」），未覆盖" in again.stderr
    suggested = re.search(r"--slug ([a-z0-9-]+)", again.stderr).group(1)
    second = new(project, "article", "--column", "dongtai", "--title", "县人大常委会召开第三十五次主任会议",
                 "--slug", suggested)
    assert second != first and second.endswith(f"-{suggested}.md")
    bad = subprocess.run([sys.executable, "-m", "renda_site", "--root", str(project), "new", "article", "--column",
                          "dongtai", "--title", "标题", "--slug", "Zhu Ren"], capture_output=True, text=True, env=env)
    assert bad.returncode == 1 and "只能由小写字母、数字和连字符组成" in bad.stderr


@pytest.mark.parametrize("title, slug", [
    # the words every title shares go first, so what tells two articles apart survives the cut
    ("县人大常委会召开第三十五次主任会议", "zhaokai-di35ci-zhuren-huiyi"),
    ("县人大常委会召开党组理论学习中心组学习会", "zhaokai-dangzu-lilun-xuexi-zhongxinzu-xuexi-hui"),
    ("清溪县人民代表大会常务委员会关于加强农村饮用水水源保护的决定", "jiaqiang-nongcun-yinyongshui-shuiyuan-baohu"),
    ("清溪县第十八届人大常委会第二十次会议举行", "di18jie-di20ci-huiyi-juxing"),
    ("二〇二四年度代表履职培训班开班", "2024-niandu-daibiao-lvzhi-peixunban-kaiban"),
    ("代表联络站：2024年（第1批）", "daibiao-lianluozhan-2024nian-di1pi"),
    ("清溪县人大常委会", "qingxi-xian-rendachangweihui"),       # nothing but boilerplate: kept
])
def test_file_names_keep_the_title(title, slug):
    assert slugify(title, "清溪县") == slug


def test_slugify_is_ascii_and_short():
    assert re.fullmatch(r"[a-z0-9-]*", slugify("《清溪县》人大·A&B"))
    long = slugify("关于印发《清溪县人大常委会关于进一步加强和改进代表联络站建设的实施意见》的通知", "清溪县")
    assert len(long) <= 48 and not long.endswith("-") and re.fullmatch(r"[a-z0-9-]+", long)


def test_today_is_the_beijing_date():
    utc = datetime.UTC
    assert beijing_today(datetime.datetime(2026, 5, 4, 15, 59, tzinfo=utc)) == datetime.date(2026, 5, 4)
    assert beijing_today(datetime.datetime(2026, 5, 4, 16, 0, tzinfo=utc)) == datetime.date(2026, 5, 5)
