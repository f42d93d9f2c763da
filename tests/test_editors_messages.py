"""What an editor reads: the untouched demo checks and builds without a warning, warnings of one kind
collapse to one line (in `check` and in the build log), and MkDocs' English lines get a Chinese one
beside them from dev.sh, with the exit status unchanged."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.request

import pytest

from support.project import ctrl_c_as_in_a_terminal, dev_sh, dev_sh_project

from renda_site.problems import Problems, collapse


@pytest.fixture
def project(tmp_path):
    return dev_sh_project(tmp_path / "p")


def log_of(done: subprocess.CompletedProcess) -> str:
    return done.stdout + done.stderr


def without_photo(project, count: int) -> list[str]:
    """Remove the photo of the first `count` deputies, as a real site that has not collected them yet."""
    paths = sorted((project / "data/deputies").glob("d*.yaml"))[:count]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^photo: .*\n", "", text, flags=re.M), encoding="utf-8")
    return [p.relative_to(project).as_posix() for p in paths]


def test_untouched_demo_checks_and_builds_without_a_warning(project):
    checked = dev_sh(project, "check")
    assert checked.returncode == 0 and checked.stdout.splitlines()[0].startswith("共 0 个错误，0 个警告。")
    # the demo passes its 体检
    assert "单项否决" not in checked.stdout.splitlines()[-1] or "未发现单项否决" in checked.stdout
    built = dev_sh(project, "build", RENDA_PAGEFIND="0")
    assert built.returncode == 0, log_of(built)[-2000:]
    assert "警告" not in log_of(built) and "说明：" not in log_of(built)


def test_warnings_of_one_kind_are_one_line_with_a_count(project):
    files = without_photo(project, 12)
    checked = dev_sh(project, "check")
    assert checked.returncode == 0
    photo_lines = [shown for shown in checked.stdout.splitlines() if "没有照片" in shown]
    assert len(photo_lines) == 1, checked.stdout
    line = photo_lines[0]
    assert line.startswith(f"{files[0]}:1 警告 字段 photo：没有照片（同类警告共 12 处，另有 ")
    assert all(f in line for f in files[1:4]) and files[4] not in line
    assert "bash dev.sh check --all" in line
    assert "共 0 个错误，12 个警告" in checked.stdout
    every = dev_sh(project, "check", "--all")
    assert ([shown for shown in every.stdout.splitlines() if "没有照片" in shown]
            == [f"{f}:1 警告 字段 photo：没有照片" for f in files])
    built = dev_sh(project, "build", RENDA_PAGEFIND="0")
    assert built.returncode == 0
    assert "数据检查有 12 个警告（不影响生成）" in built.stderr
    assert [shown for shown in built.stderr.splitlines() if "没有照片" in shown][0].endswith(line)
    assert "python -m renda_site" not in log_of(built)


def test_collapse_keeps_rare_warnings_and_every_error():
    problems = Problems()
    for n in range(5):
        problems.warn(f"data/deputies/d{n}.yaml", 1, "photo", "没有照片")
        problems.warn(f"data/bulletins/2024/{n}.yaml", 3, f"items 第{n + 1}项 page", f"全文页面「x{n}.md」缺少日期")
    problems.warn("docs/a.md", 5, "source", "栏目文章宜注明来源")
    for n in range(5):
        problems.error(f"data/deputies/d{n}.yaml", 4, "gender", "取值必须为「男」或「女」")
    lines = collapse(problems.warnings)
    assert len(lines) == 3
    assert lines[0].startswith("data/bulletins/2024/0.yaml:3 警告 字段 items 第1项 page："
                               "全文页面「x0.md」缺少日期（同类警告共 5 处")
    assert lines[1].startswith("data/deputies/d0.yaml:1 警告 字段 photo：没有照片（同类警告共 5 处")
    assert "docs/a.md:5 警告 字段 source：栏目文章宜注明来源" in lines
    assert len(problems.lines()) == 5 + 3 and len(problems.lines(every=True)) == 5 + 11


def test_english_abort_lines_get_a_chinese_explanation(project):
    article = project / "docs/dongtai/2017-04-26-changweihui-di3ci-huiyi.md"
    original = article.read_text(encoding="utf-8")
    # A link into the generated pages: check cannot know them all, MkDocs finds it at the end.
    article.write_text(original + "\n另见[另一位代表](../daibiao/d9999.md)。\n", encoding="utf-8")
    broken = dev_sh(project, "build", RENDA_PAGEFIND="0")
    assert broken.returncode == 1
    lines = broken.stderr.splitlines()
    warning = next(i for i, line in enumerate(lines) if "is not found among documentation files" in line)
    assert lines[warning + 1] == (
        "  说明：文章 docs/dongtai/2017-04-26-changweihui-di3ci-huiyi.md 中的链接「../daibiao/d9999.md」"
        "指向的文件不存在（按文章所在文件夹算，应在 docs/daibiao/d9999.md）。")
    abort = lines.index("Aborted with 1 warnings in strict mode!")
    assert lines[abort + 1].startswith("  说明：有 1 个警告：严格模式下有警告就不生成网站。")
    article.write_text(original, encoding="utf-8")
    deputy = project / "data/deputies/d0001.yaml"
    deputy.write_text(deputy.read_text(encoding="utf-8").replace("gender: 男", "gender: M"), encoding="utf-8")
    bad_data = dev_sh(project, "build", RENDA_PAGEFIND="0")
    assert bad_data.returncode == 1
    assert "data/deputies/d0001.yaml:4 错误 字段 gender" in bad_data.stderr
    assert "Aborted with a BuildError!\n  说明：生成已中止，网站没有更新" in bad_data.stderr


def test_a_crash_is_told_apart_from_a_data_error(project):
    (project / "hooks" / "boom.py").write_text("def on_config(config):\n    raise RuntimeError('boom')\n",
                                               encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^hooks:\n", "hooks:\n  - hooks/boom.py\n", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    crashed = dev_sh(project, "build", RENDA_PAGEFIND="0")
    assert crashed.returncode == 1
    assert "Traceback (most recent call last)" in crashed.stderr
    last_line = crashed.stderr.rstrip().splitlines()[-1]
    assert last_line.startswith("  说明：生成程序出错（上面的 Traceback 是给维护人员看的）")


def test_serve_explains_itself_and_stops_on_ctrl_c(project):
    """Also with --dirty: the preview never writes into the published folder (site/)."""
    port = 18000 + os.getpid() % 1000
    env = {k: v for k, v in os.environ.items() if k != "VENV"}
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("已发布的网站", encoding="utf-8")
    serve = subprocess.Popen(["bash", "dev.sh", "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
                             preexec_fn=ctrl_c_as_in_a_terminal)
    try:
        for _ in range(120):
            try:
                assert urllib.request.urlopen(f"http://127.0.0.1:{port}/").status == 200
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise AssertionError("the preview did not start")
        os.killpg(serve.pid, signal.SIGINT)            # Ctrl-C reaches the whole foreground group
        out, _ = serve.communicate(timeout=60)
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
    assert serve.returncode == 0
    assert "说明：预览已启动" in out and "Shutting down" in out
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "已发布的网站"
    with pytest.raises(ProcessLookupError):           # nothing of the group is left running
        os.killpg(serve.pid, 0)


def test_the_preview_speaks_while_it_runs_on_debian_awk(project):
    """The preview's address and a data error reach the terminal while the preview runs (mawk, Debian's and
    Ubuntu's awk, held them back until Ctrl-C when the explanations came from an awk filter)."""
    import selectors
    import shutil
    port = 19000 + os.getpid() % 1000
    env = {k: v for k, v in os.environ.items() if k != "VENV"}
    if shutil.which("mawk"):                       # the system awk of Debian and Ubuntu, first on PATH
        (project / "bin").mkdir()
        (project / "bin" / "awk").symlink_to(shutil.which("mawk"))
        env["PATH"] = f"{project / 'bin'}:{env['PATH']}"
    serve = subprocess.Popen(["bash", "dev.sh", "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
                             preexec_fn=ctrl_c_as_in_a_terminal)
    seen = b""
    selector = selectors.DefaultSelector()
    selector.register(serve.stdout, selectors.EVENT_READ)

    def read_until(marker: str, seconds: float) -> None:
        nonlocal seen
        deadline = time.monotonic() + seconds
        while marker.encode() not in seen and time.monotonic() < deadline:
            if selector.select(timeout=0.5):
                chunk = os.read(serve.stdout.fileno(), 65536)
                if not chunk:
                    break
                seen += chunk
        assert marker.encode() in seen, seen.decode("utf-8", "replace")[-2000:]
        assert serve.poll() is None, "the preview must still be running"

    try:
        read_until("说明：预览已启动", 120)
        deputy = project / "data/deputies/d0001.yaml"
        deputy.write_text(deputy.read_text(encoding="utf-8").replace("gender: 男", "gender: M"), encoding="utf-8")
        read_until("data/deputies/d0001.yaml:4 错误 字段 gender", 60)
        # Ctrl-C once the rebuild is over, as an editor presses it after reading the error: during the
        # rebuild's garbage collection CPython drops a KeyboardInterrupt raised inside a weak-reference
        # callback ("Exception ignored in ..."), and the preview would go on until a second Ctrl-C.
        read_until("Reloading browsers", 60)
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        try:
            serve.communicate(timeout=60)         # read what is left: a full pipe would hold the preview up
        finally:
            if serve.poll() is None:
                os.killpg(serve.pid, signal.SIGKILL)


def test_an_impossible_unquoted_date_is_a_located_error_in_build(project):
    article = project / "docs/dongtai/2017-04-26-changweihui-di3ci-huiyi.md"
    article.write_text(article.read_text(encoding="utf-8").replace('date: "2017-04-26"', "date: 2017-04-31"),
                       encoding="utf-8")
    built = dev_sh(project, "build", RENDA_PAGEFIND="0")
    assert built.returncode == 1
    assert ("docs/dongtai/2017-04-26-changweihui-di3ci-huiyi.md:3 错误 字段 date：日期「2017-04-31」不存在"
            in built.stderr)
    assert "Traceback" not in built.stderr


def test_help_and_argument_errors_are_in_chinese_and_list_every_record_kind(project):
    from renda_site.editors.scaffold import scaffolds
    helped = subprocess.run(["bash", "dev.sh", "help"], cwd=project, capture_output=True, text=True)
    assert helped.returncode == 0
    for kind in scaffolds():
        assert kind in helped.stderr, kind
    typo = subprocess.run(["bash", "dev.sh", "bulid"], cwd=project, capture_output=True, text=True)
    assert typo.returncode == 2 and "没有「bulid」这个命令" in typo.stderr
    missing = dev_sh(project, "new")
    assert missing.returncode == 2 and "错误：缺少必需的参数：记录类型" in missing.stderr
    unknown = dev_sh(project, "new", "deputy", "--id", "d0001")
    assert unknown.returncode == 2 and "无法识别的参数：--id d0001" in unknown.stderr
    for english in ("usage:", "error:", "the following arguments", "unrecognized arguments"):
        assert english not in missing.stderr + unknown.stderr
    # a mistyped kind, or the kind's Chinese name, is answered with the kind meant
    for typed, meant in (("deputyy", "deputy"), ("代表", "deputy"), ("建议", "suggestion"), ("联络站", "station")):
        wrong = dev_sh(project, "new", typed)
        assert wrong.returncode == 2 and f"没有「{typed}」这一项。是否应为「{meant}」？" in wrong.stderr, wrong.stderr
    nothing_like = dev_sh(project, "new", "xyz")
    assert "没有「xyz」这一项。可选：" in nothing_like.stderr and "invalid choice" not in nothing_like.stderr
