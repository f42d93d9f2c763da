"""A page spec is typed; its front matter is written in one order, with only the keys a page was given."""
from __future__ import annotations

import support.project  # noqa: F401  (puts hooks/ on the import path)

from renda_site.outputs import PageSpec, crumb
from renda_site.render.env import front_matter


def test_front_matter_keys_in_order_and_only_those_given():
    spec = PageSpec("a/b.md", "t.md.j2", {}, layout="listing", crumbs=(crumb("上级", "a/index.md"),),
                    feed="a/feed.xml", feed_title="本站 · 动态")
    assert front_matter(spec.front_matter()) == (
        '---\nlayout: "listing"\ncrumbs: [{"title": "上级", "url": "a/index.md"}]\n'
        'feed: "a/feed.xml"\nfeed_title: "本站 · 动态"\n---\n')
    assert PageSpec("a.md", "t.md.j2", {}).front_matter() == {}


def test_no_crumbs_differs_from_an_empty_trail():
    """A record page whose trail is empty still says so (crumbs: []): the theme then shows no levels."""
    assert PageSpec("a.md", "t", {}, layout="record", crumbs=()).front_matter() == {"layout": "record", "crumbs": []}
    assert PageSpec("a.md", "t", {}, layout="record").front_matter() == {"layout": "record"}


def test_a_theme_page_names_its_template_and_hidden_parts():
    spec = PageSpec("ditu.md", "t", {}, title="网站地图", theme_template="rd-ditu.html", hides=("toc",))
    assert spec.front_matter() == {"title": "网站地图", "template": "rd-ditu.html", "hide": ["toc"]}
