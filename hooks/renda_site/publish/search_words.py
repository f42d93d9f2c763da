"""The one segmentation of 站内搜索, used on both sides: the indexer (here) and the header box
(docs/assets/js/search.js, `words`) cut Chinese text into the same words, so every string that stands
verbatim on a page is found on that page.

Why character pairs and not a word segmenter: Pagefind 1.5 cuts pages with jieba while indexing and
the browser cuts the query with Intl.Segmenter (ICU); where the two disagree the page is lost
(Pagefind/pagefind#1237). A word segmenter
cannot run identically in Python and in the browser without shipping its dictionary. Overlapping
pairs of characters need no dictionary: a run of Chinese characters ABCD becomes the words
A AB BC CD D (its first and last characters alone open and close it, so that 18号 is found in
第18号建议). A query ABC becomes AB BC, searched as an exact phrase (consecutive words), which every
page holding ABC matches — and only those. A single character is searched as a prefix and finds
every pair that starts with it.

The encoding can be undone (`decode`, and search.js's twin for excerpts and titles): within the word
stream a run is its first character, a chain of pairs and its last character, so runs and the text
between them come back as they were (only spaces next to a run are not kept).
"""
from __future__ import annotations

import re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
RUN = re.compile(f"[{CJK}]+")
MARK = re.compile(
    "[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
)  # Chinese punctuation: 〔2024〕18号 holds the word 18
TEXT = re.compile(r">([^<]+)<")


def run_words(run: str, opened: bool = True, closed: bool = True) -> list[str]:
    """The words of one run of Chinese characters: its first character alone (`opened`), the pairs,
    its last character alone (`closed`). A query leaves out the first character of its first run and
    the last of its last run, which may go on on the page."""
    if len(run) == 1:
        return [run]
    pairs = [run[i:i + 2] for i in range(len(run) - 1)]
    return [run[0]] * opened + pairs + [run[-1]] * closed


def encode(text: str) -> str:
    """Text with each run of Chinese characters replaced by its words, and Chinese punctuation, spaced."""
    return RUN.sub(lambda m: " " + " ".join(run_words(m.group())) + " ", MARK.sub(r" \g<0> ", text))


def encode_html(fragment: str) -> str:
    """`encode` applied to the text between tags (attributes and markup untouched)."""
    return TEXT.sub(lambda m: ">" + encode(m.group(1)) + "<", fragment)


def query_words(part: str) -> list[str]:
    """The words a part of a query (no spaces) is searched by: as on the page, but its first run not
    opened and its last not closed (search.js `words` does the same; tests/test_search_browser.py
    compares the two)."""
    out, at = [], 0
    for match in RUN.finditer(part):
        out += part[at:match.start()].split()
        at = match.end()
        out += run_words(match.group(), opened=match.start() > 0, closed=at < len(part))
    return [word.lower() for word in out + part[at:].split()]


SPACED_MARK = re.compile(" ?([\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]) ?")
TOKENS = re.compile(f" ?((?:[{CJK}]{{1,2}})(?: [{CJK}]{{1,2}})*) ?")


def decode(encoded: str) -> str:
    """The text `encode` was given (up to spaces next to runs of Chinese characters)."""
    def runs(match: re.Match) -> str:
        words, out, i = match.group(1).split(" "), [], 0
        while i < len(words):
            word, i = words[i], i + 1
            if len(word) == 1 and i < len(words) and len(words[i]) == 2 and words[i][0] == word:
                while i < len(words) and len(words[i]) == 2 and words[i][0] == word[-1]:
                    word, i = word + words[i][1], i + 1          # the pairs of a run opened by its first character
                if i < len(words) and words[i] == word[-1]:
                    i += 1                                       # and closed by its last
            out.append(word)
        return " ".join(out)
    return SPACED_MARK.sub(r"\1", TOKENS.sub(runs, encoded))


def encode_folder(folder: str) -> int:
    """Every HTML file below `folder` replaced by its `encode_html`: the search index's page copies,
    cut by a process of their own beside the build (search_index.py). Returns the number of files."""
    from pathlib import Path
    files = sorted(Path(folder).rglob("*.html"))
    for file in files:
        file.write_text(encode_html(file.read_text(encoding="utf-8")), encoding="utf-8")
    return len(files)


__all__ = ["encode", "encode_html", "decode", "run_words", "query_words", "encode_folder"]


if __name__ == "__main__":        # run as a script (imports nothing of the package): python search_words.py FOLDER
    import sys
    encode_folder(sys.argv[1])
