"""The demo is consistent with itself (issue 25): every session that met has its suggestions; the figures of
代表建议 on the home page, the session's listing and its 办理情况 page are the records' own and agree; a text
published both as an article and as a record page links one to the other; pages that are not news carry no
news date.

The figures are read out of the built HTML and recomputed here from data/ with plain YAML, not through the
generator, so a wrong sum in the generator and a typed figure in a template both fail."""
from __future__ import annotations

import datetime
import html
import posixpath
import re
from pathlib import Path

import pytest
import yaml

from support import urls

NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
REPLY_MONTHS = 3
CONTENTED = {"满意", "基本满意"}


def chinese_number(text: str) -> int:
    """一 … 九十九, as written in 十八届 and 五次."""
    if "十" not in text:
        return NUMERALS[text]
    tens, _, ones = text.partition("十")
    return (NUMERALS[tens] if tens else 1) * 10 + (NUMERALS[ones] if ones else 0)


# 十八届人大五次会议 / 第十八届人民代表大会第五次会议 (not 常务委员会 meetings).
SESSION_MENTION = re.compile(r"([一二三四五六七八九十]+)届人大([一二三四五六七八九十]+)次会议"
                             r"|第([一二三四五六七八九十]+)届人民代表大会第([一二三四五六七八九十]+)次会议")


