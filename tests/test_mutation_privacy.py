"""The privacy scan (input/privacy.py) function by function: what it finds, what it lets through, how it
masks and locates a number. Written against the mutants that the project's other in-process tests let
survive (bench/mutation.sh); the demo-wide cases are in tests/support/bad_inputs.py."""
from __future__ import annotations

import datetime

import pytest

from renda_site.input import privacy
from renda_site.input.privacy import TextFile, digits, findings, findings_in, fold, masked, reader_text, scan
from renda_site.input.yamlload import load_yaml
from renda_site.problems import Problems


def kinds(text: str) -> list[tuple[str, str]]:
    return [(kind, digits(number)) for kind, number, _ in findings(text)]


# A valid ID number: region 110105, born 1949-12-31, sequence 123, check digit computed by hand below.
ID = "11010519491231002X"


@pytest.mark.parametrize("second", "3456789")
def test_every_mobile_prefix_from_13_to_19_is_found(second):
    number = f"1{second}912345678"
    assert kinds(f"联系电话 {number}。") == [("手机号码", number)]


@pytest.mark.parametrize("second", "012")
def test_eleven_digits_starting_10_11_12_are_not_mobile_numbers(second):
    assert kinds(f"编号 1{second}912345678") == []


def test_a_mobile_number_with_country_code_separators_and_full_width_digits():
    assert kinds("+86 139-1234-5678") == [("手机号码", "13912345678")]
    assert kinds("８６　１３９　１２３４　５６７８") == [("手机号码", "13912345678")]
    assert kinds("139\u200b1234\u200b5678") == [("手机号码", "13912345678")]
    assert kinds("139 1234\n5678") == [("手机号码", "13912345678")]


def test_digits_inside_a_longer_number_are_not_a_mobile_number():
    assert kinds("订单 113912345678") == []
    assert kinds("订单 139123456789") == []
    assert kinds("1391234567") == []                 # ten digits


def test_an_id_number_is_found_only_with_a_real_birth_date_and_region():
    assert kinds(f"身份证 {ID}") == [("身份证号码", ID)]
    assert kinds(f"身份证 {ID.lower()}") == [("身份证号码", ID)]
    assert ("身份证号码", ID) in kinds("110105 1949 1231 002X")
    assert kinds("01010519491231002X") == []         # region cannot start with 0
    assert kinds("11010517491231002X") == []         # born in the 1700s
    assert kinds("11010519491331002X") == []         # month 13
    assert kinds("11010519491232002X") == []         # day 32
    assert kinds("11010519491231002X1") == []        # a longer code
    assert kinds("11010519491231002XA") == []        # followed by a letter


def test_fold_and_digits_and_masked():
    assert fold("１３９\u200b") == "139"
    assert digits("+86 139-1234-5678") == "13912345678"
    assert digits("8613912345678") == "13912345678"
    assert digits("861391234567") == "861391234567"     # twelve digits: not a country code in front
    assert digits("x") == "X"
    assert masked("139 1234 5678") == "139****5678"
    assert masked(ID) == "110105***********002X"[:3] + "*" * 11 + "002X"


def test_findings_give_the_offset_of_each_number():
    text = f"电话13912345678，身份证{ID}"
    found = {(kind, offset) for kind, _, offset in findings(text)}
    assert found == {("手机号码", 2), ("身份证号码", text.index(ID))}


def test_findings_in_a_long_text_reads_every_window():
    filler = "说明文字。" * 200
    text = filler + "13912345678" + filler + "甲" + filler + "13812345678 与 13712345678" + filler
    assert [digits(n) for _, n in findings_in(text)] == ["13912345678", "13812345678", "13712345678"]
    assert list(findings_in(filler)) == []
    # A number near the start and one right after it: the windows join, each is found once.
    assert [digits(n) for _, n in findings_in("13912345678 13812345678")] == ["13912345678", "13812345678"]


def test_reader_text_reads_a_number_hidden_by_markup_as_the_reader_sees_it():
    assert "13912345678" in reader_text("139<!-- x -->1234<b>5678</b>")
    assert "13912345678" in reader_text("139**1234**5678")
    assert "13912345678" in reader_text("[139](a.md)12345678")
    assert "13912345678" in reader_text("139&#49;234&#x35;678")
    assert "13912345678" in reader_text("139\u200d12345678")
    assert "13912345678" in reader_text("139{: .x }12345678")
    # A hidden element is not read between digits; a comment's lines are kept, so later lines stay in place.
    assert "13912345678" not in reader_text('139<span hidden>1234</span>5678')
    assert reader_text("a<!--\n\n-->b").count("\n") == 2
    assert reader_text("139&#10;1234").count("\n") == 0
    assert reader_text("139*\n*12345678").count("\n") == 1


