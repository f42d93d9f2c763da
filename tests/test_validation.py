"""Bad data never reaches the public: every mistake in the corpus gives a located Chinese error and a
non-zero exit, all errors come in one run sorted by file and line, and a failed build leaves the last
good site untouched."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.bad_inputs import APPEND, CASES, WRITE, Case, Copy, Link, Make
from support.project import HOOKS, copy_project, mkdocs_build

from renda_site.__main__ import main


def apply(case: Case, project: Path) -> None:
    for file, old, new in case.extra:
        apply(Case(case.name, file, old, new, case.field, case.fragment), project)
    path = project / case.file
    path.parent.mkdir(parents=True, exist_ok=True)
    text = path.read_text(encoding="utf-8") if case.old is APPEND or isinstance(case.old, str) else None
    if path.exists() or path.is_symlink():
        path.unlink()            # a new file: the copy's files are hard links to the pristine project's
    if isinstance(case.old, Link):
        path.symlink_to(case.old.target)
    elif isinstance(case.old, Make):
        case.old.make(path)
    elif isinstance(case.old, Copy):
        shutil.copyfile(project / case.old.source, path)
    elif case.old is WRITE:      # surrogate escapes stand for bytes that are not UTF-8 (a GBK file)
        path.write_bytes(case.new.encode("utf-8", "surrogateescape"))
    elif case.old is APPEND:
        path.write_text(text.rstrip("\n") + "\n" + case.new + "\n", encoding="utf-8")
    else:
        assert case.old in text, f"{case.name}: the demo no longer contains {case.old!r}"
        path.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")


def expected_line(case: Case, project: Path) -> int:
    lines = (project / case.where).read_bytes().decode("utf-8", "surrogateescape").splitlines()
    found = [n for n, line in enumerate(lines, 1) if case.marker in line]
    assert found, f"{case.name}: {case.marker!r} not in {case.where}"
    return found[0]


def expected_prefix(case: Case, project: Path) -> str:
    if case.whole:
        return f"{case.where} 错误 字段 {case.field}："
    return f"{case.where}:{expected_line(case, project)} 错误 字段 {case.field}："


def run_check(project: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--root", str(project), "check"])
    return code, capsys.readouterr().out.splitlines()


def run_check_process(project: Path) -> tuple[int, list[str]]:
    """`check` in a fresh process, with a time limit: an alias bomb or a deep file must fail at once,
    never hang or crash the process (libyaml's composer overflowed its stack on 100,000 brackets)."""
    env = dict(os.environ, PYTHONPATH=str(HOOKS))
    result = subprocess.run([sys.executable, "-m", "renda_site", "--root", str(project), "check"], env=env,
                            capture_output=True, text=True, timeout=60)
    return result.returncode, result.stdout.splitlines()


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("pristine"))


def fresh(pristine: Path, dest: Path) -> Path:
    """A copy of the pristine project made of hard links (apply() replaces a file, never writes into it)."""
    shutil.copytree(pristine, dest, copy_function=os.link)
    return dest


