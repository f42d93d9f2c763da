"""The figures of a set of suggestions (kinds/suggestions/figures.py) on cases the demo's sessions do not
all show (a deputy still unhappy with the final reply, a reply after the deadline, one not yet answered),
and the one segmentation of 站内搜索 (publish/search_words.py), whose character ranges the browser's
search script (docs/assets/js/search.js) must share. Written against the mutants that the other
in-process tests let survive (bench/mutation.sh)."""
from __future__ import annotations

import datetime
import re

import pytest

from support.project import ROOT

from renda_site.kinds.suggestions import Reply, Suggestion, Supervision
from renda_site.kinds.suggestions.figures import NOT_ASKED, charts, figures, rate, status_bars
from renda_site.outputs import Bar
from renda_site.publish import search_words
from renda_site.publish.search_words import decode, encode, encode_html, query_words, run_words

D = datetime.date


def reply(day: D, result: str = "A", satisfaction: str | None = None) -> Reply:
    return Reply(date=day, result=result, feedback=day if satisfaction else None, satisfaction=satisfaction)


ASSIGNED = D(2024, 3, 1)


def suggestion(number: int, category: str = "城乡建设", assigned: D | None = ASSIGNED, replies=(),
               closed: D | None = None, supervised: bool = False) -> Suggestion:
    return Suggestion(session="18-4", number=number, title=f"关于第{number}件事的建议", category=category,
                      lead="d0001", filed=D(2024, 2, 1), text="内容", assigned=assigned, lead_unit="u01",
                      replies=list(replies), closed=closed,
                      supervision=Supervision(leader="d0002") if supervised else None)


# Deadline: three months after 交办 (2024-03-01), so a reply on 2024-06-01 is on time, 06-02 is late.
SET = [
    suggestion(1, replies=[reply(D(2024, 6, 1), "A", "满意")], closed=D(2024, 7, 1), supervised=True),
    suggestion(2, replies=[reply(D(2024, 6, 2), "B", "基本满意")], closed=D(2024, 7, 1)),
    suggestion(3, replies=[reply(D(2024, 5, 1), "C", "不满意")]),                       # being redone
    suggestion(4, replies=[reply(D(2024, 5, 1), "B", "不满意"), reply(D(2024, 8, 1), "A", "满意")],
               closed=D(2024, 9, 1)),
    suggestion(5, category="社会事业", replies=[reply(D(2024, 4, 1), "A")]),               # view not asked yet
    suggestion(6, category="社会事业"),                                                    # not answered
    suggestion(7, category="社会事业", assigned=None),                                     # not assigned
]


def test_figures_of_a_set_with_every_case():
    f = figures(SET, 3)
    assert (f.total, f.assigned, f.replied, f.in_time, f.late, f.unanswered) == (7, 6, 5, 4, 1, 1)
    assert f.results == {"A": 3, "B": 1, "C": 1}                  # the final reply's result
    assert f.satisfaction == {"满意": 2, "基本满意": 1, "不满意": 1, NOT_ASKED: 1}
    assert f.first_satisfaction == {"满意": 1, "基本满意": 1, "不满意": 2, NOT_ASKED: 1}
    assert (f.asked, f.pleased, f.pleased_rate) == (4, 3, "75.0%")
    assert f.in_time_rate == "66.7%"
    assert f.statuses == {"banjie": 3, "chongban": 1, "dafu": 1, "banli": 1, "daijiaoban": 1}
    assert f.closed == 3
    assert f.categories == {"城乡建设": 4, "社会事业": 3}
    assert (f.supervised, f.redone) == (1, 2)


def test_a_deadline_counts_to_the_day_and_a_longer_one_counts_more_in_time():
    assert figures(SET, 3).in_time == 4
    assert figures(SET, 2).in_time == 3                           # 2024-05-01 is the last day
    assert figures([], 3).in_time_rate == "—" and figures([], 3).pleased_rate == "—"


def test_rate():
    assert rate(1, 3) == "33.3%" and rate(2, 3) == "66.7%" and rate(3, 3) == "100.0%" and rate(0, 4) == "0.0%"
    assert rate(0, 0) == "—"