def test_reader_text_keeps_the_lines_of_what_it_removes():
    assert reader_text("a<!--x\ny-->b") == "a\nb"
    assert reader_text("a<span hidden>x\ny</span>b") == "a\nb"
    assert reader_text("1*\n*2") == "1\n2"
    assert reader_text("1&#10;2") == "1 2"


def test_a_value_without_its_own_line_takes_its_parents():
    walked = list(privacy._walk({"a": ["x", {"b": "y"}]}, (), 5))
    assert walked == [(("a",), 5, "a"), (("a", 0), 5, "x"), (("a", 1, "b"), 5, "b"), (("a", 1, "b"), 5, "y")]
    located = load_yaml("a:\n  - x\n  - b: y\n")
    assert list(privacy._walk(located, (), None)) == [
        (("a",), 1, "a"), (("a", 0), 2, "x"), (("a", 1, "b"), 3, "b"), (("a", 1, "b"), 3, "y")]


def test_quick_pass_and_may_hold_number():
    assert privacy.may_hold_number("电话 139 1234 5678")
    assert not privacy.may_hold_number("2024年12月31日 第12345678号")
    assert not privacy.may_hold_number("")


def test_scalar_reads_a_value_as_the_reader_sees_it():
    assert privacy._scalar(13912345678.0) == "13912345678"
    assert privacy._scalar(1.5) is None
    assert privacy._scalar(1e25) is None
    assert privacy._scalar(True) is None
    assert privacy._scalar(None) is None
    assert privacy._scalar(datetime.date(2024, 1, 1)) is None
    assert privacy._scalar(12) == "12"


def errors(problems: Problems) -> list[tuple[str, int | None, str | None, str]]:
    return [(p.path, p.line, p.field, p.message) for p in problems.items]


def test_scan_locates_a_number_in_yaml_by_file_line_and_field():
    raw = load_yaml('name: 张三\nmemberships:\n  - note: "电话 139 1234 5678"\n')
    problems = Problems()
    used = scan([("data/deputies/d1.yaml", raw)], [], problems)
    assert used == set()
    [(path, line, field, message)] = errors(problems)
    assert (path, line, field) == ("data/deputies/d1.yaml", 3, "memberships 第1项 note")
    assert "疑似手机号码「139****5678」" in message and privacy.PUBLIC_FILE in message
    assert not problems.items[0].warning


def test_scan_reads_keys_and_numbers_written_as_yaml_numbers():
    raw = load_yaml("13912345678: x\nphone: 13812345678\n")
    problems = Problems()
    scan([("data/a.yaml", raw)], [], problems)
    assert [(line, field) for _, line, field, _ in errors(problems)] == [(1, "13912345678"), (2, "phone")]


def test_scan_reads_markdown_fields_as_the_reader_reads_them():
    raw = load_yaml("bio: '139**1234**5678'\n")
    problems = Problems()
    scan([("data/a.yaml", raw)], [], problems)
    assert [(line, field) for _, line, field, _ in errors(problems)] == [(1, "bio")]


def test_scan_allows_a_public_number_and_returns_it_as_used():
    raw = load_yaml("duty: 139-1234-5678\nother: 13812345678\n")
    problems = Problems()
    used = scan([("data/a.yaml", raw), (privacy.PUBLIC_FILE, load_yaml("- number: '13812345678'\n"))],
                ["+86 139 1234 5678"], problems)
    assert used == {"13912345678"}
    assert [field for _, _, field, _ in errors(problems)] == ["other"]


def test_scan_skips_the_public_list_itself():
    problems = Problems()
    scan([(privacy.PUBLIC_FILE, load_yaml("- number: '13912345678'\n"))], [], problems)
    assert problems.items == []


def test_scan_of_a_markdown_body_reports_a_wrapped_number_once_on_its_first_line():
    body = TextFile("第一行\n电话 139 1234\n5678 请联系\n\n第五行 13812345678", line=10)
    problems = Problems()
    scan([("docs/a.md", body)], [], problems)
    assert [(line, field) for _, line, field, _ in errors(problems)] == [(11, "正文"), (14, "正文")]