def rewrite(path: Path, text: str) -> None:
    """Replace a file of a fresh() copy with `text` (a new file, not a write through the hard link)."""
    path.unlink(missing_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def workspace(pristine, tmp_path_factory) -> Path:
    """One fresh() copy that every case is applied to and then put back (restore()): its files keep their
    paths and times from case to case, so the loader's per-file cache (input/load.py, which spares the
    preview re-reading a large site) reads again only what a case changed, as it would for an editor."""
    return fresh(pristine, tmp_path_factory.mktemp("workspace") / "p")


def restore(copy: Path, pristine: Path) -> None:
    """Make `copy` the pristine project again: what a case added goes, what it replaced or removed is
    linked again to the pristine file (the same inode and time, so the loader sees it unchanged)."""
    def walk(here: Path, original: Path) -> None:
        for entry in os.scandir(here):
            path, source = Path(entry.path), original / entry.name
            if entry.is_dir(follow_symlinks=False):
                if source.is_dir() and not source.is_symlink():
                    walk(path, source)
                else:
                    shutil.rmtree(path)
            elif not source.is_file() or source.is_symlink() or os.lstat(path).st_ino != os.stat(source).st_ino:
                path.unlink()
        for entry in os.scandir(original):
            path = here / entry.name
            if entry.is_dir(follow_symlinks=False):
                if not path.exists():
                    shutil.copytree(entry.path, path, copy_function=os.link)
            elif not path.exists() and not path.is_symlink():
                os.link(entry.path, path)
    walk(copy, pristine)


@pytest.fixture(scope="module", autouse=True)
def pristine_stays_pristine(pristine):
    """Every case left the pristine project as it was (no write went through a hard link)."""
    before = _tree_digest(pristine)
    yield
    assert _tree_digest(pristine) == before


def test_corpus_is_large_and_distinct():
    assert len(CASES) >= 150
    assert len({c.name for c in CASES}) == len(CASES)
    assert len({(c.file, repr(c.old), c.new) for c in CASES}) == len(CASES)
    assert all(c.field and c.fragment for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_with_file_line_and_field(case, pristine, workspace, capsys):
    project = workspace
    restore(project, pristine)
    assert _inodes(project) == _inodes(pristine)          # each case starts from the demo as it is
    apply(case, project)
    code, lines = run_check_process(project) if case.name.startswith("yaml-") else run_check(project, capsys)
    assert code == 1
    prefix = expected_prefix(case, project)
    hits = [line for line in lines if line.startswith(prefix)]
    assert hits, f"expected a line starting {prefix!r}; got:\n" + "\n".join(text for text in lines if "错误" in text)
    assert any(case.fragment in line for line in hits), hits


def test_demo_passes_check_without_a_warning(capsys):
    """The untouched demo is quiet: a real site's first warning is not buried under the demo's."""
    from support.project import ROOT
    code, lines = run_check(ROOT, capsys)
    assert code == 0
    assert lines[0].startswith("共 0 个错误，0 个警告。"), lines[:5]


def test_all_errors_in_one_run_sorted_by_file_and_line(pristine, tmp_path, capsys):
    """Several mistakes in several files: every one is reported in a single run, in file and line order."""
    # Meaning checks run on records that passed the type checks, so each chosen mistake is in its own
    # record, or is a privacy finding (scanned on the raw YAML, whatever the record's other errors).
    names = {"gender-latin", "mobile-spaced-in-bio", "bulletin-item-type", "site-per-page-zero",
             "appointment-deputy-dangling", "idcard-in-appointment-note", "term-end-before-start",
             "article-without-title", "group-kind-did-you-mean", "mobile-in-position"}
    chosen = [c for c in CASES if c.name in names]
    assert len(chosen) == len(names)
    project = fresh(pristine, tmp_path / "p")
    for case in chosen:
        apply(case, project)
    deputy = project / "data/deputies/d0005.yaml"                # and one warning: a deputy without a photo
    kept = [text for text in deputy.read_text(encoding="utf-8").split("\n") if not text.startswith("photo:")]
    rewrite(deputy, "\n".join(kept))
    code, lines = run_check(project, capsys)
    assert code == 1
    errors = [text for text in lines if " 错误 " in text]
    for case in chosen:
        assert any(text.startswith(expected_prefix(case, project)) for text in errors), case.name
    keys = [(text.split(":")[0], int(text.split(":")[1].split()[0])) for text in errors]
    assert keys == sorted(keys)
    assert lines[-1].startswith(f"共 {len(errors)} 个错误")
    warnings = [text for text in lines if " 警告 " in text]
    assert warnings and lines.index(warnings[0]) > lines.index(errors[-1])   # errors first, then warnings


def test_appointee_name_differing_from_the_deputy_is_a_warning(pristine, tmp_path, capsys):
    project = fresh(pristine, tmp_path / "p")
    path = project / "data/appointments/18-19.yaml"
    text = path.read_text(encoding="utf-8")
    rewrite(path, text.replace("    name: 许文博\n", "    name: 许文波\n", 1))
    line = path.read_text(encoding="utf-8").splitlines().index('    deputy: "d0012"') + 1
    code, lines = run_check(project, capsys)
    assert code == 0
    expected = f"data/appointments/18-19.yaml:{line} 警告 字段 entries 第2项 deputy：姓名「许文波」与代表 d0012"
    assert any(text.startswith(expected) for text in lines), lines


def test_appointment_list_no_bulletin_publishes_is_a_warning(pristine, tmp_path, capsys):
    project = fresh(pristine, tmp_path / "p")
    path = project / "data/bulletins/2024/3.yaml"
    text = path.read_text(encoding="utf-8")
    old = '    type: 任免名单\n    appointments: "18-19"'
    assert old in text
    rewrite(path, text.replace(old, "    type: 其他\n    page: gongbao/wenjian/2024/gonggao-18-11.md"))
    code, lines = run_check(project, capsys)
    assert code == 0
    expected = "data/appointments/18-19.yaml:1 警告 字段 id：任免名单「18-19」未被任何一期公报刊载"
    assert any(text.startswith(expected) for text in lines)


def test_a_number_listed_as_public_is_allowed(pristine, tmp_path, capsys):
    project = fresh(pristine, tmp_path / "p")
    apply(next(c for c in CASES if c.name == "mobile-in-position"), project)
    rewrite(project / "data/public_numbers.yaml",
            "- number: \"138 1234 5678\"\n  reason: 县人大常委会办公室值班手机，已在门户网站公开\n"
            "- number: \"13900000000\"\n  reason: 已停用的值班手机\n")
    code, lines = run_check(project, capsys)
    assert code == 0, "\n".join(lines)
    assert "data/public_numbers.yaml:3 警告 字段 第2项 number：号码「13900000000」未在任何数据中使用，可以删除" in lines


def test_a_year_folder_and_a_dated_file_name_are_not_a_phone_number(pristine, tmp_path, capsys):
    """An archive of the 1990s: gongbao/wenjian/1999/1999-56-1.md holds eleven digits across the slash that
    read as a 199 mobile number, in its file name and wherever a record names the file by its path. A number
    inside one name is still found."""
    project = fresh(pristine, tmp_path / "p")
    archive = project / "docs/gongbao/wenjian/1999"
    archive.mkdir(parents=True)
    shutil.copyfile(project / "docs/gongbao/wenjian/2024/xiugai-yishi-guize-jueding.md", archive / "1999-56-1.md")
    meeting = project / "data/meetings/17-23.yaml"                   # a record names it by its path
    rewrite(meeting, meeting.read_text(encoding="utf-8").replace(
        "gongbao/wenjian/2019/pizhun-2018-juesuan-jueyi.md", "gongbao/wenjian/1999/1999-56-1.md"))
    code, lines = run_check(project, capsys)
    assert code == 0, "\n".join(line for line in lines if " 错误 " in line)
    from renda_site.input.privacy import findings  # and in the built pages' links and the site map
    assert not list(findings('<loc>https://www.qxrd.example/gongbao/wenjian/1999/1999-56-1/</loc>'))
    assert [kind for kind, _, _ in findings("值班电话 139-1234 5678")] == ["手机号码"]
    shutil.copyfile(archive / "1999-56-1.md", archive / "1999-13912345678.md")
    code, lines = run_check(project, capsys)
    assert code == 1
    assert any(line.startswith("docs/gongbao/wenjian/1999/1999-13912345678.md 错误 字段 文件名：疑似手机号码")
               for line in lines), lines


def test_a_deputy_of_the_1950s_may_be_born_in_the_1890s(pristine, tmp_path, capsys):
    """A birth year is judged against the first day the deputy served, not against today: an archive keeps
    the deputies of the first terms. A century before that is still refused."""
    project = fresh(pristine, tmp_path / "p")
    terms = project / "data/terms.yaml"
    rewrite(terms, '- id: "1"\n  name: 第一届\n  start: "1954-06-10"\n  end: "1956-12-30"\n'
            + terms.read_text(encoding="utf-8"))
    deputy = project / "data/deputies/d0099.yaml"
    deputy.write_text('id: "d0099"\nname: 陈守仁\ngender: 男\nbirth: "1895-03"\nphoto: null\nmemberships:\n'
                      '  - term: "1"\n    constituency: 城关镇选区\n', encoding="utf-8")
    code, lines = run_check(project, capsys)
    errors = [line for line in lines if " 错误 " in line]
    assert not [line for line in errors if "birth" in line], errors
    rewrite(deputy, deputy.read_text(encoding="utf-8").replace('birth: "1895-03"', 'birth: "1850-03"'))
    code, lines = run_check(project, capsys)
    expected = "data/deputies/d0099.yaml:4 错误 字段 birth：出生年月「1850-03」不合理（比开始任职早一百多年）"
    assert any(line.startswith(expected) for line in lines), [line for line in lines if "d0099" in line]


def test_syntax_error_names_line_and_column(pristine, tmp_path, capsys):
    project = fresh(pristine, tmp_path / "p")
    apply(next(c for c in CASES if c.name == "syntax-colon-in-value"), project)
    code, lines = run_check(project, capsys)
    line = expected_line(next(c for c in CASES if c.name == "syntax-colon-in-value"), project)
    assert code == 1
    assert (f"data/deputies/d0001.yaml:{line} 错误 字段 party：YAML 语法错误（第 12 列）：此处不能出现「: 」"
            "（值里含有冒号时请给整个值加引号，或检查缩进）") in lines


SUBPROCESS_CASES = ["gender-latin", "syntax-unclosed-quote", "mobile-in-article-front-matter",
                    "bulletin-number-duplicate-in-year"]


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_real_check_command_exits_non_zero(name, pristine, tmp_path):
    case = next(c for c in CASES if c.name == name)
    project = fresh(pristine, tmp_path / "p")
    apply(case, project)
    env = dict(os.environ, PYTHONPATH=str(HOOKS))
    result = subprocess.run([sys.executable, "-m", "renda_site", "check"], cwd=project, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1
    prefix = expected_prefix(case, project)
    assert any(text.startswith(prefix) and case.fragment in text for text in result.stdout.splitlines()), result.stdout


def test_generate_writes_nothing_when_data_is_bad(pristine, tmp_path, capsys):
    project = fresh(pristine, tmp_path / "p")
    apply(next(c for c in CASES if c.name == "gender-latin"), project)
    out = tmp_path / "out"
    assert main(["--root", str(project), "generate", "--out", str(out)]) == 1
    assert not out.exists()
    assert "gender" in capsys.readouterr().err


def _inodes(root: Path) -> dict[str, int]:
    """Every file below `root` (symbolic links as themselves) and its inode: a fresh() copy has the
    pristine project's inodes, file for file."""
    found = {}
    for folder, folders, files in os.walk(root):
        for name in files + [f for f in folders if os.path.islink(os.path.join(folder, f))]:
            path = os.path.join(folder, name)
            found[os.path.relpath(path, root)] = os.lstat(path).st_ino
    return found


def _tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


MKDOCS_CASES = ["gender-latin", "mobile-in-article-front-matter", "syntax-tab-indent", "yaml-alias-bomb",
                "symlink-git-config",
                "body-script", "svg-script", "template-typo", "mobile-in-docx-text", "site-yaml-empty"]


@pytest.mark.parametrize("name", MKDOCS_CASES)
def test_failed_strict_build_leaves_the_last_good_site_intact(name, built, pristine, tmp_path):
    """`mkdocs build --strict` on bad data exits non-zero and the existing output folder stays byte-identical."""
    case = next(c for c in CASES if c.name == name)
    project = fresh(pristine, tmp_path / "p")
    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    before = _tree_digest(site)
    assert len(before) > 50
    apply(case, project)
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert expected_prefix(case, project) in result.stderr + result.stdout
    assert "数据检查未通过，网站未生成" in result.stderr + result.stdout
    assert _tree_digest(site) == before


def test_pre_commit_hook_blocks_a_bad_commit(pristine, tmp_path):
    """`bash dev.sh hooks` (the one documented way) enables .githooks/pre-commit, which runs the check and
    refuses a commit with errors."""
    from support.project import ROOT
    project = fresh(pristine, tmp_path / "p")
    for name in ("dev.sh", "requirements.txt"):      # dev.sh check installs requirements.txt if needed
        shutil.copy2(ROOT / name, project / name)
    shutil.copytree(ROOT / ".githooks", project / ".githooks")
    env = dict(os.environ, VENV=str(Path(sys.executable).parent.parent), GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")

    def git(*args):
        return subprocess.run(["git", *args], cwd=project, env=env, capture_output=True, text=True)

    assert git("init", "-q").returncode == 0
    enabled = subprocess.run(["bash", "dev.sh", "hooks"], cwd=project, env=env, capture_output=True, text=True)
    assert enabled.returncode == 0 and "已启用提交前检查" in enabled.stdout, enabled.stdout + enabled.stderr
    assert git("config", "core.hooksPath").stdout.strip() == ".githooks"
    git("add", "-A")
    good = git("commit", "-q", "-m", "demo")
    assert good.returncode == 0, good.stdout + good.stderr
    apply(next(c for c in CASES if c.name == "gender-latin"), project)
    git("add", "-A")
    bad = git("commit", "-q", "-m", "typo")
    assert bad.returncode != 0
    assert "字段 gender：取值必须为「男」或「女」" in bad.stdout + bad.stderr


def test_problems_sort_by_file_then_line_even_without_a_line():
    """A whole-file problem (no line) and located ones in the same file used to compare None with int."""
    from renda_site.problems import Problems
    problems = Problems()
    problems.error("data/b.yaml", 12, "x", "后")
    problems.error("data/b.yaml", None, "（整个文件）", "整个文件")
    problems.error("data/a.yaml", 30, "y", "甲")
    problems.error("data/b.yaml", 3, "z", "前")
    problems.error("data/b.yaml", 3, "z", "前")          # the same finding twice is shown once
    problems.warn("data/a.yaml", 1, "photo", "警告")
    assert [str(p) for p in problems.errors] == [
        "data/a.yaml:30 错误 字段 y：甲", "data/b.yaml 错误 字段 （整个文件）：整个文件",
        "data/b.yaml:3 错误 字段 z：前", "data/b.yaml:12 错误 字段 x：后"]
    assert [str(p) for p in problems.warnings] == ["data/a.yaml:1 警告 字段 photo：警告"]


def test_the_attack_table_lists_every_attack_as_refused():
    """tests/ATTACKS.md (written by tests/make_attacks_table.py) is current: every attack of the corpus is
    in it, refused."""
    from support.bad_inputs import ATTACKS
    from support.project import ROOT
    table = (ROOT / "tests" / "ATTACKS.md").read_text(encoding="utf-8")
    rows = {line.split(" | ")[1]: line for line in table.splitlines() if line.startswith("| ") and " | `" in line}
    assert len(ATTACKS) >= 60
    for case in ATTACKS:
        assert case.name in rows, f"{case.name}: run tests/make_attacks_table.py"
        assert "拒绝，退出码 1" in rows[case.name], rows[case.name]


def test_an_empty_terms_file_gives_one_error_not_one_per_reference(pristine, tmp_path, capsys):
    project = fresh(pristine, tmp_path / "p")
    rewrite(project / "data" / "terms.yaml", "# 届次\n")
    code, lines = run_check(project, capsys)
    assert code == 1
    assert [text for text in lines if " 错误 " in text] == [
        "data/terms.yaml:1 错误 字段 （整个文件）：文件是空的（或只有注释）：请填写内容，不需要的文件请删除"]
