"""The demo site built by MkDocs with --strict: pages exist, links resolve, listings paginate,
provenance links run both ways, and no record page is in the navigation."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from support import urls
from support.project import output_path
from support.sitecrawl import crawl, links_of, target_file

LEADS = re.compile(r'<ul class="rd-leads">.*?</ul>', re.S)


def hrefs(built, uri: str, skip: re.Pattern | None = None) -> set[str]:
    """Every internal link on a built page, as the output file it points to (relative to site/); with
    `skip`, not those in the parts of the page it matches."""
    page = built.site / output_path(uri)
    text = page.read_text(encoding="utf-8")
    out = set()
    for tag, url in links_of(skip.sub("", text) if skip else text):
        if tag == "a" and not url.startswith(("http:", "https:", "mailto:", "#")):
            out.add(target_file(built.site, page, url).relative_to(built.site).as_posix())
    return out


def test_strict_build_has_no_warnings(built):
    log = built.result.stdout + built.result.stderr
    assert "WARNING" not in log, log
    # A one-off build hands the generated pages to MkDocs in memory; only the preview keeps them on disk.
    assert not (built.project / ".cache" / "generated").exists() and "不写缓存" in log
    print(f"\ndemo build: {built.seconds:.1f} s")


def test_every_record_has_its_page(built, demo):
    site = demo.site
    expected = [urls.deputy(d.id) for d in site.deputies]
    expected += [urls.bulletin(b.year, b.number) for b in site.bulletins]
    expected += [urls.appointment_list(a.id) for a in site.appointments]
    expected += [urls.term(t.id) for t in site.terms]
    expected += [a.src_uri for articles in site.articles_by_column.values() for a in articles]
    missing = [uri for uri in expected if not (built.site / output_path(uri)).is_file()]
    assert not missing
    assert len(expected) >= 120


def test_no_broken_internal_link_or_asset(built):
    report = crawl(built.site)
    assert report.pages > 150 and report.links > 5000
    assert report.broken == [], report.broken[:20]


def test_column_listings_paginate_newest_first(built, demo):
    for column in demo.site.info.columns:
        articles = demo.site.articles_by_column[column.id]
        pages = -(-len(articles) // column.per_page)
        listed = []
        for number in range(1, pages + 1):
            uri = urls.listing(column.id, number)
            html = built.html(uri)
            dates = re.findall(r'<time datetime="([0-9-]+)"', html)
            assert dates == sorted(dates, reverse=True), uri
            assert len(dates) <= column.per_page
            # The links a column leads with (its records' own listings) are not its articles.
            listed += [t for t in hrefs(built, uri, LEADS) if t.startswith(column.id + "/") and "page-" not in t
                       and t != f"{column.id}/index.html" and t != urls.feed(column.id)]
            if number < pages:
                assert output_path(urls.listing(column.id, number + 1)) in hrefs(built, uri)
        assert sorted(listed) == sorted(output_path(a.src_uri) for a in articles), column.id
    assert any(-(-len(demo.site.articles_by_column[c.id]) // c.per_page) > 1 for c in demo.site.info.columns), \
        "the demo must show at least one paginated column"


class PrimaryNavLinks(HTMLParser):
    """The hrefs inside the site's column bar (<nav class="rd-columns">, overrides/partials/rd-columns.html),
    which replaced Material's sidebar tree (issue 13)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and (self.depth or "rd-columns" in (attrs.get("class") or "").split()):
            self.depth += 1
        elif tag == "a" and self.depth and attrs.get("href"):
            self.hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "nav" and self.depth:
            self.depth -= 1


def nav_targets(built, uri: str = "index.md") -> set[str]:
    parser = PrimaryNavLinks()
    parser.feed(built.html(uri))
    page = built.site / output_path(uri)
    return {target_file(built.site, page, url).relative_to(built.site).as_posix()
            for url in parser.hrefs if not url.startswith("#")}


def test_nav_holds_sections_only(built, demo):
    # The nav of a record page and of a listing page is the same bounded list of sections.
    targets = nav_targets(built)
    assert nav_targets(built, urls.deputy("d0001")) == targets
    assert nav_targets(built, urls.listing("dongtai", 2)) == targets
    records = {output_path(urls.deputy(d.id)) for d in demo.site.deputies}
    records |= {output_path(urls.bulletin(b.year, b.number)) for b in demo.site.bulletins}
    records |= {output_path(urls.appointment_list(a.id)) for a in demo.site.appointments}
    records |= {output_path(a.src_uri) for arts in demo.site.articles_by_column.values() for a in arts}
    assert not targets & records
    assert len(targets) <= 25, targets
    for column in demo.site.info.columns:
        assert f"{column.id}/index.html" in targets


def test_appointment_provenance_both_ways(built, demo):
    site = demo.site
    for lst in site.appointments:
        publication = site.publication_of_list[lst.id]
        list_page = output_path(urls.appointment_list(lst.id))
        issue_page = output_path(urls.bulletin(publication.bulletin.year, publication.bulletin.number))
        assert issue_page in hrefs(built, urls.appointment_list(lst.id))
        assert list_page in hrefs(built, urls.bulletin(publication.bulletin.year, publication.bulletin.number))
        for entry in lst.entries:
            if entry.deputy:
                assert output_path(urls.deputy(entry.deputy)) in hrefs(built, urls.appointment_list(lst.id))
                assert list_page in hrefs(built, urls.deputy(entry.deputy))
                assert issue_page in hrefs(built, urls.deputy(entry.deputy))


def test_full_texts_link_back_to_their_bulletin(built, demo):
    for bulletin in demo.site.bulletins:
        issue_uri = urls.bulletin(bulletin.year, bulletin.number)
        for item in bulletin.items:
            if item.page:
                assert output_path(item.page) in hrefs(built, issue_uri)
                assert output_path(issue_uri) in hrefs(built, item.page)


def test_deputy_page_shows_terms_and_former_names(built, demo):
    for deputy in demo.site.deputies:
        html = built.html(urls.deputy(deputy.id))
        assert "<h1" in html and deputy.name in html
        for name in deputy.other_names:
            assert name in html
        for seat in demo.site.seats_by_deputy[deputy.id]:
            assert output_path(urls.term(seat.term.id)) in hrefs(built, urls.deputy(deputy.id))
            if seat.ended_early:
                assert seat.membership.end_reason in html