def test_scan_of_attachment_parts_reports_each_number_once():
    attachment = TextFile(parts=(("正文", "电话13912345678"), ("作者", "13912345678"), ("备注", "13812345678")))
    problems = Problems()
    scan([("docs/a.pdf", attachment)], [], problems)
    assert [(line, field, message[:19]) for _, line, field, message in errors(problems)] == [
        (None, "正文", "疑似手机号码「139****5678」"), (None, "备注", "疑似手机号码「138****5678」")]


def test_scan_of_a_whole_file_without_fields():
    problems = Problems()
    scan([("data/a.yaml", load_yaml("'13912345678'\n"))], [], problems)
    assert [field for _, _, field, _ in errors(problems)] == ["（整个文件）"]


class _Content:
    """What check_privacy reads of the loaded project: the documents and the public_numbers records."""

    def __init__(self, documents, numbers):
        self.documents, self._numbers = documents, numbers

    def of(self, kind):
        assert kind == "public_numbers"
        return self._numbers


def test_check_privacy_warns_of_a_public_number_no_data_uses():
    from types import SimpleNamespace
    listed = load_yaml("- number: '139 1234 5678'\n  reason: 值班电话\n- number: '13812345678'\n  reason: 旧号码\n")
    records = [SimpleNamespace(number=item["number"], origin=SimpleNamespace(raw=item)) for item in listed]
    records.append(SimpleNamespace(number="13712345678", origin=SimpleNamespace(raw={"number": "13712345678"})))
    content = _Content([("data/a.yaml", load_yaml("duty: 13912345678\nnote: 13612345678\n"))], records)
    problems = Problems()
    privacy.check_privacy(content, problems)
    [error] = problems.errors
    assert (error.path, error.line, error.field) == ("data/a.yaml", 2, "note")
    first, second = [p for p in problems.items if p.warning]
    assert (first.path, first.line, first.field) == (privacy.PUBLIC_FILE, 3, "第2项 number")
    assert first.message == "号码「13812345678」未在任何数据中使用，可以删除"
    assert (second.line, second.field) == (None, "第3项 number")          # a record not read from YAML


def test_scan_reads_on_after_a_skipped_public_or_repeated_number_and_after_other_files():
    body = TextFile(f"电话 13912345678\n身份证 {ID}", line=1)
    problems = Problems()
    scan([("docs/a.md", body)], [], problems)
    assert sorted((p.line, p.message[:4]) for p in problems.items) == [(1, "疑似手机"), (2, "疑似身份")]
    problems = Problems()
    scan([("data/a.yaml", load_yaml("duty: 13912345678 或 13812345678\n"))], ["13912345678"], problems)
    assert [p.message[:19] for p in problems.items] == ["疑似手机号码「138****5678」"]
    problems = Problems()
    scan([("docs/a.pdf", TextFile(parts=(("正文", "13912345678 13912345678 13812345678"),)))], [], problems)
    assert len(problems.items) == 2
    problems = Problems()
    scan([(privacy.PUBLIC_FILE, load_yaml("- number: '13712345678'\n")), ("data/b.yaml", load_yaml("a: 无\n")),
          ("data/c.yaml", load_yaml("a: 13912345678\n"))], [], problems)
    assert [p.path for p in problems.items] == ["data/c.yaml"]


def test_a_multi_line_yaml_value_is_read_past_its_first_line():
    problems = Problems()
    scan([("data/a.yaml", load_yaml("note: |\n  第一行\n  电话 13912345678\n"))], [], problems)
    assert [(p.line, p.field) for p in problems.items] == [(1, "note")]


def test_a_whole_file_of_markup_and_a_number_only_in_a_key():
    problems = Problems()
    scan([("data/a.yaml", load_yaml("'139**1234**5678'\n"))], [], problems)
    assert [p.field for p in problems.items] == ["（整个文件）"]
    problems = Problems()
    scan([("data/a.yaml", load_yaml("13912345678: 无\n"))], [], problems)
    assert [p.field for p in problems.items] == ["13912345678"]


def test_a_number_is_read_across_at_most_four_lines():
    four = TextFile("13\n9\n1234\n5678", line=1)
    five = TextFile("1\n3\n9\n1234\n5678", line=1)
    for text, found in ((four, 1), (five, 0)):
        problems = Problems()
        scan([("docs/a.md", text)], [], problems)
        assert len(problems.items) == found


def test_a_float_as_large_as_1e20_is_not_a_number_to_read():
    assert privacy._scalar(1e20) is None
    assert privacy._scalar(1e19) == "10000000000000000000"
