"""Atom feeds: one per article column, one for 公报 issues, one for 任免名单, one for 常委会会议, one for the
replies to deputies' suggestions. Each is parsed as XML and
checked against what RFC 4287 requires; every entry link must lead to a page of the built site."""
from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

import yaml

from support import urls
from support.project import ROOT, demo_site_url, local_url, output_path
from support.sitecrawl import links_of, target_file

from renda_site import generate
from renda_site.address import Address
from renda_site.outputs import FEED_LENGTH, Entry, Feed
from renda_site.publish.feeds import FeedWriter
from renda_site.publish.output import write_pages

NS = {"a": "http://www.w3.org/2005/Atom"}
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$")


def feed_paths(demo) -> list[str]:
    return [urls.feed(c.id) for c in demo.site.info.columns] + [urls.feed("gongbao"), urls.feed("renmian"),
                                                                 urls.feed(urls.HUIYI_BASE),
                                                                urls.feed(urls.REPLIES_BASE)]


def one(element: ET.Element, name: str) -> ET.Element:
    found = element.findall(f"a:{name}", NS)
    assert len(found) == 1, f"exactly one atom:{name} expected, found {len(found)}"
    return found[0]


def check_atom(data: bytes) -> ET.Element:
    """The rules of RFC 4287 that a reader relies on; returns the parsed feed."""
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for element in [root, *root.findall("a:entry", NS)]:
        identity = one(element, "id").text or ""
        assert urlsplit(identity).scheme in ("tag", "https", "http"), identity     # an absolute IRI
        assert (one(element, "title").text or "").strip()
        updated = one(element, "updated").text or ""
        assert RFC3339.match(updated), updated
        datetime.datetime.fromisoformat(updated)
        alternates = [link for link in element.findall("a:link", NS) if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1 and alternates[0].get("href")
    assert root.findall("a:author/a:name", NS), "a feed-level author covers every entry"
    ids = [e.text for e in root.iter("{http://www.w3.org/2005/Atom}id")]
    assert len(ids) == len(set(ids)), "ids must be unique"
    return root


def test_every_feed_is_valid_atom_and_its_links_resolve(built, demo):
    paths = feed_paths(demo)
    assert len(paths) == len(demo.site.info.columns) + 4 == len(list(built.site.rglob("feed.xml")))
    entries = 0
    for path in paths:
        feed_file = built.site / path
        root = check_atom(feed_file.read_bytes())
        links = [(link.get("rel"), local_url(link.get("href"), "/")) for link in root.findall("a:link", NS)]
        assert ("self", "/" + path if demo_site_url() else "feed.xml") in links
        updated = [e.findtext("a:updated", namespaces=NS) for e in root.findall("a:entry", NS)]
        assert updated == sorted(updated, reverse=True) and len(updated) <= FEED_LENGTH
        assert updated and root.findtext("a:updated", namespaces=NS) == updated[0]
        for entry in root.findall("a:entry", NS):
            href = local_url(entry.find("a:link", NS).get("href"), "/")
            assert target_file(built.site, feed_file, href).is_file(), (path, href)
            entries += 1
    print(f"\n{len(paths)} feeds, {entries} entries: all parsed, all entry links resolve")


def test_feeds_hold_the_newest_records(built, demo):
    site = demo.site
    for column in site.info.columns:
        root = ET.fromstring((built.site / urls.feed(column.id)).read_bytes())
        titles = [e.findtext("a:title", namespaces=NS) for e in root.findall("a:entry", NS)]
        assert titles == [a.meta.title for a in site.articles_by_column[column.id][:FEED_LENGTH]]
    root = ET.fromstring((built.site / urls.feed("renmian")).read_bytes())
    assert [e.findtext("a:title", namespaces=NS) for e in root.findall("a:entry", NS)] == \
        [a.title for a in site.appointments[:FEED_LENGTH]]
    summary = root.find("a:entry/a:summary", NS).text
    assert all(entry.name in summary for entry in site.appointments[0].entries)
    root = ET.fromstring((built.site / urls.feed("gongbao")).read_bytes())
    first = root.find("a:entry", NS)
    assert site.bulletin_title(site.bulletins[0]) in first.findtext("a:title", namespaces=NS)
    assert all(item.title in first.findtext("a:summary", namespaces=NS) for item in site.bulletins[0].items)


def front_matter(markdown: str) -> dict:
    assert markdown.startswith("---\n"), markdown[:80]
    return yaml.safe_load(markdown.split("---\n", 2)[1])


def test_listing_pages_announce_their_feed(built, demo):
    """Front matter `feed`/`feed_title` (the theme's <link rel="alternate">) and a visible link."""
    feeds = {f.path: ET.fromstring(f.data) for f in demo.files if f.path.endswith("feed.xml")}
    listings = {urls.listing(c.id, 1): urls.feed(c.id) for c in demo.site.info.columns}
    listings |= {urls.BULLETINS: urls.feed("gongbao"), urls.APPOINTMENTS: urls.feed("renmian"),
                 urls.bulletin_year(demo.site.bulletins[0].year): urls.feed("gongbao"),
                 urls.listing("dongtai", 2): urls.feed("dongtai")}
    pages = {p.uri: p for p in demo.pages}
    for uri, feed in listings.items():
        meta = front_matter(pages[uri].markdown)
        assert meta["feed"] == feed
        assert meta["feed_title"] == feeds[feed].findtext("a:title", namespaces=NS)
        page = built.site / output_path(uri)
        visible = [url for tag, url in links_of(page.read_text(encoding="utf-8")) if tag == "a"
                   and target_file(built.site, page, url) == built.site / feed]
        assert visible, f"{uri} has no visible link to {feed}"
        assert "订阅本栏目" in page.read_text(encoding="utf-8")


def test_site_url_makes_ids_and_links_absolute():
    result = generate(ROOT, site_url="https://example.gov.cn/renda/")
    feed = next(f for f in result.files if f.path == urls.feed("dongtai"))
    root = check_atom(feed.data)
    assert root.findtext("a:id", namespaces=NS) == "https://example.gov.cn/renda/dongtai/"
    hrefs = [link.get("href") for link in root.iter("{http://www.w3.org/2005/Atom}link")]
    assert hrefs and all(h.startswith("https://example.gov.cn/renda/dongtai/") for h in hrefs), hrefs
    assert ("self", "https://example.gov.cn/renda/dongtai/feed.xml") in \
        [(link.get("rel"), link.get("href")) for link in root.findall("a:link", NS)]
    flat = generate(ROOT, directory_urls=False)
    root = ET.fromstring(next(f for f in flat.files if f.path == urls.feed("dongtai")).data)
    assert root.find("a:entry/a:link", NS).get("href").endswith(".html")


def test_ids_without_site_url_are_stable_tag_uris(demo):
    again = generate(ROOT)
    assert [(f.path, f.data) for f in again.files] == [(f.path, f.data) for f in demo.files]
    root = ET.fromstring(next(f for f in demo.files if f.path == urls.feed("renmian")).data)
    assert root.findtext("a:entry/a:id", namespaces=NS).startswith("tag:renda-site.invalid,2026:")


def test_hostile_text_is_escaped(demo):
    nasty = 'A&B <script>alert("x")</script> ]]> \x0b\x1f 完'
    feed = Feed("x/feed.xml", "x/index.md", nasty, nasty, nasty,
                [Entry("x/a.md", nasty, datetime.date(2024, 3, 1), nasty)])
    root = check_atom(FeedWriter(nasty, Address()).render(feed))
    cleaned = 'A&B <script>alert("x")</script> ]]>  完'
    assert root.findtext("a:title", namespaces=NS) == cleaned
    assert root.findtext("a:entry/a:summary", namespaces=NS) == cleaned
    assert root.findtext("a:author/a:name", namespaces=NS) == cleaned
    assert not root.findall(".//script")


def test_generated_files_are_written_and_stale_ones_removed(tmp_path, demo):
    stats = write_pages(demo.pages, tmp_path, demo.files)
    assert stats.written == len(demo.pages) + len(demo.files)
    for file in demo.files:
        assert (tmp_path / file.path).read_bytes() == file.data
    (tmp_path / "dongtai" / "old.xml").write_text("<x/>")
    (tmp_path / "notes.txt").write_text("kept: not a kind the generator makes")
    again = write_pages(demo.pages, tmp_path, demo.files)
    assert (again.written, again.removed) == (0, 1)
    assert not (tmp_path / "dongtai" / "old.xml").exists() and (tmp_path / "notes.txt").exists()


def test_cli_generate_writes_files_too(tmp_path, demo):
    from renda_site.__main__ import main
    assert main(["--root", str(ROOT), "generate", "--out", str(tmp_path)]) == 0
    for file in demo.files:
        assert (tmp_path / file.path).read_bytes() == file.data


def test_a_feed_reader_resolves_every_entry(built, demo):
    """feedparser fetches each feed over HTTP, as a reader would: no parse error (bozo), every date read,
    relative links resolved against the feed's own address to pages that the server returns."""
    import urllib.request

    import feedparser

    from support.browser import static_server
    with static_server(built.site, prefix="renda") as base:
        for path in feed_paths(demo):
            parsed = feedparser.parse(base + path)
            assert not parsed.bozo, (path, parsed.get("bozo_exception"))
            assert parsed.version == "atom10" and parsed.feed.title and parsed.feed.updated_parsed
            assert local_url(parsed.feed.link, base) == base + path.rsplit("/", 1)[0] + "/"
            assert parsed.entries
            for entry in parsed.entries:
                link = local_url(entry.link, base)
                assert link.startswith(base) and entry.updated_parsed and entry.id
                with urllib.request.urlopen(link) as response:
                    assert response.status == 200 and entry.title in response.read().decode("utf-8")


def test_addresses_follow_mkdocs_urls():
    """The same URLs MkDocs gives pages, with and without use_directory_urls."""
    from mkdocs.structure.files import File
    for directory_urls in (True, False):
        address = Address(None, directory_urls)
        for uri in ("index.md", "dongtai/index.md", urls.deputy("d0001"), "gongbao/2024/3.md", "dongtai/page-2.md"):
            assert address.page(uri) == File(uri, "docs", "site", directory_urls).url, (uri, directory_urls)
    assert Address("https://example.gov.cn/renda").absolute(Address().page("index.md")) == "https://example.gov.cn/renda/"


class AlternateLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (tag == "link" and "alternate" in (attrs.get("rel") or "").split()
                and attrs.get("type") == "application/atom+xml"):
            self.found.append(attrs)


def test_theme_announces_the_feed_in_head(built, demo):
    """End to end: the generator's front matter `feed` becomes, through the theme (overrides/), a
    <link rel="alternate" type="application/atom+xml"> in each listing page's <head>."""
    for uri, feed in {urls.listing("dongtai", 1): urls.feed("dongtai"), urls.listing("dongtai",
                                                                                     2): urls.feed("dongtai"),
                      urls.BULLETINS: urls.feed("gongbao"), urls.APPOINTMENTS: urls.feed("renmian")}.items():
        parser = AlternateLinks()
        parser.feed(built.html(uri))
        page = built.site / output_path(uri)
        assert [target_file(built.site, page, a["href"]) for a in parser.found] == [built.site / feed], uri
        title = ET.fromstring((built.site / feed).read_bytes()).findtext("a:title", namespaces=NS)
        assert parser.found[0].get("title") == title
