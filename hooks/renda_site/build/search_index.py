"""Build the Pagefind search index of a site: `SearchIndexer` while it is being built (pages handed over
one by one, Pagefind run in the background), or `index_site(site_dir, plan)` for a finished one.

Independent of MkDocs: it takes HTML and writes `<site_dir>/pagefind/`, in parts on a large site
(one Pagefind run per part, merged by search.js; see `SearchIndexer`).

Why the HTML is augmented before indexing (the served files are not changed):
- Its text is cut into search words by search_words.py, the segmentation the header box applies to
  the query too, and the copy is marked as language "und", so Pagefind (whose own Chinese segmenter,
  jieba, disagreed with the browser's and took most of its memory) indexes those words as they are.
- A person's own page carries the person's names as `person` meta words (weighed above mentions in
  search.js), so a name finds the person's page first.
- Section and year filters and the date come from the generator's plan, not from scraping chrome.
"""
from __future__ import annotations

import html
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from ..publish.search_plan import SearchPlan
from ..publish.search_words import encode, encode_html

OUTPUT = "pagefind"
OTHER_TYPE = "网页"     # the 类型 of a hand-written page that is no record (概况, 简介)
INDEX_LANG = "und"   # not zh: Pagefind must not segment again (search_words.py has cut the text)
PARTS_FILE = "parts.json"      # in the bundle: the other parts' folders, for search.js
# Chinese characters per Pagefind run. Its memory grows with the word positions it holds, about one
# per Chinese character with this segmentation (the pairs, and each run's first and last character):
# the size bounds the memory of every part's Pagefind (bench/README.md has the figures per character
# and per part).
# Counted as non-ASCII characters (UTF-8 bytes minus characters, halved: 3 bytes each), which costs
# nothing beyond the encoding to bytes done anyway.
PART_CHARACTERS = 2_800_000
# Word positions per index chunk (Pagefind's default 20,000). A query fetches, in every part, the chunk
# of each of its words: smaller chunks keep that down as parts are added, at the cost of a longer
# chunk list in each part's metadata (bench/README.md).
CHUNK_LOCATIONS = 2000
BODY = re.compile(r"<[^>]*\sdata-pagefind-body\b[^>]*>")


@dataclass(frozen=True)
class IndexStats:
    pages: int          # pages in the index
    skipped: int        # HTML files left out (no indexed body, or a pure listing)
    seconds: float      # from the first page added to the bundle in place
    bytes: int          # size of <site>/pagefind on disk
    files: int
    waited: float = 0.0  # of which finish() waited for Pagefind and moved its bundle
    parts: int = 1       # Pagefind runs, one per part of the index


def indexed_body(page: str) -> str | None:
    """The indexed part of a built page: from its `data-pagefind-body` element to the end of the
    article (what follows the element inside the article is outside it, so Pagefind ignores it)."""
    match = BODY.search(page)
    if match is None:
        return None
    end = page.find("</article>", match.end())
    return page[match.start(): end if end > 0 else len(page)]


def augment(page: str, html_rel: str, plan: SearchPlan, encoded: bool = True) -> str | None:
    """The HTML Pagefind should see for a built page (its indexed body only), or None to leave it out."""
    body = indexed_body(page)
    if body is None or html_rel in plan.skip:
        return None
    return wrap_body(body, html_rel, plan, encoded)


def wrap_body(body: str, html_rel: str, plan: SearchPlan, encoded: bool = True) -> str:
    """A small document holding `body` (which starts with the `data-pagefind-body` element) with its
    text cut into search words (search_words.py; `encoded=False` leaves that to be done later, on the
    whole document, by `encode_html`), and the section and year filters, the date and, on a person's
    own page, the person's names added inside the element (as attributes, which are never cut)."""
    marks = []
    section = plan.sections.get(html_rel.split("/", 1)[0]) if "/" in html_rel else None
    if section:
        marks.append(("filter", f"栏目:{section}"))
    marks.append(("filter", f"类型:{plan.types.get(html_rel, OTHER_TYPE)}"))
    date = plan.dates.get(html_rel)
    if date:
        marks += [("filter", f"年份:{date.year}年"), ("meta", f"date:{date.isoformat()}")]
    person = plan.people.get(html_rel)
    if person:
        marks.append(("meta", "person:" + " ".join(encode(name).strip() for name in person)))
    extra = "".join(f'<span hidden data-pagefind-{kind}="{html.escape(value)}"></span>' for kind, value in marks)
    head = f'<!DOCTYPE html><html lang="{INDEX_LANG}"><head><meta charset="utf-8"></head><body>'
    body_tag = BODY.match(body)
    assert body_tag is not None               # MkDocs' page template marks the body
    cut = body_tag.end()
    document = head + body[:cut] + extra + body[cut:] + "</body></html>"
    return encode_html(document) if encoded else document


