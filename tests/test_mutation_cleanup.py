"""The importer's repair of extracted text (editors/importer/cleanup.py) at the edges of its thresholds:
a running header on just enough pages, a line just wide enough to have been cut by the wrap, text just
hard-wrapped enough to be joined. Written against the mutants that the other in-process tests let survive
(bench/mutation.sh); tests/test_editors_import_repairs.py imports whole documents."""
from __future__ import annotations

import pytest

from renda_site.editors.importer.blocks import Line, Report, Table
from renda_site.editors.importer.cleanup import (
    PAGE_BREAK,
    REMOVED,
    _double_spaced,
    _glue,
    continues,
    display_width,
    is_full,
    is_noise,
    is_page_marker,
    join_wrapped,
    remove_furniture,
    runs_on,
    wrap_width,
)


def lines(*texts: str) -> list[Line]:
    return [Line(t) for t in texts]


@pytest.mark.parametrize("text", ["第 11 页 共 21 页", "第11页", "共 21 页 第 11 页", "— 11 —", "- 3 -", "11", "999",
                                  "11 / 21", "11／21", "Page 3", "page 3 of 9", "PAGE 3/9"])
def test_page_markers(text):
    assert is_page_marker(text)


@pytest.mark.parametrize("text", ["1000", "第一页", "2024 / 2025 年度", "Pages 3", "11 / 1000", "第 11 条"])
def test_not_page_markers(text):
    assert not is_page_marker(text)


@pytest.mark.parametrize("text", ["仅供参考", "内部资料 注意保存", "点击下载", "VIP 专享", "1.2万+", "3.5 MB", "12页",
                                  "分享", "https://x.example", "扫码关注", "版权所有", "当前位置：首页", "首页 > 新闻",
                                  "打印本页", "浏览次数：12", "责任编辑：张三", "上一篇：x", "今天是 2024 年", "加微信",
                                  "作者：某某", "2024-1-2", "|关于本网|本网动态|联系我们|"])
def test_noise(text):
    assert is_noise(text)


@pytest.mark.parametrize("text", ["县人大常委会关于加强预算审查监督的决定", "12月", "首页的设计", "作者认为",
                                  "分享经验做法"])
def test_not_noise(text):
    assert not is_noise(text)


BODY = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"


def page(number: int, header: str = "清河县人民代表大会常务委员会") -> list[Line]:
    """A page: its header, two lines of its own text, its page number."""
    return lines(header, "正文" + BODY[2 * number], "正文" + BODY[2 * number + 1], f"— {number} —")


def test_a_running_header_next_to_half_the_page_breaks_is_dropped_there_only():
    items = page(1) + page(2) + page(3) + page(4) + lines("清河县人民代表大会常务委员会", "结尾")
    report = Report()
    out = remove_furniture(items, report)
    assert report.page_markers == ["— 1 —", "— 2 —", "— 3 —", "— 4 —"]
    assert report.repeated_lines == ["清河县人民代表大会常务委员会"] * 5
    assert [i.text for i in out if i.text] == ["正文丙", "正文丁", "正文戊", "正文己", "正文庚", "正文辛",
                                               "正文壬", "正文癸", "结尾"]
    # The header that follows a page break merges with it: one placeholder per page edge.
    assert [i.style for i in out if not i.text] == [REMOVED, PAGE_BREAK, PAGE_BREAK, PAGE_BREAK, PAGE_BREAK]


def test_a_line_next_to_one_boundary_only_is_kept():
    items = lines("标题行", "正文甲", "— 1 —", "正文乙", "结尾行")
    report = Report()
    out = remove_furniture(items, report)
    assert report.repeated_lines == []
    assert [i.text for i in out if i.text] == ["标题行", "正文甲", "正文乙", "结尾行"]


