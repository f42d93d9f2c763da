"""The importer on documents as offices receive them (issue 18): damaged text repaired where a rule can
undo the damage and reported where it cannot, traditional text converted, dates taken from the page's
chrome and never made up, paragraphs cut by page markers rejoined, bad files refused with nothing written.
The fixtures (tests/fixtures/import/) are written for these tests; test_editors_import.py compares each
with its expected Markdown."""
from __future__ import annotations

import codecs
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from support.project import HOOKS, copy_project

from renda_site.editors.importer import convert
from renda_site.editors.importer.repair import ANNOTATION, simplified

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def blocks(markdown: str) -> list[str]:
    return [b.strip() for b in markdown.split("\n\n") if b.strip()]


def run_import(project: Path, source: Path, *extra: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(HOOKS))
    return subprocess.run([sys.executable, "-m", "renda_site", "--root", str(project), "import", str(source),
                           "--column", "dongtai", *extra], capture_output=True, text=True, env=env)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("import"))


def test_pinyin_corruption_comes_out_as_clean_simplified_text():
    source = (FIXTURES / "zhuyin-luanma.txt").read_text(encoding="utf-8")
    assert len(ANNOTATION.findall(source)) > 100 and "學(xué)習(xí)" in source
    front, body, report = convert(FIXTURES / "zhuyin-luanma.txt")
    assert blocks(body) == blocks((FIXTURES / "zhuyin-luanma.expected.md").read_text(encoding="utf-8"))
    assert not ANNOTATION.search(body) and not re.search(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]", body)
    assert simplified(body) == body and simplified(front["title"]) == front["title"]
    assert front["title"] == "清溪县人大常委会举办代表法专题培训班"
    assert report.repairs[0].startswith("删除字后括号中的拼音 143 处（如「縣(xiàn)」→「縣」）")
    assert report.repairs[1].startswith("繁体字转为简体")


def test_a_bracket_that_is_not_a_reading_stays():
    """Only a reading of the character before it is an annotation: 世界贸易组织(wto) and 学(abc) stay."""
    text = "學(xué)習(xí)貫(guàn)徹(chè)會議精神，加入世界貿易組織(wto)，試點(abc)工作。"
    import tempfile
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.txt"
        path.write_text("关于学习的通知\n\n" + text + "\n", encoding="utf-8")
        _, body, report = convert(path)
    assert body.strip() == "学习贯彻会议精神，加入世界贸易组织(wto)，试点(abc)工作。"
    assert "4 处" in report.repairs[0]


def test_traditional_document_converted_unless_kept():
    front, body, report = convert(FIXTURES / "fanti-tongzhi.txt")
    assert simplified(body) == body and "--keep-traditional" in report.repairs[0]
    kept_front, kept, kept_report = convert(FIXTURES / "fanti-tongzhi.txt", keep_traditional=True)
    assert "各鄉鎮人大主席團：" in kept and simplified(kept) == body
    assert kept_front["title"] == "清溪縣人大常委會辦公室關於做好2019年代表集中視察工作的通知"
    assert kept_report.repairs == ["原文是繁体字（114 字），按 --keep-traditional 保留繁体"]


def test_a_few_traditional_characters_are_reported_not_converted(tmp_path):
    source = tmp_path / "x.txt"
    source.write_text("关于开展视察活动的通知\n\n" + "各代表小组要认真组织本组代表参加视察活动，做好记录。" * 8
                      + "视察地点为臺灣路社区。\n", encoding="utf-8")
    _, body, report = convert(source)
    assert "臺灣路" in body and report.repairs == []
    assert report.damage == ["文中有 2 个繁体字（「臺灣」），没有转换；需要时请手工改为简体"]


def test_damage_that_cannot_be_undone_is_reported_and_left_as_it_is():
    raw = (FIXTURES / "luanma-wenhao.txt").read_text(encoding="utf-8")
    _, body, report = convert(FIXTURES / "luanma-wenhao.txt")
    for damaged in ("列入计划??解决", "实地察\ufffd看", "自查，，形成", "答复代?办理", "选锟斤拷任免"):
        assert damaged in raw and damaged in body         # never "normalised" into plausible text
    assert "答复代？办理" not in body
    reasons = "\n".join(report.damage)
    for reason in ("连续的问号", "替换符号", "重复的标点", "汉字之间的半角问号", "锟斤拷"):
        assert reason in reasons
    assert all(re.match(r"正文第 \d+ 段「", line) for line in report.damage)


