"""The home page (issue 6, point 3): latest news, the latest bulletin issue and appointment list, the
current term's deputy count, and a link to every column, the open data and the term's composition."""
from __future__ import annotations

import html
import re

from support.project import output_path
from support import urls
from test_site_build import hrefs


def test_home_shows_the_latest_of_everything(built, demo):
    site = demo.site
    page = built.html(urls.HOME)
    links = hrefs(built, urls.HOME)
    newest = sorted((a for arts in site.articles_by_column.values() for a in arts),
                    key=lambda a: (a.meta.date, a.src_uri), reverse=True)[:8]
    listed = re.findall(r'<time datetime="([0-9-]+)"', html.unescape(page))
    assert listed == [a.meta.date.isoformat() for a in newest]
    for article in newest:
        assert output_path(article.src_uri) in links
    latest_issue = max(site.bulletins, key=lambda b: b.date)
    latest_list = max(site.appointments, key=lambda a: a.date)
    assert output_path(urls.bulletin(latest_issue.year, latest_issue.number)) in links
    assert output_path(urls.appointment_list(latest_list.id)) in links
    term = max(site.terms, key=lambda t: t.start)
    serving = sum(1 for d in site.deputies for m in d.memberships if m.term == term.id and m.end is None)
    assert f"现有代表 {serving} 名" in page


def test_home_links_every_column_and_section(built, demo):
    links = hrefs(built, urls.HOME)
    wanted = [urls.listing(c.id, 1) for c in demo.site.info.columns]
    wanted += [urls.BULLETINS, urls.DEPUTIES, urls.APPOINTMENTS, urls.OPEN_DATA, urls.ABOUT,
               urls.composition(demo.site.current_term.id)]
    missing = [uri for uri in wanted if output_path(uri) not in links]
    assert not missing