def test_charts_of_a_session_leave_out_empty_bars_and_empty_charts():
    f = figures(SET, 3)
    out = dict(charts("十八届四次会议", f, ["城乡建设", "社会事业", "农业农村"],
                      [("A", "已解决"), ("B", "正在解决"), ("C", "说明情况"), ("D", "无")], [("县交通运输局", 4)]))
    assert list(out) == ["按类别", "按期答复", "办理结果", "满意度", "首次答复满意度", "按主办单位"]
    assert out["按类别"].bars == [Bar("城乡建设", 4), Bar("社会事业", 3)]
    assert out["按类别"].id == "chart-category" and out["按类别"].unit == "件"
    assert out["按类别"].columns == ("类别", "件数")
    assert out["按期答复"].title == "十八届四次会议代表建议按期答复情况（按期答复率 66.7%）"
    assert out["按期答复"].bars == [Bar("按期答复", 4), Bar("逾期答复", 1), Bar("尚未答复", 1)]
    assert out["按期答复"].columns == ("答复情况", "件数") and out["按期答复"].caption == "按期答复件数"
    assert out["办理结果"].bars == [Bar("A 类（已解决）", 3), Bar("B 类（正在解决）", 1), Bar("C 类（说明情况）", 1)]
    assert out["满意度"].title == "十八届四次会议代表对最终答复的意见（满意率 75.0%）"
    assert out["满意度"].bars == [Bar("满意", 2), Bar("基本满意", 1), Bar("不满意", 1), Bar(NOT_ASKED, 1)]
    assert out["首次答复满意度"].bars == [Bar("满意", 1), Bar("基本满意", 1), Bar("不满意", 2), Bar(NOT_ASKED, 1)]
    assert out["按主办单位"].bars == [Bar("县交通运输局", 4)] and out["按主办单位"].columns == ("主办单位", "件数")
    assert [(c.id, c.caption, c.columns, c.unit) for c in out.values()] == [
        ("chart-category", "各类别件数", ("类别", "件数"), "件"),
        ("chart-intime", "按期答复件数", ("答复情况", "件数"), "件"),
        ("chart-result", "各类办理结果件数", ("办理结果", "件数"), "件"),
        ("chart-satisfaction", "代表意见件数", ("代表意见", "件数"), "件"),
        ("chart-first", "代表意见件数", ("代表意见", "件数"), "件"),
        ("chart-unit", "各单位主办件数", ("主办单位", "件数"), "件"),
    ]
    assert [c.title for c in out.values()] == [
        "十八届四次会议代表建议件数（按类别）", "十八届四次会议代表建议按期答复情况（按期答复率 66.7%）",
        "十八届四次会议代表建议办理结果（以最终答复计）", "十八届四次会议代表对最终答复的意见（满意率 75.0%）",
        "十八届四次会议代表对首次答复的意见", "十八届四次会议代表建议件数（按主办单位）"]
    none = dict(charts("某次会议", figures([suggestion(9, assigned=None)], 3), ["城乡建设"], [("A", "已解决")], []))
    assert list(none) == ["按类别"]                    # not assigned yet: no deadline, result or satisfaction chart


def test_status_bars_in_the_order_of_the_steps():
    assert status_bars(figures(SET, 3)) == [Bar("待交办", 1), Bar("办理中", 1), Bar("已答复", 1), Bar("重新办理", 1),
                                            Bar("已办结", 3)]


# --- search words ---------------------------------------------------------------------------------

def test_run_words_open_and_close_a_run():
    assert run_words("人大代表") == ["人", "人大", "大代", "代表", "表"]
    assert run_words("人大代表", opened=False) == ["人大", "大代", "代表", "表"]
    assert run_words("人大代表", closed=False) == ["人", "人大", "大代", "代表"]
    assert run_words("人") == ["人"]
    assert run_words("人大", opened=False, closed=False) == ["人大"]


