"""Build the Pagefind search index of a site: `SearchIndexer` while it is being built (pages handed over
one by one, Pagefind run in the background), or `index_site(site_dir, plan)` for a finished one.

Independent of MkDocs: it takes HTML and writes `<site_dir>/pagefind/`.

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

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from ..text import NameFinder
from .search_plan import SearchPlan

OUTPUT = "pagefind"
BODY = re.compile(r"<[^>]*\sdata-pagefind-body\b[^>]*>")
LANG = re.compile(r'<html[^>]*\slang="([^"]+)"')


@dataclass(frozen=True)
class IndexStats:
    pages: int          # pages in the index
    skipped: int        # HTML files left out (no indexed body, or a pure listing)
    seconds: float      # from the first page added to the bundle in place
    bytes: int          # size of <site>/pagefind on disk
    files: int
    waited: float = 0.0  # of which finish() waited for Pagefind and moved its bundle


def name_words(names: list[str]) -> list[str]:
    """Each name and its suffixes: the prefix targets for any way the browser may cut the query."""
    return list(dict.fromkeys(name[i:] for name in names for i in range(len(name))))


def indexed_body(page: str) -> str | None:
    """The indexed part of a built page: from its `data-pagefind-body` element to the end of the
    article (what follows the element inside the article is outside it, so Pagefind ignores it)."""
    match = BODY.search(page)
    if match is None:
        return None
    end = page.find("</article>", match.end())
    return page[match.start(): end if end > 0 else len(page)]


def augment(page: str, html_rel: str, plan: SearchPlan, finder: NameFinder) -> str | None:
    """The HTML Pagefind should see for a built page (its indexed body only), or None to leave it out."""
    body = indexed_body(page)
    if body is None or html_rel in plan.skip:
        return None
    lang = LANG.search(page[:2000])
    return wrap_body(body, html_rel, plan, finder, lang.group(1) if lang else "zh")


def wrap_body(body: str, html_rel: str, plan: SearchPlan, finder: NameFinder, lang: str) -> str:
    """A small document holding `body` (which starts with the `data-pagefind-body` element), with the
    section and year filters, the date and the names of people on the page added inside the element."""
    marks = []
    section = plan.sections.get(html_rel.split("/", 1)[0]) if "/" in html_rel else None
    if section:
        marks.append(("filter", f"栏目:{section}"))
    date = plan.dates.get(html_rel)
    if date:
        marks += [("filter", f"年份:{date.year}年"), ("meta", f"date:{date.isoformat()}")]
    names = [] if html_rel in plan.unnamed else finder.find(body)
    if names:
        marks.append(("meta", "names:" + " ".join(name_words(names))))
    person = plan.people.get(html_rel)
    if person:
        marks.append(("meta", "person:" + " ".join(name_words(list(person)))))
    extra = "".join(f'<span hidden data-pagefind-{kind}="{html.escape(value)}"></span>' for kind, value in marks)
    head = f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><meta charset="utf-8"></head><body>'
    cut = BODY.match(body).end()
    return head + body[:cut] + extra + body[cut:] + "</body></html>"


class SearchIndexer:
    """Builds one Pagefind index: pages are added while the site is built, Pagefind runs in the
    background from `start()`, and `finish()` puts the bundle into the site.

    Why in the background: Pagefind is a separate (Rust) process. Started once every page's text is
    known, which for MkDocs is before the theme renders any page, it indexes on the second core while
    the build renders templates on the first; on a large site that overlap is most of
    Pagefind's time. The pages it reads are small copies (the indexed body plus filters and names)
    in a private folder, so it never reads a half-written site.
    """

    PAGEFIND = [sys.executable, "-m", "pagefind"]     # the binary of the pinned pagefind package

    def __init__(self, plan: SearchPlan | None = None):
        self.plan = plan or SearchPlan()
        self.finder = NameFinder(sorted(self.plan.names))
        self.indexed = self.skipped = 0
        self._started = time.perf_counter()
        self._temp = Path(tempfile.mkdtemp(prefix="renda-pagefind-"))
        self._pages, self._bundle = self._temp / "pages", self._temp / "bundle"
        self._process: subprocess.Popen | None = None
        self._log = None

    def add_page(self, html_rel: str, page: str) -> None:
        """A whole built page, at `html_rel` (its path in the site folder, e.g. `a/b/index.html`)."""
        content = augment(page, html_rel, self.plan, self.finder)
        self._add(html_rel, content)

    def add_body(self, html_rel: str, body: str, lang: str) -> None:
        """Only the indexed body of a page (starting with its `data-pagefind-body` element)."""
        self._add(html_rel, None if html_rel in self.plan.skip else wrap_body(body, html_rel, self.plan, self.finder, lang))

    def add_content(self, html_rel: str, content: str, title: str, lang: str) -> None:
        """A page's converted Markdown (before the theme wraps it), with its title: the same body the
        theme's content partial (overrides/partials/content.html) marks with data-pagefind-body."""
        heading = "" if "<h1" in content else f"<h1>{escape(title)}</h1>"     # escaped as the theme does
        self.add_body(html_rel, f'<div class="rd-page-body" data-pagefind-body>\n{heading}\n{content}\n</div>', lang)

    def _add(self, html_rel: str, content: str | None) -> None:
        if content is None:
            self.skipped += 1
            return
        target = self._pages / html_rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        self.indexed += 1

    def start(self) -> None:
        """Start Pagefind on the pages added so far (the command line, not its Python service: on the
        largest benchmark site the service's add_directory + get_files took several times as long as the
        command line on the same folder, and the service's one-reply bundle needed a lifted 2 MiB
        reply limit and left empty files when it was stopped under load)."""
        self._pages.mkdir(parents=True, exist_ok=True)
        self._log = open(self._temp / "pagefind.log", "w+", encoding="utf-8", errors="replace")
        command = [*self.PAGEFIND, "--site", str(self._pages), "--output-path", str(self._bundle), "--quiet"]
        self._process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT)

    def finish(self, site_dir: Path | str) -> IndexStats:
        """Wait for Pagefind and move its bundle to `<site_dir>/pagefind` (replacing any old one)."""
        if self._process is None:
            self.start()
        waiting = time.perf_counter()
        try:
            code = self._process.wait()
            self._log.seek(0)
            output = self._log.read()
            if code != 0:
                raise RuntimeError(f"Pagefind 建立站内搜索索引失败（退出码 {code}）：\n{output[-3000:]}")
            entry = json.loads((self._bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
            pages = sum(language["page_count"] for language in entry["languages"].values())
            if pages != self.indexed:
                raise RuntimeError(f"Pagefind indexed {pages} pages, expected {self.indexed}")
            out = Path(site_dir) / OUTPUT
            shutil.rmtree(out, ignore_errors=True)      # no stale chunks from an earlier build
            shutil.move(str(self._bundle), str(out))
        finally:
            self.close()
        done = time.perf_counter()
        sizes = [p.stat().st_size for p in out.rglob("*") if p.is_file()]
        return IndexStats(self.indexed, self.skipped, done - self._started, sum(sizes), len(sizes), done - waiting)

    def close(self) -> None:
        """Stop Pagefind if it still runs and remove the private folder (also after a failed build)."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        if self._log is not None:
            self._log.close()
        shutil.rmtree(self._temp, ignore_errors=True)


def index_site(site_dir: Path | str, plan: SearchPlan | None = None) -> IndexStats:
    """Index every page of an already built site that has a `data-pagefind-body` element."""
    site = Path(site_dir).resolve()
    out = site / OUTPUT
    indexer = SearchIndexer(plan)
    try:
        for file in sorted(site.rglob("*.html")):
            if out not in file.parents:
                indexer.add_page(file.relative_to(site).as_posix(), file.read_text(encoding="utf-8"))
    except BaseException:
        indexer.close()
        raise
    return indexer.finish(site)


__all__ = ["index_site", "augment", "indexed_body", "wrap_body", "SearchIndexer", "IndexStats", "NameFinder",
           "name_words"]
