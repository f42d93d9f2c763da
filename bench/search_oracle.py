"""The truth oracle of 站内搜索: queries generated from a built site, the pages that contain each query
string as the truth, and the header box in real Chromium as the thing measured.

    .venv/bin/python bench/search_oracle.py SITE_DIR [--nginx] [--per-category N] [--misses] [--seed S]

Queries (categories): every deputy and appointee name, every position in the appointment lists, issue
numbers (2024年第3期), meeting numbers (第三十二次会议, its meeting's page as the target), suggestion
numbers (第41号, the suggestion as the target) and their units, other numbers such as 第3号 found in
page text, the whole title and the key phrase of every indexed page's title (the words between 关于 and the
document type), and random 2–6 character substrings of page text (widened to whole numbers: 2021年, not
021年). They come from the site's open data (shuju/*.json) and its indexed pages, so the same script
measures the demo and the synthetic 10,000-page site.

Reader forms (bench/reader_queries.tsv, written by reading the demo's pages, not its index): words of a
title typed apart, law titles with or without 《》 and 中华人民共和国, 第N次会议 in Arabic or Chinese
numerals, 十八届 or 第十八届, 第15号建议, a town's name for its station. Their truth is the pages listed
there (not the pages holding the string, which for these forms is often none); a query whose pages are
not all in the index under the titles written there (another site) is left out. They are the demo's
(another site may have the same page under the same title, but not the same answer to 第24次会议), so
they run only with --readers or --readers-only. Printed as a second table, by form.

Truth: the indexed pages (those in SITE_DIR/pagefind/**/fragment, every part) whose indexed body in the built HTML
(the `data-pagefind-body` element, without `data-pagefind-ignore` parts) contains the query string.
recall@5 = |top 5 ∩ truth| / min(5, |truth|), averaged per category; MRR = 1 / rank of the first true
page among the shown results (0 if none); 本页 = for title and name queries, the share where the page the
query was taken from is in the top 5.
"""
from __future__ import annotations

import gzip
import html
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "deploy"))

CJK = "\u3400-\u9fff"
IGNORED = re.compile(r"<(\w+)\b[^>]*\sdata-pagefind-ignore\b[^>]*>.*?</\1>", re.S)
TAG = re.compile(r"<[^>]+>")
H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
MEETING = re.compile(r"第[一二三四五六七八九十百零]+次会议")
NUMBER = re.compile(r"第\d+号")
DOC_TYPES = ("的决定", "的决议", "的报告", "的审议意见", "的意见", "的办法", "的规定", "的通知", "的公告", "的建议",
             "的答复", "的方案", "的规则", "的制度")
MAX_CHARS = 38                       # search.js cuts longer queries
CATEGORIES = ("姓名", "任免职务", "期号", "会议", "建议编号", "承办单位", "编号", "标题全文", "标题短语", "随机片段")
EXACT = ("姓名", "标题全文", "标题短语")   # must be 100 %
READER_FILE = Path(__file__).resolve().parent / "reader_queries.tsv"
READER_FORMS = ("词语分开", "法律名称", "会议次数", "届次", "建议编号", "乡镇联络站")


@dataclass
class Query:
    category: str
    text: str
    target: str | None = None        # the page the query was taken from (titles, deputies)
    truth: set[str] = field(default_factory=set)


