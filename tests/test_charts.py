"""Composition of each term: SVG charts drawn at build time, each named for assistive technology, with a
data table beside it whose figures are recounted here from the data."""
from __future__ import annotations

import datetime
import html
import re
import xml.etree.ElementTree as ET
from collections import Counter

from support import urls
from support.browser import static_server
from support.project import output_path

from renda_site.kinds.deputies import age_at, age_band
from renda_site.outputs import Bar
from renda_site.render.charts import BAR_COLOUR, bar_chart
from test_site_build import hrefs, nav_targets

SVG = "{http://www.w3.org/2000/svg}"
CHART = re.compile(r'<div class="rd-chart" id="(chart-[a-z]+)">(.*?)</table>', re.S)


def charts_of(page_html: str) -> dict[str, tuple[ET.Element, list[tuple[str, int]]]]:
    """chart id -> (parsed <svg>, [(label, count)] from its table body)."""
    out = {}
    for chart_id, block in CHART.findall(page_html):
        svg = ET.fromstring(re.search(r"<svg.*?</svg>", block, re.S).group(0))
        body = re.search(r"<tbody>(.*?)</tbody>", block, re.S).group(1)
        rows = [(html.unescape(label), int(count))
                for label, count in re.findall(r'<th scope="row">(.*?)</th><td>(\d+)</td>', body)]
        out[chart_id] = (svg, rows)
    return out


def expected_counts(demo, term) -> dict[str, Counter]:
    """Recounted straight from the deputies' memberships: those of the term that did not end early."""
    pairs = [(d, m) for d in demo.site.deputies for m in d.memberships if m.term == term.id and m.end is None]
    group_name = {g.id: g.name for g in demo.site.group_by_id.values()}
    return {
        "chart-gender": Counter(d.gender for d, _ in pairs),
        "chart-ethnicity": Counter(d.ethnicity or "未填写" for d, _ in pairs),
        "chart-party": Counter(d.party or "未填写" for d, _ in pairs),
        "chart-age": Counter(age_band(d.birth, term.start) for d, _ in pairs),
        "chart-group": Counter(group_name[m.group] if m.group else "未编入代表团" for _, m in pairs),
    }


def test_each_term_has_five_accessible_charts_matching_the_data(built, demo):
    for term in demo.site.terms:
        page = built.html(urls.composition(term.id))
        charts = charts_of(page)
        expected = expected_counts(demo, term)
        assert set(charts) == set(expected), term.name
        serving = sum(expected["chart-gender"].values())
        assert f"{serving} 名" in page
        for chart_id, (svg, rows) in charts.items():
            assert dict(rows) == dict(expected[chart_id]), (term.name, chart_id)
            assert sum(count for _, count in rows) == serving
            assert svg.get("role") == "img" and svg.get("viewBox", "").startswith("0 0 ")
            # Scaled by the stylesheet (no inline styles on pages); test_charts_fit_a_phone checks the result.
            assert "rd-chart__svg" in svg.get("class", "").split() and svg.get("style") is None
            title = svg.find(f"{SVG}title")
            assert title is not None and svg.get("aria-labelledby") == title.get("id") and term.name in title.text
            desc = svg.find(f"{SVG}desc")
            assert svg.get("aria-describedby") == desc.get("id")
            assert all(f"{label} {count} 名" in desc.text for label, count in rows)
            bars = svg.findall(f"{SVG}rect")
            assert len(bars) == len(rows)
            widths = [float(b.get("width")) for b in bars]
            top = max(count for _, count in rows)
            for width, (_, count) in zip(widths, rows, strict=True):
                assert abs(width - widths[[c for _, c in rows].index(top)] * count / top) < 1.0
            labels = [t.text for t in svg.findall(f"{SVG}text")][::2]
            assert labels == [label for label, _ in rows]
        ids = re.findall(r'\bid="([^"]+)"', page)
        assert len(ids) == len(set(ids)), "ids on a page must be unique"


def test_early_leavers_are_counted_separately(built, demo):
    for term in demo.site.terms:
        left = [m for d in demo.site.deputies for m in d.memberships if m.term == term.id and m.end is not None]
        page = built.html(urls.composition(term.id))
        if left:
            assert f"代表职务的代表共 {len(left)} 名" in page
            for reason, count in Counter(m.end_reason for m in left).items():
                assert f"{reason} {count} 名" in page
    assert any(m.end for d in demo.site.deputies for m in d.memberships), "the demo must exercise early ends"


def test_composition_pages_are_linked_and_not_in_nav(built, demo):
    nav = nav_targets(built)
    for term in demo.site.terms:
        target = output_path(urls.composition(term.id))
        assert target in hrefs(built, urls.term(term.id))
        assert target not in nav
    current = output_path(urls.composition(demo.site.current_term.id))
    assert current in hrefs(built, urls.DEPUTIES)
    assert current in hrefs(built, urls.HOME)


def test_age_is_counted_at_term_start():
    start = datetime.date(2021, 12, 28)
    assert age_at("1986-12", start) == 35 and age_at("1987-01", start) == 34
    assert age_at("1986-12-29", start) == 34 and age_at("1986-12-28", start) == 35
    births = ("1986-12", "1985-12", "1976-12", "1975-12", "1966-12", "1965-12", None)
    assert [age_band(b, start) for b in births] == \
        ["35岁及以下", "36至45岁", "36至45岁", "46至55岁", "46至55岁", "56岁及以上", "未填写"]


def test_labels_are_escaped():
    nasty = '<script>alert("x")</script>&amp;'
    block = bar_chart("chart-x", nasty, [Bar(nasty, 3), Bar("乙", 1)], "数据表")
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", block, re.S).group(0))
    assert svg.find(f"{SVG}title").text == nasty
    assert [t.text for t in svg.findall(f"{SVG}text")][0] == nasty
    assert "<script>" not in block and html.escape(nasty) in block


def contrast(foreground: str, background: str = "#ffffff") -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_bar_colour_contrast():
    assert contrast(BAR_COLOUR) >= 4.5        # well above the 3:1 WCAG 1.4.11 asks of graphics


def test_charts_fit_a_phone(built, demo, chromium):
    """At 390×844 the page does not scroll sideways, each chart fits, and its text stays ≥ 12 px."""
    with static_server(built.site) as base:
        page = chromium.new_page(viewport={"width": 390, "height": 844})
        page.goto(base + output_path(urls.composition(demo.site.current_term.id)).removesuffix("index.html"))
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        sizes = page.evaluate("""() => [...document.querySelectorAll('svg.rd-chart__svg')].map(svg => {
            const box = svg.getBoundingClientRect();
            return [box.right, box.width / svg.viewBox.baseVal.width * 15];
        })""")
        page.close()
    assert len(sizes) == 5
    for right, font_px in sizes:
        assert right <= 390 and font_px >= 12, (right, font_px)