def test_a_header_on_two_of_six_pages_is_not_repeated_enough():
    items = []
    for n in range(1, 7):
        items += lines("页眉文字" if n <= 2 else "独有" + BODY[n], "正文" + BODY[n], "正文" + BODY[n + 6], f"— {n} —")
    report = Report()
    remove_furniture(items, report)
    assert report.repeated_lines == []
    items = []
    for n in range(1, 7):
        items += lines("页眉文字" if n <= 3 else "独有" + BODY[n], "正文" + BODY[n], "正文" + BODY[n + 6], f"— {n} —")
    report = Report()
    remove_furniture(items, report)
    assert report.repeated_lines == ["页眉文字"] * 3      # three of six breaks: half of them


def test_a_long_line_or_a_page_number_is_never_a_running_header():
    long = "甲" * 41
    items = page(1, long) + page(2, long) + page(3, long)
    report = Report()
    remove_furniture(items, report)
    assert report.repeated_lines == []
    items = page(1, "甲" * 40) + page(2, "甲" * 40) + page(3, "甲" * 40)
    report = Report()
    remove_furniture(items, report)
    assert report.repeated_lines == ["甲" * 40] * 3


def test_a_header_with_a_changing_number_is_one_header():
    items = page(1, "2024年第1期") + page(2, "2024年第2期")
    report = Report()
    remove_furniture(items, report)
    assert report.repeated_lines == ["2024年第1期", "2024年第2期"]


def test_headers_are_looked_for_two_lines_from_each_break_past_noise():
    opening = ("开头甲", "开头乙", "开头丙")                 # the start of the text is a page edge too
    items = lines(*opening, "页眉", "仅供参考", "正文乙", "— 1 —", "正文丁", "正文戊", "页眉", "— 2 —", "正文己")
    report = Report()
    remove_furniture(items, report)
    assert report.repeated_lines == ["页眉", "页眉"] and report.noise_lines == ["仅供参考"]
    items = lines(*opening, "页眉", "正文甲", "正文乙", "— 1 —", "正文丁", "正文戊", "页眉", "— 2 —", "正文己")
    report = Report()
    remove_furniture(items, report)
    assert report.repeated_lines == []                     # three lines away from the first break
    items = lines("页眉", "正文甲", "正文乙", "正文丙", "— 1 —", "正文丁", "页眉", "— 2 —", "正文己")
    report = Report()
    remove_furniture(items, report)
    assert report.repeated_lines == ["页眉", "页眉"]       # the first line stands next to the start


def test_blank_lines_around_a_dropped_line_become_one_placeholder():
    items = [Line("甲"), Line(""), Line("仅供参考"), Line(""), Line("乙"), Line(""), Line("丙"), Table([["x"]])]
    out = remove_furniture(items, Report())
    assert [(i.text, i.style) if isinstance(i, Line) else "table" for i in out] == [
        ("甲", ""), ("", REMOVED), ("乙", ""), ("", ""), ("丙", ""), "table"]


def test_without_page_markers_nothing_is_a_header():
    items = lines("页眉", "正文", "页眉", "正文")
    report = Report()
    assert [i.text for i in remove_furniture(items, report)] == ["页眉", "正文", "页眉", "正文"]
    assert report.repeated_lines == []


@pytest.mark.parametrize("text,width", [("中文", 2), ("ab12", 2), ("“”—…", 4), ("\u200f", 0.5), ("\u2010", 1),
                                        ("\u206f", 1), ("\u2070", 0.5), ("\u2e7f", 0.5), ("\u2e80", 1), ("", 0)])
def test_display_width(text, width):
    assert display_width(text) == width


WRAP = "县人大常委会关于加强预算审查监督的决定书"        # 20 characters


def test_a_wrap_width_is_found_in_hard_wrapped_text():
    assert wrap_width(lines(*[WRAP] * 6)) == 20
    assert wrap_width(lines(*[WRAP] * 5)) is None                            # too few lines to tell
    assert wrap_width(lines(*[WRAP] * 6, "短行")) == 20
    assert wrap_width(lines(*[WRAP[:15]] * 6)) == 15
    assert wrap_width(lines(*[WRAP[:14]] * 6)) is None                        # narrower than any page
    assert wrap_width(lines(*[WRAP[:8]] * 3, *[WRAP[:7]] * 3, *[WRAP] * 6)) == 20    # short lines do not count
    assert wrap_width(lines(*[WRAP[:8]] * 6)) is None


