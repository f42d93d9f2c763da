"""Names in articles that differ from the roster by one character: 王建君 where the roster has 王建军.

A leader's name written wrong is a 严重错别字 in a 19号 inspection. The roster is every name the record
kinds know (deputies and their former names, the people of the appointment lists). In an article a run of
Chinese characters is suspect when it is not itself a roster name, starts with a roster name's surname
(a slip in the surname itself reads like ordinary words too often: 和经 for 何静), and
- it reads like that name (the same pinyin, tones ignored): a homophone typed by the input method, or
- it has the name's length (three or four characters) and differs in one other character. Two-character
  names are only compared by sound: one character in two matches too much ordinary text.
A common word of the dictionary (任职 for the name 任志) is not reported.

One pass over each text: only a window that starts with a roster surname is looked up, in two tables
made from the roster, so the cost is linear in the length of the articles.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypinyin import lazy_pinyin

_HAN = re.compile(r"[\u4e00-\u9fff]+")
SHORTEST, LONGEST = 2, 4          # the lengths of the names compared
WILDCARD = "\0"


@dataclass(frozen=True)
class NameSlip:
    line: int                     # 1-based, in the text given
    written: str
    meant: tuple[str, ...]        # the roster names it may stand for


@cache
def _sound(char: str) -> str:
    return lazy_pinyin(char)[0]


class Roster:
    def __init__(self, names):
        self.names = {n for n in names if SHORTEST <= len(n) <= LONGEST and _HAN.fullmatch(n)}
        self.by_sound: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.by_pattern: dict[str, set[str]] = defaultdict(set)
        self.lengths: dict[str, list[int]] = {}         # surname -> the lengths of the names it starts
        for name in self.names:
            self.lengths[name[0]] = sorted({*self.lengths.get(name[0], ()), len(name)})
            self.by_sound[(name[0], *(_sound(c) for c in name[1:]))].add(name)
            if len(name) >= 3:
                for i in range(1, len(name)):
                    self.by_pattern[name[:i] + WILDCARD + name[i + 1:]].add(name)
        # Only a roster surname can start a slip: the pattern finds them, instead of a look at every character.
        self._surnames = re.compile("[" + "".join(sorted(self.lengths)) + "]") if self.lengths else None

    def slips(self, text: str) -> list[NameSlip]:
        found: list[NameSlip] = []
        if self._surnames is None:
            return found
        line_starts = None
        for surname in self._surnames.finditer(text):
            position, first = surname.start(), surname.group()
            for length in self.lengths[first]:
                window = text[position:position + length]
                if len(window) < length or not _HAN.fullmatch(window):
                    break                        # the run of Chinese characters ends: longer names end later
                if window in self.names:
                    continue
                meant = set(self.by_sound.get((first, *map(_sound, window[1:])), ()))
                if length >= 3:
                    for i in range(1, length):
                        meant |= self.by_pattern.get(window[:i] + WILDCARD + window[i + 1:], set())
                if not meant or _common_word(window):
                    continue
                run = _run_at(text, position)
                if not self._part_of_a_name(run.group(), position - run.start(), length):
                    if line_starts is None:
                        line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
                    found.append(NameSlip(_line_of(line_starts, position), window, tuple(sorted(meant))))
        return found

    def _part_of_a_name(self, chars: str, start: int, length: int) -> bool:
        """The window overlaps a roster name written correctly (张建军同志 is not 建军同 misspelt)."""
        for other in range(max(0, start - LONGEST + 1), min(len(chars), start + length)):
            for size in range(SHORTEST, LONGEST + 1):
                if other + size > start and chars[other:other + size] in self.names:
                    return True
        return False


COMMON = 200       # a word of the dictionary at least this frequent is a word, not a misspelt name


@cache
def _common_word(window: str) -> bool:
    """任职 reads like the name 任志 but is a word: jieba's dictionary knows it (and few names)."""
    import logging

    import jieba
    if not getattr(jieba, "_renda_quiet", False):
        jieba.setLogLevel(logging.WARNING)            # no English "Building prefix dict…" lines
        folder = Path(__file__).resolve().parents[3] / ".cache"   # the project's cache, not the system's temp folder
        folder.mkdir(exist_ok=True)
        jieba.dt.tmp_dir = str(folder)
        jieba._renda_quiet = True
    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(window, 0) >= COMMON


def _run_at(text: str, position: int) -> re.Match:
    """The run of Chinese characters (_HAN) that holds `position`."""
    start = position
    while start > 0 and _HAN.match(text, start - 1):
        start -= 1
    run = _HAN.match(text, start)
    assert run is not None                   # text[position] is a Chinese character
    return run


def _line_of(line_starts: list[int], offset: int) -> int:
    low, high = 0, len(line_starts)
    while high - low > 1:
        middle = (low + high) // 2
        if line_starts[middle] <= offset:
            low = middle
        else:
            high = middle
    return low + 1