def mixed_order(paths: list[str]) -> list[int]:
    """An order for converting pages so that every part of the index gets the same mix of the site's
    sections: each section's pages spread evenly over the whole sequence. Why: Pagefind ranks by
    BM25, whose weight for a word (IDF) comes from the part's own pages; a part of deputies only
    would weigh 执法检查 high because few of its pages hold it, and its deputies would outrank the
    执法检查 articles of another part."""
    sections: dict[str, list[int]] = {}
    for i, path in enumerate(paths):
        sections.setdefault(path.split("/", 1)[0] if "/" in path else "", []).append(i)
    place = {}
    for members in sections.values():
        for j, i in enumerate(members):
            place[i] = ((j + 0.5) / len(members), paths[i])
    return sorted(range(len(paths)), key=place.__getitem__)


class SearchIndexer:
    """Builds the Pagefind index in parts: pages are added while the site is built, each part is
    indexed by its own Pagefind run in the background as soon as it is full, and `finish()` puts the
    bundle into the site: the first part at `pagefind/`, the others at `pagefind/part-N/`, listed in
    `pagefind/parts.json` for search.js, which merges them in the browser (Pagefind's mergeIndex).

    Why parts: Pagefind keeps every word position of every page it indexes in memory until it
    writes the index, so one run over a large site needs several gigabytes; runs one after another,
    each over pages holding about `part_characters` Chinese characters, need a fixed fraction of that
    (bench/README.md).
    Why in the background: Pagefind is a separate (Rust) process; a part starts while MkDocs goes on
    converting the pages of the next ones, so Pagefind works on the second core during most of the
    build instead of after it. The pages it reads are small copies (the indexed body plus filters and
    names) in a private folder, so it never reads a half-written site.
    """

    PAGEFIND = [sys.executable, "-m", "pagefind"]     # the binary of the pinned pagefind package
    # Cuts a part's copies into search words in place before Pagefind reads them: in a process of its
    # own, so that this pure-Python work is done on the second core too, not in the build's.
    ENCODE = [sys.executable, str(Path(__file__).parents[1] / "publish" / "search_words.py")]

    def __init__(self, plan: SearchPlan | None = None, part_characters: int | None = None):
        self.plan = plan or SearchPlan()
        self.part_characters = part_characters or int(os.environ.get("RENDA_SEARCH_PART_CHARACTERS") or PART_CHARACTERS)
        self.indexed = self.skipped = 0
        self._started = time.perf_counter()
        self._temp = Path(tempfile.mkdtemp(prefix="renda-pagefind-"))
        self._parts: list[Path] = []          # the page folders of the parts handed to Pagefind
        self._filling: Path | None = None     # the page folder of the part being filled
        self._filled = 0                      # Chinese characters in it
        self._queue: queue.Queue = queue.Queue()
        self._runner: threading.Thread | None = None
        self._codes: list[int] = []           # exit code of each finished run, in part order
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self._stopped = self._sealed = False

    def add_page(self, html_rel: str, page: str) -> None:
        """A whole built page, at `html_rel` (its path in the site folder, e.g. `a/b/index.html`)."""
        self._add(html_rel, augment(page, html_rel, self.plan, encoded=False))

    def add_body(self, html_rel: str, body: str) -> None:
        """Only the indexed body of a page (starting with its `data-pagefind-body` element)."""
        self._add(html_rel, None if html_rel in self.plan.skip else wrap_body(body, html_rel, self.plan, encoded=False))

    def add_content(self, html_rel: str, content: str, title: str) -> None:
        """A page's converted Markdown (before the theme wraps it), with its title: the same body the
        theme's content partial (overrides/partials/content.html) marks with data-pagefind-body."""
        heading = "" if "<h1" in content else f"<h1>{escape(title)}</h1>"     # escaped as the theme does
        self.add_body(html_rel, f'<div class="rd-page-body" data-pagefind-body>\n{heading}\n{content}\n</div>')

    def _add(self, html_rel: str, content: str | None) -> None:
        if content is None:
            self.skipped += 1
            return
        if self._sealed:
            raise RuntimeError(f"page {html_rel} added after the search index was started")
        if self._filling is None:
            self._filling, self._filled = self._temp / f"pages-{len(self._parts)}", 0
        data = content.encode("utf-8")
        target = self._filling / html_rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.indexed += 1
        self._filled += (len(data) - len(content)) // 2
        if self._filled >= self.part_characters:
            self._seal()

    def _seal(self) -> None:
        """Hand the part being filled to Pagefind (its run starts when the one before has ended)."""
        folder, self._filling = self._filling, None
        if folder is None:
            if self._parts:
                return
            folder = self._temp / "pages-0"          # no page at all: Pagefind still writes a bundle
            folder.mkdir(parents=True)
        self._parts.append(folder)
        if self._runner is None:
            self._runner = threading.Thread(target=self._run_parts, name="pagefind", daemon=True)
            self._runner.start()
        self._queue.put(len(self._parts) - 1)

    def start(self) -> None:
        """Every page is added: index the last part (the command line, not Pagefind's Python service:
        on the largest benchmark site the service's add_directory + get_files took several times as
        long as the command line on the same folder, and its one-reply bundle needed a lifted 2 MiB
        reply limit and left empty files when it was stopped under load)."""
        if not self._sealed:
            self._seal()
            self._sealed = True
            self._queue.put(None)

    def _run_parts(self) -> None:
        # One thread: Pagefind hardly gains from a second one, and MkDocs needs that core meanwhile.
        environment = {
            **os.environ,
            "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(CHUNK_LOCATIONS),
            "RAYON_NUM_THREADS": "1",
        }
        while (part := self._queue.get()) is not None:
            pages = str(self._parts[part])
            code = 0
            with open(self._temp / f"pagefind-{part}.log", "w", encoding="utf-8") as log:
                for command in (
                    [*self.ENCODE, pages],
                    [*self.PAGEFIND, "--site", pages, "--output-path", str(self._temp / f"bundle-{part}"), "--quiet"],
                ):
                    with self._lock:
                        if self._stopped:
                            return
                        self._process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment)
                    code = self._process.wait()
                    if code != 0:
                        break
            self._codes.append(code)
            if code != 0:
                return

    def finish(self, site_dir: Path | str) -> IndexStats:
        """Wait for the Pagefind runs and put their bundle at `<site_dir>/pagefind` (replacing any old one)."""
        self.start()
        waiting = time.perf_counter()
        assert self._runner is not None           # start() made it
        try:
            self._runner.join()
            for part, code in enumerate(self._codes):
                if code != 0:
                    output = (self._temp / f"pagefind-{part}.log").read_text(encoding="utf-8", errors="replace")
                    raise RuntimeError(f"Pagefind 建立站内搜索索引失败（退出码 {code}）：\n{output[-3000:]}")
            if len(self._codes) != len(self._parts):
                raise RuntimeError("Pagefind 建立站内搜索索引时被中断")
            bundle = self._assemble()
            out = Path(site_dir) / OUTPUT
            shutil.rmtree(out, ignore_errors=True)      # no stale chunks from an earlier build
            shutil.move(str(bundle), str(out))
        finally:
            self.close()
        done = time.perf_counter()
        sizes = [p.stat().st_size for p in out.rglob("*") if p.is_file()]
        return IndexStats(self.indexed, self.skipped, done - self._started, sum(sizes), len(sizes), done - waiting,
                          len(self._parts))

    def _assemble(self) -> Path:
        """The first part's bundle, holding each other part's index (without Pagefind's scripts and
        WebAssembly, which the browser loads once) at part-N/, and parts.json naming them."""
        bundle, pages, names = self._temp / "bundle-0", 0, []
        for part in range(len(self._parts)):
            own = self._temp / f"bundle-{part}"
            entry = json.loads((own / "pagefind-entry.json").read_text(encoding="utf-8"))
            pages += sum(language["page_count"] for language in entry["languages"].values())
            if part:
                names.append(f"part-{part}/")
                target = bundle / names[-1]
                target.mkdir()
                for item in own.iterdir():
                    if item.is_dir() or item.name.endswith((".pf_meta", "-entry.json")):
                        shutil.move(str(item), str(target / item.name))
        if pages != self.indexed:
            raise RuntimeError(f"Pagefind indexed {pages} pages, expected {self.indexed}")
        (bundle / PARTS_FILE).write_text(json.dumps({"parts": names}), encoding="utf-8")
        return bundle

    def close(self) -> None:
        """Stop Pagefind if it still runs and remove the private folder (also after a failed build)."""
        with self._lock:
            self._stopped = True
            process = self._process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        if self._runner is not None:
            self._queue.put(None)
            self._runner.join()
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


__all__ = ["index_site", "augment", "indexed_body", "wrap_body", "mixed_order", "SearchIndexer", "IndexStats"]