def test_at_least_three_lines_in_ten_are_near_the_wrap():
    distinct = [WRAP[:n] for n in range(8, 16)]                              # one line of each width
    assert wrap_width(lines(*[WRAP] * 3, *distinct[:7])) == 20
    assert wrap_width(lines(*[WRAP] * 3, *distinct[:8])) is None
    assert wrap_width(lines(*[WRAP] * 2, WRAP[:18], *distinct[:7])) == 20    # two characters short is near
    assert wrap_width(lines(*[WRAP] * 2, WRAP[:17], *distinct[:7])) is None  # three are not


def test_the_widest_common_width_is_the_wrap():
    # Counts of 5 and 3: 3 >= 0.6 * 5, so the wider width is the wrap.
    assert wrap_width(lines(*[WRAP[:16]] * 5, *[WRAP[:19]] * 3, *[WRAP[:10]] * 2)) == 19
    # Counts of 5 and 2: the narrower is the wrap, and two lines in ten wider than it are too many.
    assert wrap_width(lines(*[WRAP[:16]] * 5, *[WRAP[:19]] * 2, *[WRAP[:10]] * 3)) is None


def test_a_few_wider_lines_are_allowed_but_not_more():
    base = [WRAP] * 18
    assert wrap_width(lines(*base, *["长" * 30] * 2)) == 20                   # 2 of 20: a tenth
    assert wrap_width(lines(*base, *["长" * 30] * 3)) is None
    assert wrap_width(lines(*base, *["长" * 22] * 3)) == 20                   # within two of the wrap
    assert wrap_width(lines(*base, *["长" * 23] * 3)) is None


@pytest.mark.parametrize("width,first,text,full", [
    (20, False, "x", True), (19, False, "x", True), (18.5, False, "x", False),
    (19.5, False, "句。", True), (19, False, "句。", False), (16.5, True, "x", False), (17, True, "x", True),
    (17.5, True, "问？", True), (17, True, "叹！", False), (19.5, False, "分；", True),
])
def test_a_line_is_full_to_the_wrap_less_its_slack(width, first, text, full):
    assert is_full(width, 20, first, text) is full


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    items = lines(WRAP, WRAP, WRAP, "短句结束。", "", WRAP, WRAP, WRAP, "完。")
    report = Report()
    out = join_wrapped(items, report)
    assert [i.text for i in out] == [WRAP * 3 + "短句结束。", "", WRAP * 3 + "完。"]
    assert report.joins == 6


def test_a_short_line_a_deeper_indent_or_a_heading_is_not_joined():
    items = [Line(WRAP), Line(WRAP), Line(WRAP), Line("未满一行的句子"), Line(WRAP), Line(WRAP, indent=2), Line(WRAP),
             Line(WRAP), Line("第一章 总则"), Line(WRAP), Line("标题", style="Heading 1"), Line(WRAP)]
    out = join_wrapped(items, Report())
    assert [i.text for i in out] == [WRAP * 3 + "未满一行的句子", WRAP, WRAP * 3, "第一章 总则", WRAP, "标题", WRAP]


def test_a_title_line_is_not_joined_and_a_paragraph_keeps_its_indent():
    for style in ("Title", "标题 2", "Heading 3"):
        items = [Line(WRAP), Line(WRAP), Line(WRAP), Line("标题行", style=style), Line(WRAP), Line(WRAP), Line(WRAP)]
        assert [i.text for i in join_wrapped(items, Report())] == [WRAP * 3, "标题行", WRAP * 3]
    out = join_wrapped([Line(WRAP, indent=2), *lines(WRAP, WRAP, WRAP, WRAP, WRAP)], Report())
    assert [(i.text, i.indent) for i in out] == [(WRAP * 6, 2)]


