"""The shortcuts `check` takes on a large site find exactly what the full work finds: each quick test that
lets a text skip a pattern is compared with the pattern itself on generated texts that hold every
character the pattern looks for, and `check` does not load the pinyin dictionaries it never uses."""
from __future__ import annotations

import html
import os
import subprocess
import sys

from hypothesis import example, given, settings, strategies as st

from support.project import HOOKS, copy_project

from renda_site.input import privacy
from renda_site.model import bodies

# Characters the patterns care about, plus ordinary text: CJK, letters, digits, spaces and line breaks,
# invisible characters inside and beyond the Basic Multilingual Plane, and a visible one beyond it.
ALPHABET = st.sampled_from(list("<>{}:/\\[]()*_`~&#;!-.+ \t\n中文aZx019") +
                           ["\u200b", "\u00ad", "\u3164", "\ufeff", "\U000e0020", "\U0001d173", "\U0001f600"])
TEXTS = st.text(ALPHABET, max_size=60)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("纯中文，没有任何标记")
@example("时间 14:30")
@example("见 http://example.org")
@example("a\\b")
@example("//host/x.png")
@example("段落 {: .x }")
def test_may_have_html_agrees_with_its_pattern(text):
    assert bodies.may_have_html(text) == bool(bodies._MAY_HAVE_HTML.search(text))


def reader_text_in_full(markdown: str) -> str:
    """reader_text as it was written before its shortcuts: every step on every text."""
    if "<" in markdown:
        markdown = privacy._COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
        markdown = privacy._HIDDEN.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)
        markdown = privacy._INLINE_TAG.sub("", markdown)
    markdown = privacy._LINK_TAIL.sub("", markdown)
    markdown = privacy._REFERENCE.sub(lambda m: html.unescape(m.group(0)).replace("\n", " "), markdown)
    markdown = privacy.INVISIBLE_PATTERN.sub("", markdown)
    return privacy._MARKS_BETWEEN_DIGITS.sub(lambda m: "\n" * m.group(0).count("\n"), markdown)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("138\U000e0020 1234 5678")
@example("1**3**8")
@example("[13](x.md)8")
@example("1&#51;8")
def test_reader_text_agrees_with_every_step_in_full(text):
    assert privacy.reader_text(text) == reader_text_in_full(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
@example("1\U0001d1733")
def test_without_invisible_removes_what_the_pattern_removes(text):
    assert privacy.without_invisible(text) == privacy.INVISIBLE_PATTERN.sub("", text)


def test_check_does_not_load_the_pinyin_dictionaries(tmp_path):
    project = copy_project(tmp_path / "project")
    script = ("import sys\nfrom renda_site.__main__ import main\n"
              "main(['--root', sys.argv[1], 'check', '--no-inspection'])\n"
              "print('loaded:', sorted(m for m in sys.modules if m.split('.')[0] in ('pypinyin', 'jieba')))")
    result = subprocess.run([sys.executable, "-c", script, str(project)], capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=str(HOOKS)), timeout=120)
    assert "共 0 个错误" in result.stdout, result.stdout + result.stderr
    assert "loaded: []" in result.stdout


SCALARS = st.one_of(
    st.sampled_from(["", "~", "null", "Null", "NULL", "true", "False", "yes", "off", "0", "-1", "+12", "0o17", "0x1F",
                     "0b101", "1_000", "190:20:30", "1.5", "-.5", ".inf", "-.Inf", ".nan", "1e3", "6.8523015e+5",
                     "2024-01-31", "2024-1-5 10:30:00", "2024-01-31T08:00:00+08:00", "13812345678.0", "=", "<<",
                     "'1'", '"true"', "周明远", "d0001"]),
    st.text(st.sampled_from(list("0123456789.:-+_eExXoObB~ntfyNTFY中 ")), min_size=1, max_size=12))


