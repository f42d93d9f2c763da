"""The one segmentation of 站内搜索, used on both sides: the indexer (here) and the header box
(docs/assets/js/search.js, `words`) cut Chinese text into the same words, so every string that stands
verbatim on a page is found on that page.

Why character pairs and not a word segmenter: Pagefind 1.5 cuts pages with jieba while indexing and
the browser cuts the query with Intl.Segmenter (ICU); where the two disagree the page is lost
(Pagefind/pagefind#1237), and jieba inside Pagefind took 2.4 GB at 10,000 pages. A word segmenter
cannot run identically in Python and in the browser without shipping its dictionary. Overlapping
pairs of characters need no dictionary: a run of Chinese characters ABCD becomes the words
AB BC CD D (the last character alone closes the run). A query ABC becomes AB BC, searched as an exact
phrase (consecutive words), which every page holding ABC matches — and only those. A single
character is searched as a prefix and finds every pair that starts with it, and every run it closes.

The encoding can be undone (`decode`, and search.js's twin for excerpts and titles): within the word
stream a run is a chain of pairs ended by its last character alone, so runs and the text between
them come back as they were (only spaces next to a run are not kept).
"""
from __future__ import annotations

import re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
RUN = re.compile(f"[{CJK}]+")
TEXT = re.compile(r">([^<]+)<")


def run_words(run: str, closed: bool = True) -> list[str]:
    """The words of one run of Chinese characters; `closed=False` leaves out the lone last character
    (a query's last run may continue on the page)."""
    if len(run) == 1:
        return [run]
    pairs = [run[i:i + 2] for i in range(len(run) - 1)]
    return pairs + [run[-1]] if closed else pairs


def encode(text: str) -> str:
    """Text with each run of Chinese characters replaced by its words, spaced."""
    return RUN.sub(lambda m: " " + " ".join(run_words(m.group())) + " ", text)


def encode_html(fragment: str) -> str:
    """`encode` applied to the text between tags (attributes and markup untouched)."""
    return TEXT.sub(lambda m: ">" + encode(m.group(1)) + "<", fragment)


def query_words(part: str) -> list[str]:
    """The words a part of a query (no spaces) is searched by: as on the page, but its last run not
    closed (search.js `words` does the same; tests/test_search_browser.py compares the two)."""
    out, at = [], 0
    for match in RUN.finditer(part):
        out += part[at:match.start()].split()
        at = match.end()
        out += run_words(match.group(), closed=at < len(part))
    return [word.lower() for word in out + part[at:].split()]


TOKENS = re.compile(f" ?((?:[{CJK}]{{1,2}})(?: [{CJK}]{{1,2}})*) ?")


def decode(encoded: str) -> str:
    """The text `encode` was given (up to spaces next to runs of Chinese characters)."""
    def runs(match: re.Match) -> str:
        out, current = [], ""
        for word in match.group(1).split(" "):
            if current and len(word) == 1 and word == current[-1]:
                out.append(current)          # the lone last character closes the run
                current = ""
            elif current and len(word) == 2 and word[0] == current[-1]:
                current += word[1]
            else:
                if current:
                    out.append(current)
                current = word if len(word) == 2 else ""
                if len(word) == 1:
                    out.append(word)         # a run of one character
        if current:
            out.append(current)
        return " ".join(out)
    return TOKENS.sub(runs, encoded)


__all__ = ["encode", "encode_html", "decode", "run_words", "query_words"]