def test_a_question_mark_ending_a_sentence_is_made_full_width_one_inside_words_is_reported(tmp_path):
    """A half-width ? between two characters may be a question mark or a lost character: which, only the
    original can tell, so it stays as it is and the editor is told."""
    source = tmp_path / "x.txt"
    source.write_text("关于征求意见的通知\n\n这项工作怎么做?\n下一步怎么办?请各代表小组提出意见.\n", encoding="utf-8")
    _, body, report = convert(source)
    assert blocks(body) == ["这项工作怎么做？", "下一步怎么办?请各代表小组提出意见。"]
    assert report.damage == ["正文第 2 段「下一步怎么办?请各代表小组提出」：汉字之间的半角问号，可能是丢失的字"]


def test_dates_in_the_page_chrome_are_used():
    expected = {"web-fabushijian.txt": ("2015-03-24", "发布时间：2015/3/24 8:42:18"),
                "fanwen-jianghua.txt": ("2020-06-01", "日期：2020-06-01"),
                "fanti-tongzhi.txt": ("2019-05-06", "发文日期：2019-05-06")}
    for name, (day, line) in expected.items():
        front, _, report = convert(FIXTURES / name)
        assert str(front["date"]) == day, name
        assert line in report.metadata["发布日期"] and day in report.metadata["发布日期"]


def test_a_deadline_in_the_body_is_not_chrome(tmp_path):
    source = tmp_path / "x.txt"
    source.write_text("关于报送材料的通知\n\n各代表小组：\n\n请于截止日期：2024年5月20日前报送材料。\n"
                      "联系人：李明，联系电话：0576-5550123。\n",
                      encoding="utf-8")
    front, body, report = convert(source)
    assert front["date"] is None and report.chrome == {}
    assert "截止日期：2024年5月20日前报送材料。" in body and "联系电话：0576-5550123。" in body


def test_no_date_is_never_today_it_is_a_draft(project):
    source = project.parent / "wuriqi.txt"
    source.write_text("关于开展代表活动月的通知\n\n各代表小组：\n\n请结合实际安排代表活动，做好活动记录。\n",
                      encoding="utf-8")
    done = run_import(project, source)
    assert done.returncode == 0, done.stderr
    rel = re.search(r"已转换为 (\S+)", done.stdout).group(1)
    assert rel.startswith("docs/dongtai/caogao-")
    text = (project / rel).read_text(encoding="utf-8")
    front = text.split("---")[1]
    assert "draft: true" in front and "date:" not in front
    assert "警告：文中和网页上都没有找到发布日期，已写为草稿（draft: true" in done.stderr and "--date" in done.stderr
    dated = run_import(project, source, "--date", "2024-05-06", "--slug", "daibiao-huodongyue")
    assert dated.returncode == 0, dated.stderr
    written = project / "docs/dongtai/2024-05-06-daibiao-huodongyue.md"
    dated_text = written.read_text(encoding="utf-8")
    assert 'date: "2024-05-06"' in dated_text and "draft" not in dated_text


def one_line_per_paragraph(tmp_path, lines: list[str]) -> str:
    source = tmp_path / "x.txt"
    source.write_text("\n".join(["关于开展专题调研的报告", *lines]) + "\n", encoding="utf-8")
    return convert(source)[1]


def test_page_markers_in_one_line_per_paragraph_text(tmp_path):
    body = one_line_per_paragraph(tmp_path, [
        "今年以来，县人大常委会围绕乡村振兴开展专题调研，深入十个乡镇召开座谈会，听取基层干部和群众的",
        "第 2 页 共 5 页",
        "意见建议，形成了调研报告。",
        "调研组认为，全县乡村振兴工作总体进展顺利。",
        "第 3 页 共 5 页",
        "一、主要做法",
        "各乡镇结合实际，因地制宜发展特色产业",
        "— 4 —",
        "二、存在的问题",
    ])
    assert blocks(body) == [
        ("今年以来，县人大常委会围绕乡村振兴开展专题调研，深入十个乡镇召开座谈会，听取基层干部和群众的意见建议，"
         "形成了调研报告。"),
        "调研组认为，全县乡村振兴工作总体进展顺利。",   # ends a sentence before the marker: not joined
        "## 一、主要做法",
        "各乡镇结合实际，因地制宜发展特色产业",          # the next line is a heading: not joined
        "## 二、存在的问题"]


