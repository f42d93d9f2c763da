"""The new record pages in real headless Chromium: the suggestion listing filtered by status, unit,
category and deputy with the mouse and the keyboard (and the whole list without JavaScript); chains
walked by following links — deputy → suggestion → unit → reply, meeting → agenda item → document →
bulletin → back to the meeting, appointment list ↔ meeting; the header search finds a suggestion by
「第41号」, by its title's words and by its unit."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from support import urls
from support.search import header_search

import test_search_browser
from test_search_browser import PREFIX

# The built demo served under /renda/: test_search_browser's module-scoped fixture, made this module's too
# (an assignment, so that the tests' `served` arguments do not read as redefining an import).
served = test_search_browser.served

LISTING = "jianyi/18-4/"


@pytest.fixture()
def page(chromium, served):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert not page.errors, page.errors
    context.close()


def shown(page) -> list[str]:
    """The numbers of the suggestions the listing shows now."""
    return page.eval_on_selector_all("#rd-suggestions > li:not([hidden]) > a",
                                     "els => els.filter(a => a.offsetParent !== null).map(a => a.getAttribute('href'))")


def expected(demo, session: str, **wanted) -> list[str]:
    items = demo.catalog.index("suggestions").by_session[session]
    codes = {c: f"k{i + 1}" for i, c in enumerate(demo.catalog.index("suggestions").categories)}
    keep = [s for s in items if (not wanted.get("status") or s.status == wanted["status"])
            and (not wanted.get("unit") or wanted["unit"] in s.units)
            and (not wanted.get("category") or codes[s.category] == wanted["category"])
            and (not wanted.get("deputy") or wanted["deputy"] in s.deputies)]
    return [f"{s.number}/" for s in keep]


def test_listing_filters_by_status_unit_category_and_deputy(page, served, demo):
    page.goto(served + LISTING)
    assert page.locator("form.rd-filter").is_visible()
    everything = expected(demo, "18-4")
    assert shown(page) == everything and page.inner_text(".rd-filter__count") == f"共 {len(everything)} 件建议"
    page.select_option('select[data-filter="status"]', "dafu")
    assert shown(page) == expected(demo, "18-4", status="dafu") and 0 < len(shown(page)) < len(everything)
    assert page.inner_text(".rd-filter__count") == f"符合条件的建议 {len(shown(page))} 件（共 {len(everything)} 件）"
    page.click('button[type="reset"]')
    page.wait_for_function("document.querySelectorAll('#rd-suggestions > li[hidden]').length === 0")
    page.select_option('select[data-filter="unit"]', "caizheng")
    page.select_option('select[data-filter="category"]', "k2")
    assert shown(page) == expected(demo, "18-4", unit="caizheng", category="k2") != []
    query = parse_qs(urlparse(page.url).query)
    assert query == {"danwei": ["caizheng"], "leibie": ["k2"]}       # the filter is in the address, to share
    page.click('button[type="reset"]')
    deputy = demo.catalog.index("suggestions").by_session["18-4"][0].cosigners[0]
    page.select_option('select[data-filter="deputy"]', deputy)
    assert shown(page) == expected(demo, "18-4", deputy=deputy) != []
    page.select_option('select[data-filter="status"]', "dafu")
    page.select_option('select[data-filter="unit"]', "gongdian")
    if not shown(page):
        assert page.locator(".rd-filter__empty").is_visible()


def test_a_shared_address_opens_the_filtered_listing(page, served, demo):
    page.goto(served + LISTING + "?danwei=jiaoyu")
    assert page.locator('select[data-filter="unit"]').input_value() == "jiaoyu"
    assert shown(page) == expected(demo, "18-4", unit="jiaoyu") != []


def test_listing_filters_with_the_keyboard_alone(page, served, demo):
    page.goto(served + LISTING)
    page.focus("body")
    for _ in range(60):                      # Tab from the top of the page to the first filter
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('data-filter')") == "status":
            break
    assert page.evaluate("document.activeElement.getAttribute('data-filter')") == "status"
    page.keyboard.press("ArrowDown")         # a closed <select> changes its value with the arrow keys
    value = page.evaluate("document.activeElement.value")
    assert value and shown(page) == expected(demo, "18-4", status=value)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-filter')") == "unit"
    labels = page.eval_on_selector_all("form.rd-filter label", "els => els.map(l => l.firstChild.textContent.trim())")
    assert labels == ["办理状态", "承办单位", "类别", "代表"]


def test_without_javascript_the_listing_is_the_whole_plain_list(chromium, served, demo):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + LISTING)
    assert page.locator("form.rd-filter").is_hidden()
    assert shown(page) == expected(demo, "18-4")
    context.close()


def follow(page, selector: str) -> str:
    """Click the first link matching `selector` and wait for the next page: its path without the prefix."""
    with page.expect_navigation():
        page.locator(selector).first.click()
    return urlparse(page.url).path.removeprefix(f"/{PREFIX}/")


def test_deputy_to_suggestion_to_unit_to_reply(page, served, demo):
    s = demo.catalog.get("suggestions", "18-3-41")                 # answered by a page of its own
    page.goto(served + urls.served(urls.deputy(s.lead)))
    assert follow(page, 'article a[href$="jianyi/18-3/41/"]') == "jianyi/18-3/41/"
    assert follow(page, f'article a[href$="banli/danwei/{s.lead_unit}/"]') == f"banli/danwei/{s.lead_unit}/"
    assert follow(page, 'article a[href$="jianyi/18-3/41/"]') == "jianyi/18-3/41/"
    reply = s.replies[0].page[:-3] + "/"
    assert follow(page, f'article a[href$="{reply}"]') == reply
    assert "第41号建议" in page.inner_text(".rd-provenance")
    assert follow(page, '.rd-provenance a[href$="jianyi/18-3/41/"]') == "jianyi/18-3/41/"


def test_meeting_to_document_to_bulletin_and_back(page, served, demo):
    page.goto(served + "huiyi/18-17/")
    document = "gongbao/wenjian/2024/daibiao-lianluozhan-jianshe-jueding/"
    assert follow(page, f'.rd-agenda a[href$="{document}"]') == document
    assert "表决通过" in page.inner_text(".rd-provenance")
    with page.expect_navigation():
        page.locator(".rd-provenance a", has_text="2024年第2期").click()
    assert urlparse(page.url).path == f"/{PREFIX}/gongbao/2024/2/"
    assert follow(page, 'article a[href$="huiyi/18-17/"]') == "huiyi/18-17/"
    assert follow(page, f'.rd-agenda a[href$="{document}"]') == document
    assert follow(page, '.rd-provenance a[href$="huiyi/18-17/"]') == "huiyi/18-17/"


def test_appointment_list_and_meeting_both_ways(page, served):
    page.goto(served + "renmian/18-19/")
    assert follow(page, 'article a[href$="huiyi/18-19/"]') == "huiyi/18-19/"
    assert follow(page, '.rd-agenda a[href$="renmian/18-19/"]') == "renmian/18-19/"


@pytest.fixture()
def search_page(page, served):
    page.goto(served + "dongtai/")
    return page


def test_search_finds_a_suggestion_by_number_title_and_unit(search_page, demo):
    page = search_page
    s = demo.catalog.get("suggestions", "18-3-41")
    own = f"/{PREFIX}/jianyi/18-3/41/"
    assert own in header_search(page, "第41号")[:5]
    assert own in header_search(page, "课后服务覆盖面")[:5]
    unit = demo.catalog.get("units", s.lead_unit)
    assert header_search(page, unit.name)[0] == f"/{PREFIX}/banli/danwei/{unit.id}/"      # the unit's own page first
    led: dict[str, list] = {}
    for x in demo.catalog.records("suggestions"):
        led.setdefault(x.lead_unit, []).append(f"/{PREFIX}/jianyi/{x.session}/{x.number}/")
    few = min(led, key=lambda u: (len(led[u]), u))                        # a unit with one or two suggestions
    found = header_search(page, demo.catalog.get("units", few).name)
    assert found[0] == f"/{PREFIX}/banli/danwei/{few}/" and set(led[few]) <= set(found[:10]), (few, found)