def visible_text(page: str) -> str:
    page = re.sub(r"<(script|style|template)\b.*?</\1>", " ", page, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def main_content(page: str) -> str:
    """The page's <article> (MkDocs Material's content), without the header, nav and footer."""
    found = re.search(r"<article\b.*?</article>", page, flags=re.DOTALL)
    assert found, "no <article> in the page"
    return found.group(0)


def built_page(site: Path, uri: str) -> Path:
    """site/ file of a docs path: dongtai/x.md -> dongtai/x/index.html, a/index.md -> a/index.html."""
    stem = uri[:-3]
    return site / (stem + ".html" if stem.endswith("index") else stem + "/index.html")


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def suggestions_by_session(project: Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for path in sorted((project / "data" / "suggestions").glob("*/*.yaml")):
        record = load_yaml(path)
        out.setdefault(str(record["session"]), []).append(record)
    return out


def as_date(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))


def months_later(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)


def percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def recomputed(records: list[dict]) -> dict[str, object]:
    """The figures of one session, from the records alone."""
    assigned = [r for r in records if r.get("assigned")]
    replied = [r for r in assigned if r.get("replies")]
    in_time = [r for r in replied if as_date(r["replies"][0]["date"])
               <= months_later(as_date(r["assigned"]), REPLY_MONTHS)]
    asked = [r for r in replied if r["replies"][-1].get("satisfaction")]
    contented = [r for r in asked if r["replies"][-1]["satisfaction"] in CONTENTED]
    return {"total": len(records), "assigned": len(assigned), "replied": len(replied),
            "closed": sum(1 for r in records if r.get("closed")),
            "in_time_rate": percent(len(in_time), len(assigned)),
            "satisfaction_rate": percent(len(contented), len(asked))}


@pytest.fixture(scope="module")
def sessions(built) -> list[dict]:
    return load_yaml(built.project / "data" / "sessions.yaml")


@pytest.fixture(scope="module")
def current_term(built) -> str:
    return str(load_yaml(built.project / "data" / "terms.yaml")[-1]["id"])


def mentioned_sessions(project: Path) -> dict[str, str]:
    """Session id ("18-5") -> the first file whose text says that session met."""
    found: dict[str, str] = {}
    files = sorted((project / "docs").rglob("*.md")) + sorted((project / "data").rglob("*.yaml"))
    for path in files:
        for match in SESSION_MENTION.finditer(path.read_text(encoding="utf-8")):
            term, number = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            found.setdefault(f"{chinese_number(term)}-{chinese_number(number)}", path.relative_to(project).as_posix())
    return found


def test_every_session_that_met_has_its_suggestions(built, sessions, current_term):
    """The site publishes suggestions from the current term on: each of its sessions that met (by
    sessions.yaml or by any article or record that mentions it) has suggestions, and no suggestion
    belongs to a session that is not in sessions.yaml."""
    today = datetime.date.fromisoformat("2026-12-04")
    by_session = suggestions_by_session(built.project)
    known = {str(s["id"]): s for s in sessions}
    met = {sid for sid, s in known.items() if str(s["term"]) == current_term and as_date(s["start"]) <= today}
    mentioned = {sid: where for sid, where in mentioned_sessions(built.project).items()
                 if sid.split("-")[0] == current_term}
    unknown = {sid: where for sid, where in mentioned.items() if sid not in known}
    assert not unknown, f"sessions mentioned but missing from data/sessions.yaml: {unknown}"
    without = sorted((met | set(mentioned)) - set(by_session))
    assert not without, f"sessions that met but have no suggestions in data/suggestions/: {without}"
    strays = sorted(set(by_session) - set(known))
    assert not strays, f"suggestions of sessions that data/sessions.yaml does not have: {strays}"
    for sid in met:
        assert (built.site / "jianyi" / sid / "index.html").is_file(), f"no listing page for session {sid}"


def session_name(record: dict) -> str:
    """十八届人大四次会议, as the pages call a session."""
    term, number = str(record["term"]), int(record["number"])
    digits = "零一二三四五六七八九"

    def spoken(n: int) -> str:
        if n < 10:
            return digits[n]
        return ("" if n // 10 == 1 else digits[n // 10]) + "十" + (digits[n % 10] if n % 10 else "")
    return f"{spoken(int(term))}届人大{spoken(number)}次会议"


def figures_on_home(site: Path) -> tuple[str, dict[str, object]]:
    page = (site / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<p class="rd-block__figures">(.*?)</p>', page[page.index('id="rd-block-jianyi"'):], re.DOTALL)
    assert block, "the home page has no 代表建议 figures"
    text = visible_text(block.group(1))
    found = re.search(r"(\S+?)代表建议共 (\d+) 件，已答复 (\d+) 件，按期答复率 ([\d.]+%|—)，满意率 ([\d.]+%|—)", text)
    assert found, text
    name, total, replied, in_time, satisfied = found.groups()
    return name, {"total": int(total), "replied": int(replied), "in_time_rate": in_time, "satisfaction_rate": satisfied}


def test_figures_on_home_listing_and_summary_agree_with_the_records(built, sessions):
    by_session = suggestions_by_session(built.project)
    names = {session_name(s): str(s["id"]) for s in sessions}
    home_name, home = figures_on_home(built.site)
    assert home_name in names, f"the home page names a session that data/sessions.yaml does not have: {home_name}"
    newest = max((s for s in sessions if str(s["id"]) in by_session), key=lambda s: as_date(s["start"]))
    assert names[home_name] == str(newest["id"]), "the home page shows another session than the newest with suggestions"
    expected = recomputed(by_session[names[home_name]])
    assert home == {k: expected[k] for k in home}, f"home page {home} != records {expected}"

    archive = visible_text((built.site / "jianyi" / "index.html").read_text(encoding="utf-8"))
    for sid, records in by_session.items():
        expected = recomputed(records)
        name = session_name(next(s for s in sessions if str(s["id"]) == sid))
        assert f"{name}代表建议（{expected['total']} 件）" in archive, f"jianyi/ lists {sid} with another count"

        listing = visible_text(main_content((built.site / "jianyi" / sid / "index.html").read_text(encoding="utf-8")))
        found = re.search(r"代表共提出建议 (\d+) 件，已交办 (\d+) 件，已答复 (\d+) 件，已办结 (\d+) 件", listing)
        assert found, f"jianyi/{sid}/ states no figures"
        shown = dict(zip(("total", "assigned", "replied", "closed"), map(int, found.groups()), strict=True))
        assert shown == {k: expected[k] for k in shown}, f"jianyi/{sid}/ {shown} != records {expected}"

        summary = visible_text(main_content((built.site / "banli" / sid / "index.html").read_text(encoding="utf-8")))
        assert f"代表共提出建议 {expected['total']} 件" in summary, f"banli/{sid}/ total"
        for label, key in (("按期答复率", "in_time_rate"), ("满意率", "satisfaction_rate")):
            assert f"{label} {expected[key]}" in summary, f"banli/{sid}/ {label} != {expected[key]}"
        assert f"已办结 {expected['closed']} 件" in summary, f"banli/{sid}/ 已办结"
        rates = set(re.findall(r"满意率 ([\d.]+%)", summary))
        assert rates == {expected["satisfaction_rate"]}, f"banli/{sid}/ shows 满意率 {rates}"


def paragraphs(page: str) -> set[str]:
    """The long paragraphs of a page's content (a duplicate text shares whole paragraphs)."""
    out = set()
    for block in re.findall(r"<(?:p|li)\b[^>]*>(.*?)</(?:p|li)>", main_content(page), flags=re.DOTALL):
        text = re.sub(r"\s+", "", visible_text(block))
        if len(text) >= 60:
            out.add(text)
    return out


def links_of(page: str, uri: str) -> set[str]:
    """Site paths (folder/) that the content of the page at `uri` links to."""
    base = posixpath.dirname(uri.rstrip("/")) if uri.endswith("/") else posixpath.dirname(uri)
    base = uri if uri.endswith("/") else base + "/"
    out = set()
    for href in re.findall(r'href="([^"#?]+)', main_content(page)):
        href = html.unescape(href)
        if re.match(r"[a-z]+:", href):
            continue
        target = posixpath.normpath(posixpath.join(base, href))
        out.add(target.removesuffix("/index.html").removesuffix("index.html").rstrip("/") + "/")
    return out


def site_uri(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return rel.removesuffix("index.html")


def test_a_text_published_as_article_and_as_record_links_them(built, demo):
    """A record's text also published as an article (a suggestion, a reply) is found by whole shared
    paragraphs; then one of the two pages links the other."""
    site = built.site
    record_pages = [p for p in demo.pages if (p.edit_path or "").startswith("data/")
                    and p.edit_path != "data/site.yaml" and not p.uri.endswith("index.md")]
    articles = [p for p in sorted((built.project / "docs").rglob("*.md"))
                if p.parent != built.project / "docs" and p.name != "index.md"]
    article_pages = {}
    for path in articles:
        uri = path.relative_to(built.project / "docs").as_posix()
        page = built_page(site, uri)
        if page.is_file():
            article_pages[site_uri(site, page)] = page.read_text(encoding="utf-8")
    by_paragraph: dict[str, str] = {}
    for url, page in article_pages.items():
        for paragraph in paragraphs(page):
            by_paragraph.setdefault(paragraph, url)
    unlinked, pairs = [], set()
    for record in record_pages:
        page = built_page(site, record.uri)
        text = page.read_text(encoding="utf-8")
        record_url = site_uri(site, page)
        for paragraph in paragraphs(text):
            article_url = by_paragraph.get(paragraph)
            if article_url and (record_url, article_url) not in pairs:
                pairs.add((record_url, article_url))
                if article_url not in links_of(text, record_url) and record_url not in links_of(
                        article_pages[article_url], article_url):
                    unlinked.append(f"{record_url} and {article_url}")
    assert pairs, "no record shares a paragraph with an article: the check found nothing to check"
    assert not unlinked, "published twice without a link between them:\n" + "\n".join(unlinked)


NOT_NEWS = ["gaikuang/", "gaikuang/jianjie/", "gaikuang/jigou/", "gaikuang/lingdao/", "gaikuang/zhize/",
            "daibiao/", "daibiao/jie-18/", urls.served(urls.deputy("d0001")), urls.served(urls.deputy("d0057")),
            "daibiaogongzuo/lianluozhan/", "daibiaogongzuo/lianluozhan/chengguan-renminlu/", "shuju/", "shuju/ziduan/",
            "wangzhan/lianxi/", "wangzhan/shengming/"]


@pytest.mark.parametrize("url", NOT_NEWS)
def test_pages_that_are_not_news_carry_no_news_date(built, url):
    page = (built.site / url / "index.html").read_text(encoding="utf-8")
    content = main_content(page)
    assert 'class="rd-meta"' not in content, f"{url} has the date line of a news article"
    assert "<time" not in content, f"{url} shows a date as news does"
    assert not re.search(r"(发布|更新)(日期|时间)", visible_text(content)), f"{url} states a publication date"


def test_composition_page_carries_no_news_date(built):
    found = sorted(p for p in built.site.glob("daibiao/goucheng-*/index.html"))
    assert found, "no composition page"
    for path in found:
        content = main_content(path.read_text(encoding="utf-8"))
        assert 'class="rd-meta"' not in content and "<time" not in content, path