def write_bytes(name: str, data: bytes):
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return make


def fake_zip(folder: Path) -> Path:
    path = folder / "biaoge.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")     # a renamed Excel file
    return path


BAD_FILES = [
    ("empty", write_bytes("kong.txt", b""), "是空的"),
    ("blank", write_bytes("kongbai.txt", " \n\t\n\u3000\u3000\n\r\n".encode("utf-8")), "是空的"),
    ("blank-docx", None, "是空的"),
    ("text-named-docx", write_bytes("tongzhi.docx", "关于开展视察的通知".encode("gb18030")), "不是 Word 文件（.docx）"),
    ("old-doc-named-docx", write_bytes("jueding.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512),
     "不是 Word 文件（.docx）"),
    ("excel-named-docx", fake_zip, "不是 Word 文件（.docx）"),
    ("png-named-txt", write_bytes("tupian.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
     "不是文本文件"),
    ("controls-named-txt", write_bytes("shuju.txt", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 30), "不是文本文件"),
    ("only-chrome", write_bytes("zaxiang.txt",
                                "首页 | 人大概况 | 人大动态 | 联系我们\n【打印本页】【关闭窗口】\n".encode()),
     "没有正文"),
]


def blank_docx(folder: Path) -> Path:
    import docx
    document = docx.Document()
    document.add_paragraph("   ")
    path = folder / "kongbai.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("name, make, message", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_files_are_refused_with_nothing_written(tmp_path, capsys, name, make, message):
    """The first case runs the command as its own process (exit status, no traceback); the others call its
    `main` in this process, where an uncaught exception would fail the test just the same."""
    project = copy_project(tmp_path / "p")
    before = sorted(p.relative_to(project) for p in (project / "docs").rglob("*"))
    source = (make or blank_docx)(tmp_path)
    if name == BAD_FILES[0][0]:
        done = run_import(project, source)
        code, out, err = done.returncode, done.stdout, done.stderr
    else:
        from renda_site.__main__ import main
        code = main(["--root", str(project), "import", str(source), "--column", "dongtai"])
        out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith(f"错误：{source.name} ") and message in err, err
    assert "Traceback" not in err and out == ""
    assert sorted(p.relative_to(project) for p in (project / "docs").rglob("*")) == before


def test_utf16_with_bom_is_read_like_utf8(tmp_path):
    """Notepad's 「Unicode」 is UTF-16 with a byte-order mark."""
    text = (FIXTURES / "web-fabushijian.txt").read_text(encoding="utf-8")
    for codec, bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(bom + text.replace("\n", "\r\n").encode(codec))
        assert convert(path)[:2] == convert(FIXTURES / "web-fabushijian.txt")[:2]


def test_every_fixture_imported_passes_check_and_builds(tmp_path, capsys):
    """What the importer writes for each kind of document is an article the site accepts and builds.
    (The import command runs in this process here, as `main` of `python -m renda_site`: the tests above
    run it as its own process.)"""
    from support.project import dev_sh, dev_sh_project

    from renda_site.__main__ import main
    project = dev_sh_project(tmp_path / "p")
    written = []
    for source in sorted(FIXTURES.glob("*.txt")):
        code = main(["--root", str(project), "import", str(source), "--column", "dongtai"])
        done = capsys.readouterr()
        assert code == 0, (source.name, done.err)
        written.append(re.search(r"已转换为 (\S+)", done.out).group(1))
    assert len(set(written)) == len(written) and not any("caogao-" in w for w in written)
    checked = dev_sh(project, "check")
    assert checked.returncode == 0 and "共 0 个错误" in checked.stdout, checked.stdout
    built = dev_sh(project, "build", RENDA_PAGEFIND="0")
    assert built.returncode == 0, built.stderr[-2000:]
    for rel in written:
        page = rel[len("docs/"):-len(".md")]
        assert (project / "site" / page / "index.html").is_file(), rel