def test_after_a_join_across_a_page_the_next_line_is_the_next_paragraph_without_a_gap():
    first = "县人大常委会听取和审议了县人民政府关于"
    items = [Line(first), Line("", PAGE_BREAK), Line("预算执行情况的报告。"), Line("另一段。")]
    assert [i.text for i in join_wrapped(items, Report())] == [first + "预算执行情况的报告。", "另一段。"]


def test_after_a_join_the_last_line_is_measured_as_a_line_inside_a_paragraph():
    short = WRAP[:18]                      # two characters short: full only as a paragraph's first line
    items = lines(WRAP, WRAP, WRAP, WRAP, WRAP, short, WRAP)
    assert [i.text for i in join_wrapped(items, Report())] == [WRAP * 5 + short, WRAP]


def test_a_table_ends_the_paragraph():
    table = Table([["a"]])
    items = [*lines(WRAP, WRAP, WRAP), table, *lines(WRAP, WRAP, WRAP)]
    out = join_wrapped(items, Report())
    assert out == [Line(WRAP * 3), table, Line(WRAP * 3)]


def test_double_spaced_wrapped_text_is_joined_across_its_blank_lines():
    items = []
    for _ in range(6):
        items += [Line(WRAP), Line("")]
    out = join_wrapped(items, Report())
    assert [i.text for i in out] == [WRAP * 6]
    assert _double_spaced(lines("a", "", "b", "", "c", "", "d", "e")) is True     # 4 of 5 (the last too): 0.8
    assert _double_spaced(lines("a", "", "b", "", "c", "d", "e", "f")) is False
    assert _double_spaced(lines("a", "")) is True


def test_one_line_paragraphs_cut_by_a_page_break_are_joined():
    first = "县人大常委会听取和审议了县人民政府关于"
    items = [Line(first), Line("", PAGE_BREAK), Line("预算执行情况的报告。"), Line("", PAGE_BREAK),
             Line("第二段完整的一句话在这里结束了。"), Line(""), Line("另一段。")]
    report = Report()
    out = join_wrapped(items, report)
    assert [i.text for i in out] == [first + "预算执行情况的报告。", "", "第二段完整的一句话在这里结束了。", "",
                                     "另一段。"]
    assert report.page_joins == 1
    items = [Line(first), Line(""), Line("", PAGE_BREAK), Line("预算执行情况的报告。")]
    assert [i.text for i in join_wrapped(items, Report())] == [first, "", "预算执行情况的报告。"]


def test_a_heading_alone_does_not_run_on_but_one_with_its_text_does():
    assert not runs_on("一、加强全县农村公路建设管理养护和安全工作")
    assert runs_on("一、加强农村公路建设。今年以来全县各级认真贯彻")


def test_runs_on_and_continues():
    assert runs_on("县人大常委会听取和审议了县人民政府关于")            # 19 characters, no closing mark
    assert runs_on("甲" * 15) and not runs_on("甲" * 14)
    assert not runs_on("县人大常委会听取和审议了县人民政府关于。")
    assert not runs_on("县人大常委会听取和审议了县人民政府关于——")
    assert not runs_on("第一章 关于县人民政府的预算执行情况的报告")
    assert continues(Line("预算执行情况的报告。"), "预算执行情况的报告。")
    assert not continues(Line("第二章 附则"), "第二章 附则")
    assert not continues(Line("2024年3月1日"), "2024年3月1日")
    assert not continues(Line("正文", style="Title"), "正文")
    assert not continues(Line("正文", style="标题 1"), "正文")
    assert not continues(Line("正文", style="Heading 2"), "正文")


@pytest.mark.parametrize("left,right,glued", [
    ("the budget", "review", "the budget review"), ("共有", "6处", "共有6处"),
    ("www.exa", "mple.gov.cn", "www.example.gov.cn"),
    ("see a@b", "c", "see a@bc"), ("http:", "x", "http:x"), ("第3", "条", "第3条"), ("", "x", "x"), ("ab", "1", "ab1"),
    ("the PDF", "files", "the PDF files"), ("see a.b and", "more", "see a.b and more"),
])
def test_glue(left, right, glued):
    assert _glue(left, right) == glued
