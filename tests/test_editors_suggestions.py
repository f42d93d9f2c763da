"""A mistyped id in a record names the record probably meant (「是否应为 d0001（周明远）？」), and an unknown
--column the column meant, whether the folder name was mistyped or the column's Chinese name given."""
from __future__ import annotations

import pytest

from support.project import dev_sh, dev_sh_project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return dev_sh_project(tmp_path_factory.mktemp("suggestions") / "p")


def test_an_unknown_column_names_the_one_meant(project):
    for given in ("dongtia", "人大动态"):
        done = dev_sh(project, "new", "article", "--column", given, "--title", "测试")
        assert done.returncode == 1
        assert f"栏目「{given}」不存在。是否应为 --column dongtai（人大动态）？可用栏目：" in done.stderr
    far = dev_sh(project, "new", "article", "--column", "xyz", "--title", "测试")
    assert far.returncode == 1 and "栏目「xyz」不存在。可用栏目：dongtai（人大动态）" in far.stderr


def test_a_mistyped_id_names_the_record_meant(project):
    meeting = project / "data/meetings/17-23.yaml"
    original = meeting.read_text(encoding="utf-8")
    assert 'presiding: ["d0001"]' in original and '"d0004"' in original
    meeting.write_text(original.replace('presiding: ["d0001"]', 'presiding: ["d001"]')
                       .replace('"d0004"', '"x9999"'), encoding="utf-8")
    try:
        done = dev_sh(project, "check")
    finally:
        meeting.write_text(original, encoding="utf-8")
    assert done.returncode == 1
    assert ("data/meetings/17-23.yaml:6 错误 字段 presiding 第1项：代表编号「d001」不存在于 data/deputies/。"
            "是否应为 d0001（周明远）？") in done.stdout
    far = next(line for line in done.stdout.splitlines() if "x9999" in line)
    assert far.endswith("不存在于 data/deputies/")                       # nothing close: no guess


def test_a_name_written_for_an_id_is_answered_with_the_id(project):
    meeting = project / "data/meetings/17-23.yaml"
    original = meeting.read_text(encoding="utf-8")
    meeting.write_text(original.replace('presiding: ["d0001"]', 'presiding: ["周明远"]')
                       .replace('"d0004"', '"无此人"'), encoding="utf-8")
    try:
        done = dev_sh(project, "check")
    finally:
        meeting.write_text(original, encoding="utf-8")
    assert done.returncode == 1
    assert ("data/meetings/17-23.yaml:6 错误 字段 presiding 第1项：编号只能由小写字母、数字和连字符组成，"
            "实际为「周明远」。"
            "这里应写编号而不是姓名：是否应为 d0001（周明远）？") in done.stdout
    nobody = next(line for line in done.stdout.splitlines() if "无此人" in line)
    assert nobody.endswith("实际为「无此人」")                             # no one of that name: no guess


def test_offline_argument_errors_are_in_chinese():
    """`bash dev.sh offline` runs deploy/offline.py, whose argparse speaks Chinese like the other commands."""
    import subprocess
    import sys

    from support.project import ROOT
    done = subprocess.run([sys.executable, str(ROOT / "deploy" / "offline.py"), "-o"], capture_output=True, text=True,
                          check=False, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["用法：bash dev.sh offline [-h] [-o 文件.zip] [--project 文件夹]",
                                        "bash dev.sh offline：错误：参数 -o/--output：后面需要写一个值"]