@settings(max_examples=400, deadline=None)
@given(st.lists(SCALARS, min_size=1, max_size=4))
def test_yaml_values_are_those_pyyaml_reads(values):
    """The loader's own resolver and its shortcut for plain strings give PyYAML's values: as mapping
    values, as keys and as list items."""
    import yaml

    from renda_site.input.yamlload import load_yaml
    text = "".join(f"k{index}: {value}\n" for index, value in enumerate(values)) + \
        "list: [" + ", ".join(values) + "]\n" + "".join(f"{value}: x\n" for value in values[:1])
    try:
        expected = yaml.load(text, Loader=yaml.SafeLoader)       # PyYAML's own pure-Python loader
    except (yaml.YAMLError, ValueError):
        return                                                   # not a document both read
    assert load_yaml(text) == expected


FRAGMENTS = st.sampled_from(["138", "1234", "5678", "0", "86", "+86 ", "110101", "19900307", "777X", "-", " ", "\n",
                             "**", "<b>", "</b>", "<!-- x -->", "&#49;", "[", "](a.md)", "\u200b", "电话", "号"])
VALUES = st.one_of(st.lists(FRAGMENTS, max_size=8).map("".join), st.integers(), st.floats(allow_nan=False),
                   st.booleans(), st.none())
TREES = st.recursive(VALUES, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                     st.dictionaries(st.lists(FRAGMENTS, max_size=3).map("".join),
                                                                     inner, max_size=4)), max_leaves=12)


@settings(max_examples=500, deadline=None)
@given(TREES)
@example({"note": "电话 138**1234**5678"})
@example(["138", {"a": "<b>1381234</b>5678"}])
@example({"138**1234**5678": "a field named after a number"})
def test_the_quick_privacy_pass_misses_no_number_the_located_pass_finds(tree):
    """A document the first pass lets go is never walked value by value: whatever the walk would find
    (in a value as written or as a reader reads it), the first pass must see too."""
    located = [text for _, _, text in privacy._located("data/x.yaml", tree)]
    if any(any(privacy.findings(text)) for text in located):
        assert privacy._quick(privacy._whole(tree))


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("0123456789１２ -.*x中\n")), max_size=80))
def test_eleven_digits_finds_what_the_plain_pattern_finds(text):
    import re
    plain = re.compile(r"\d(?:\D{0,3}\d){10}")
    assert [m.span() for m in privacy._ELEVEN_DIGITS.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("\n a#")), max_size=30))
def test_blocks_are_the_body_split_at_empty_lines(body):
    from renda_site.input.load import _blocks
    assert list(_blocks(body)) == body.split("\n\n")


def slips_at_every_character(roster, text):
    """Roster.slips as it was written before it looked only at surnames: every character of every run."""
    import re

    from renda_site.inspection import names
    found = []
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for run in names._HAN.finditer(text):
        chars = run.group()
        for start, first in enumerate(chars):
            for length in roster.lengths.get(first, ()):
                if start + length > len(chars):
                    break
                window = chars[start:start + length]
                if window in roster.names:
                    continue
                meant = set(roster.by_sound.get((first, *map(names._sound, window[1:])), ()))
                if length >= 3:
                    for i in range(1, length):
                        meant |= roster.by_pattern.get(window[:i] + names.WILDCARD + window[i + 1:], set())
                if meant and not names._common_word(window) and not roster._part_of_a_name(chars, start, length):
                    found.append(names.NameSlip(names._line_of(line_starts, run.start() + start), window,
                                                tuple(sorted(meant))))
    return found


ROSTER = ["周明远", "周平远", "王建军", "李娜", "欧阳明月", "任志", "近平安"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("周明远平王建军君李娜那欧阳月任志职同的，。 \na1")), max_size=40))
@example("王建君同志，周明远和周平远。\n李那、任职、欧阳明阅")
@example("周明，会议")                           # a window that would run past the Chinese characters
@example("一二三四五六七八九十，周明近平安")       # a slip inside a correct name, far into the text
def test_name_slips_are_those_a_look_at_every_character_finds(text):
    from renda_site.inspection.names import Roster
    roster = Roster(ROSTER)
    assert roster.slips(text) == slips_at_every_character(roster, text)