def test_encode_spaces_runs_and_chinese_punctuation():
    assert encode("第18号建议") == " 第 18 号 号建 建议 议 "
    assert encode("〔2024〕18号") == " 〔 2024 〕 18 号 "
    assert encode("abc") == "abc"
    assert encode_html('<p title="人大">人大</p><b>ok</b>') == '<p title="人大"> 人 人大 大 </p><b>ok</b>'


@pytest.mark.parametrize("char", ["\u3400", "\u4dbf", "\u4e00", "\u9fff", "\uf900", "\ufaff"])
def test_each_end_of_each_range_is_a_chinese_character(char):
    assert run_words(char + char) == [char, char + char, char]
    assert encode("a" + char) == "a " + char + " "


@pytest.mark.parametrize("char", ["\u33ff", "\u4dc0", "\u4dff", "\ua000", "\uf8ff", "\ufb00"])
def test_characters_just_outside_the_ranges_are_not(char):
    assert encode("a" + char) == "a" + char


@pytest.mark.parametrize("mark", ["\u3000", "\u3001", "\u303f", "\uff01", "\uff0f", "\uff1a", "\uff20", "\uff3b",
                                  "\uff40", "\uff5b", "\uff65"])
def test_each_end_of_each_punctuation_range_is_spaced(mark):
    assert encode("1" + mark + "2") == "1 " + mark + " 2"
    assert decode(encode("人大" + mark + "代表")) == "人大" + mark + "代表"


@pytest.mark.parametrize("char", ["\u2fff", "\u3040", "\uff10", "\uff19", "\uff21", "\uff3a", "\uff41", "\uff5a",
                                  "\uff66"])
def test_full_width_letters_and_digits_are_not_punctuation(char):
    assert encode("1" + char + "2") == "1" + char + "2"


def test_query_words_leave_the_ends_open():
    assert query_words("人大代表") == ["人大", "大代", "代表"]
    assert query_words("第18号建议") == ["第", "18", "号", "号建", "建议"]
    assert query_words("ABC人大") == ["abc", "人", "人大"]            # a run after other text is opened
    assert query_words("人大ABC") == ["人大", "大", "abc"]            # and a run before other text is closed
    assert query_words("人") == ["人"]
    assert query_words("a人大") == ["a", "人", "人大"]
    assert query_words("x 人大 y") == ["x", "人", "人大", "大", "y"]


@pytest.mark.parametrize("text", ["第18号建议", "县人大常委会关于〔2024〕18号的决定。", "人", "甲乙 丙丁",
                                  "abc 人大 def", "人人人大", "a人b大c"])
def test_decode_undoes_encode(text):
    assert decode(encode(text)) == text


def test_decode_a_cut_excerpt():
    assert decode("人 人大 大代") == "人大代"              # an excerpt may end inside a run
    assert decode("人 人大") == "人大"


def test_encode_folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.html").write_text("<p>人大</p>", encoding="utf-8")
    (tmp_path / "y.txt").write_text("人大", encoding="utf-8")
    assert search_words.encode_folder(str(tmp_path)) == 1
    assert (tmp_path / "a" / "x.html").read_text(encoding="utf-8") == "<p> 人 人大 大 </p>"
    assert (tmp_path / "y.txt").read_text(encoding="utf-8") == "人大"


def _js_unescape(text: str) -> str:
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)


def test_the_browser_search_script_cuts_with_the_same_character_ranges():
    script = (ROOT / "docs" / "assets" / "js" / "search.js").read_text(encoding="utf-8")
    [cjk] = re.findall(r'var CJK = "([^"]+)";', script)
    assert _js_unescape(cjk) == search_words.CJK
    marks = re.findall(r"\[(\\u3000[^\]]*)\]", script)
    assert marks, "search.js spaces Chinese punctuation as decode does"
    python_marks = {m.group(1) for m in re.finditer(r"\[(\u3000[^\]]*)\]",
                                                    search_words.MARK.pattern + search_words.SPACED_MARK.pattern)}
    assert {_js_unescape(m) for m in marks} == python_marks == {search_words.MARK.pattern[1:-1]}
