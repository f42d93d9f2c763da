"""Build the Pagefind search index of a built site: `index_site(site_dir, plan) -> IndexStats`.

Independent of MkDocs: it reads the HTML files in `site_dir` and writes `<site_dir>/pagefind/`.

Why the HTML is augmented before indexing (the served files are not changed):
- Pagefind segments Chinese with jieba while indexing, but the browser segments the query with
  `Intl.Segmenter` (ICU). The two disagree on names: jieba glues a name in running text to its
  neighbours ("周明远主持" is not found by 周明远) and ICU splits an unknown name ("周明远" becomes
  周明 + 远, "林秀华" becomes 林 + 秀 + 华). Pagefind has no user dictionary.
- Pagefind indexes each whitespace-separated word of a `data-pagefind-meta` value whole, without
  segmenting it, and matches every query word as a prefix. So for each person named on a page we add
  a meta value holding the name and each of its suffixes (周明远 明远 远): whatever pieces ICU cuts
  the query into, each piece is the prefix of one of these words, and the page is found. Meta values
  stay out of the page text, so excerpts show the real sentence, not a word list.
- Section and year filters and the date come from the generator's plan, not from scraping chrome.
"""
from __future__ import annotations

import asyncio
import html
import re
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .search_plan import SearchPlan, url_of

OUTPUT = "pagefind"
BODY = re.compile(r"<[^>]*\sdata-pagefind-body\b[^>]*>")
LANG = re.compile(r'<html[^>]*\slang="([^"]+)"')


@dataclass(frozen=True)
class IndexStats:
    pages: int          # pages in the index
    skipped: int        # HTML files left out (no indexed body, or a pure listing)
    seconds: float
    bytes: int          # size of <site>/pagefind on disk
    files: int


class NameFinder:
    """Finds known names in text with one regular expression shaped like a trie.

    A trie-shaped pattern lets the regex engine reject most positions by their first character, so
    scanning stays linear in the text even with thousands of names (benchmarked in the scale suite).
    """

    def __init__(self, names):
        trie: dict = {}
        for name in names:
            node = trie
            for char in name:
                node = node.setdefault(char, {})
            node[""] = True
        self.pattern = re.compile(_trie_regex(trie)) if trie else None

    def find(self, text: str) -> list[str]:
        if self.pattern is None:
            return []
        return list(dict.fromkeys(self.pattern.findall(text)))


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body   # greedy: the longest name wins (周明远 over 周明)


def name_words(names: list[str]) -> list[str]:
    """Each name and its suffixes: the prefix targets for any way the browser may cut the query."""
    return list(dict.fromkeys(name[i:] for name in names for i in range(len(name))))


def augment(page: str, html_rel: str, plan: SearchPlan, finder: NameFinder) -> str | None:
    """The HTML Pagefind should see (the page's indexed body only), or None to leave the page out."""
    match = BODY.search(page)
    if match is None or html_rel in plan.skip:
        return None
    body_end = page.find("</article>", match.end())
    body = page[match.start(): body_end if body_end > 0 else len(page)]
    marks = []
    section = plan.sections.get(html_rel.split("/", 1)[0]) if "/" in html_rel else None
    if section:
        marks.append(("filter", f"栏目:{section}"))
    date = plan.dates.get(html_rel)
    if date:
        marks += [("filter", f"年份:{date.year}年"), ("meta", f"date:{date.isoformat()}")]
    names = finder.find(body)
    if names:
        marks.append(("meta", "names:" + " ".join(name_words(names))))
    extra = "".join(f'<span hidden data-pagefind-{kind}="{html.escape(value)}"></span>' for kind, value in marks)
    lang = LANG.search(page[:2000])
    head = f'<!DOCTYPE html><html lang="{html.escape(lang.group(1) if lang else "zh")}"><head><meta charset="utf-8"></head><body>'
    cut = match.end() - match.start()
    return head + body[:cut] + extra + body[cut:] + "</body></html>"


def _prepare(site: Path, plan: SearchPlan, out: Path, work: Path) -> tuple[int, int]:
    """Write what Pagefind should index into `work`, mirroring the site's paths (so its URLs)."""
    finder = NameFinder(sorted(plan.names))
    indexed = skipped = 0
    for file in sorted(site.rglob("*.html")):
        if out in file.parents:
            continue
        rel = file.relative_to(site).as_posix()
        content = augment(file.read_text(encoding="utf-8"), rel, plan, finder)
        if content is None:
            skipped += 1
            continue
        target = work / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        indexed += 1
    return indexed, skipped


async def _index(work: Path, out: Path) -> int:
    from pagefind.index import PagefindIndex   # imported late: the generator runs without it
    # One add_directory call, not one add_html_file per page: the Python service reads one reply
    # per 0.1 s, so 10,000 single-file calls would take over 15 minutes.
    async with PagefindIndex(config={"output_path": str(out)}) as index:
        # get_files() answers with the whole bundle in one base64 message; the service reads replies with
        # a 2 MiB StreamReader limit, so from a few hundred pages on that reply overflowed the limit, the
        # reader task died and the build hung for ever. Lift the limit (the reply is held in memory anyway).
        index._service._backend.stdout._limit = 2**40
        result = await index.add_directory(str(work))
        files = await index.get_files()
    # Leaving the block writes the bundle, but on a loaded machine the service is stopped before it has
    # finished: pagefind-entry.json, pagefind.js… were left empty in 5 of 12 parallel builds (hosting
    # tests). The backend is gone now, so rewrite every file from the in-memory copy — into an emptied
    # folder: the bundle written on exit can carry another meta hash, whose file would stay behind.
    shutil.rmtree(out, ignore_errors=True)
    for file in files:
        target = out / file["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file["content"])
    return result["page_count"]


def _run(coro):
    """asyncio.run, also when the caller already runs an event loop (then in a worker thread)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


def index_site(site_dir: Path | str, plan: SearchPlan | None = None) -> IndexStats:
    """Index every page of the built site that has a `data-pagefind-body` element."""
    started = time.perf_counter()
    site = Path(site_dir).resolve()
    out = site / OUTPUT
    if out.exists():
        shutil.rmtree(out)     # no stale chunks from an earlier build
    with tempfile.TemporaryDirectory(prefix="renda-pagefind-") as work:
        indexed, skipped = _prepare(site, plan or SearchPlan(), out, Path(work))
        pages = _run(_index(Path(work), out))
    if pages != indexed:
        raise RuntimeError(f"Pagefind indexed {pages} pages, expected {indexed}")
    sizes = [p.stat().st_size for p in out.rglob("*") if p.is_file()]
    return IndexStats(indexed, skipped, time.perf_counter() - started, sum(sizes), len(sizes))


__all__ = ["index_site", "augment", "IndexStats", "NameFinder", "name_words"]