def page_text(page: str) -> tuple[str, str] | None:
    """(title, indexed text) of a built page, as the indexer sees it."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
    from renda_site.build.search_index import indexed_body
    body = indexed_body(page)
    if body is None:
        return None
    body = IGNORED.sub(" ", body)
    h1 = H1.search(body)
    title = html.unescape(TAG.sub("", h1.group(1))).strip() if h1 else ""
    text = re.sub(r"\s+", " ", html.unescape(TAG.sub(" ", body)))
    return title, text


def indexed_pages(site: Path) -> dict[str, tuple[str, str]]:
    """URL path -> (title, text) for every page in the Pagefind bundle."""
    pages = {}
    for fragment in (site / "pagefind").glob("**/fragment/*.pf_fragment"):     # every part of the index
        raw = gzip.decompress(fragment.read_bytes())
        url = json.loads(raw[raw.index(b"{"):])["url"]
        file = site / url.lstrip("/") / "index.html" if url.endswith("/") else site / url.lstrip("/")
        found = page_text(file.read_text(encoding="utf-8"))
        if found:
            pages[url] = found
    return pages


def _records(site: Path, name: str) -> list[dict]:
    file = site / "shuju" / f"{name}.json"
    return json.loads(file.read_text(encoding="utf-8"))["records"] if file.is_file() else []


def title_phrase(title: str) -> str | None:
    """The key phrase of a document title: 清溪县人民代表大会常务委员会关于X的决定 -> X."""
    core = title.split("关于", 1)[1] if "关于" in title else None
    if core is None:
        return None
    for end in DOC_TYPES:
        if core.endswith(end):
            return core[: -len(end)]
    return None


def generate(site: Path, pages: dict[str, tuple[str, str]], per_category: int | None = None,
             seed: int = 17) -> list[Query]:
    rng = random.Random(seed)
    queries: dict[tuple[str, str], Query] = {}

    def add(category, text, target=None):
        text = (text or "").strip()
        if len(text) >= 2 and len(text) <= MAX_CHARS and (category, text) not in queries:
            queries[(category, text)] = Query(category, text, target)

    for d in _records(site, "deputies"):
        add("姓名", d["name"], urlparse(d["url"]).path)
        for other in d.get("other_names") or []:
            add("姓名", other, urlparse(d["url"]).path)
    for m in _records(site, "meetings"):
        for number in MEETING.findall(m["title"]):
            add("会议", number, urlparse(m["url"]).path)          # 第三十二次会议: the meeting's own page
    for sg in _records(site, "suggestions"):
        add("建议编号", f"第{sg['number']}号", urlparse(sg["url"]).path)
        add("标题短语", title_phrase(sg["title"]), urlparse(sg["url"]).path)
        for unit in [sg.get("lead_unit") or {}, *(sg.get("co_units") or [])]:
            add("承办单位", unit.get("name"))
    for a in _records(site, "appointments"):
        for e in a["entries"]:
            add("姓名", e["name"])
            add("任免职务", e["position"])
        for m in MEETING.findall(a.get("meeting") or ""):
            add("会议", m)
    for b in _records(site, "bulletins"):
        add("期号", f"{b['year']}年第{b['number']}期", urlparse(b["url"]).path)
    for url, (title, text) in sorted(pages.items()):
        add("标题全文", title, url)
        add("标题短语", title_phrase(title), url)
        for m in MEETING.findall(title):
            add("会议", m)
        for m in NUMBER.findall(text):
            if ("建议编号", m) not in queries:           # other numbers only
                add("编号", m)
    urls = sorted(pages)
    runs = re.compile(f"[{CJK}0-9]{{2,}}")
    for _ in range(200 if per_category is None else per_category):
        url = rng.choice(urls)
        candidates = runs.findall(pages[url][1])
        if candidates:
            run = rng.choice(candidates)
            size = rng.randint(2, min(6, len(run)))
            start = rng.randint(0, len(run) - size)
            end = start + size
            # whole numbers only (a reader types 2021年, not 021年): move the cut out of a number
            while start > 0 and run[start - 1].isdigit() and run[start].isdigit():
                start -= 1
            while end < len(run) and run[end - 1].isdigit() and run[end].isdigit():
                end += 1
            add("随机片段", run[start:end], None)
    chosen = list(queries.values())
    if per_category:
        by_category: dict[str, list[Query]] = {}
        for q in chosen:
            by_category.setdefault(q.category, []).append(q)
        chosen = [q for c in by_category.values()
                  for q in (rng.sample(c, per_category) if len(c) > per_category else c)]
    for q in chosen:
        q.truth = {url for url, (_, text) in pages.items() if q.text in text}
    return [q for q in chosen if q.truth]


def reader_queries(pages: dict[str, tuple[str, str]], file: Path = READER_FILE) -> list[Query]:
    """The hand-written reader queries whose pages are all indexed in this site, under the titles read."""
    queries = []
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, text, targets, titles = line.split("\t")
        wanted = dict(zip(targets.split(), titles.split(" | "), strict=True))
        if form not in READER_FORMS:
            raise ValueError(f"{file.name}: unknown form {form!r} in {line!r}")
        if all(url in pages and pages[url][0] == title for url, title in wanted.items()):
            queries.append(Query(form, text, None, set(wanted)))
    return queries


@dataclass
class Score:
    query: Query
    top: list[str]
    found: int = 0          # the count the page reports (找到 N 条), 0 when it reports none

    @property
    def recall(self) -> float:
        return len(set(self.top[:5]) & self.query.truth) / min(5, len(self.query.truth))

    @property
    def rr(self) -> float:
        return next((1 / (i + 1) for i, url in enumerate(self.top) if url in self.query.truth), 0.0)

    @property
    def own(self) -> bool | None:
        return None if self.query.target is None else self.query.target in self.top[:5]


def run(page, queries: list[Query], prefix: str = "") -> list[Score]:
    """Type every query into the header box of the open page; results with `prefix` removed."""
    from search_probe import header_search, status_text
    scores = []
    for q in queries:
        top = [p[len(prefix):] if prefix and p.startswith(prefix) else p for p in header_search(page, q.text)]
        count = re.search(r"找到 (\d+) 条", status_text(page))
        scores.append(Score(q, top, int(count.group(1)) if count else 0))
    return scores


def table(scores: list[Score], categories: tuple[str, ...] = CATEGORIES) -> list[dict]:
    rows = []
    for category in (*categories, "合计"):
        mine = [s for s in scores if category == "合计" or s.query.category == category]
        if not mine:
            continue
        own = [s.own for s in mine if s.own is not None]
        rows.append({"category": category, "queries": len(mine),
                     "recall5": sum(s.recall for s in mine) / len(mine),
                     "mrr": sum(s.rr for s in mine) / len(mine),
                     "own5": (sum(own) / len(own)) if own else None})
    return rows


def markdown(rows: list[dict]) -> str:
    lines = ["| 类别 | 查询数 | recall@5 | MRR | 本页进前 5 |", "| --- | --- | --- | --- | --- |"]
    for r in rows:
        own = "—" if r["own5"] is None else f"{r['own5']:.1%}"
        lines.append(f"| {r['category']} | {r['queries']} | {r['recall5']:.1%} | {r['mrr']:.3f} | {own} |")
    return "\n".join(lines)


def misses(scores: list[Score]) -> list[str]:
    return [f"{s.query.category} {s.query.text!r}: recall {s.recall:.2f}, 真值 {len(s.query.truth)} 页"
            f"{'' if s.own in (None, True) else '，本页不在前 5'}，前 5 {s.top[:5]}"
            for s in scores if s.recall < 1 or s.own is False]


def main(argv: list[str]) -> int:
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--nginx", action="store_true", help="serve with nginx and the deployed config (gzip)")
    parser.add_argument("--per-category", type=int, default=None, help="sample at most N queries per category")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--misses", action="store_true", help="list every query below full recall")
    parser.add_argument("--json", type=Path, help="also write the scores here, with every query's results")
    parser.add_argument("--prefix", default="", help="serve the site below this path (e.g. renda: /renda/)")
    parser.add_argument("--readers", action="store_true",
                        help="also the hand-written reader queries (written for the demo: what its pages say)")
    parser.add_argument("--readers-only", action="store_true", help="only the hand-written reader queries")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from local_serve import nginx_server, static_server
    pages = indexed_pages(args.site)
    queries = [] if args.readers_only else generate(args.site, pages, args.per_category, args.seed)
    readers = reader_queries(pages) if args.readers or args.readers_only else []
    server = nginx_server(args.site.resolve()) if args.nginx else static_server(args.site, args.prefix)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with server as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(base)
        scores = run(page, queries, urlparse(base).path.rstrip("/"))
        reader_scores = run(page, readers, urlparse(base).path.rstrip("/"))
        browser.close()
    rows = table(scores) if scores else []
    reader_rows = table(reader_scores, READER_FORMS) if reader_scores else []
    print(f"{len(pages)} 个已索引页面，{len(queries)} 个生成的查询，{len(readers)} 个读者写法查询")
    if rows:
        print(markdown(rows))
    if reader_rows:
        print("\n读者写法（bench/reader_queries.tsv）\n" + markdown(reader_rows).replace("| 类别 |", "| 写法 |"))
    if args.misses:
        print("\n".join(misses(scores + reader_scores)))
    if args.json:
        every = [{"category": s.query.category, "query": s.query.text, "found": s.found, "top": s.top,
                  "recall5": s.recall} for s in scores + reader_scores]
        args.json.write_text(json.dumps({"rows": rows, "reader_rows": reader_rows, "queries": every,
                                         "misses": misses(scores + reader_scores)}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
