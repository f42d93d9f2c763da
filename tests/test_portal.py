"""The portal frame (issue 13) in real headless Chromium, on one page of every kind (tests/pagekinds.py):
masthead, column bar with the page's column marked, breadcrumb, TOC only where it helps, record tables,
text size that enlarges every text (tables, chart labels, column bar, search, breadcrumb, footer),
no sideways scrolling on a phone at any size, the search panel beside (never over) its input, the
Beijing date line, high contrast, print, metadata for inspection tools, no Material logo or sidebar.

The static side (escaping of every value, crumbs/layout/style front matter) is tests/test_portal_static.py.
"""
from __future__ import annotations

import re

import pytest

from support import urls
from support.browser import static_server
from support.pagekinds import PAGE_KINDS, url_of
from support.search import header_search

from test_readers_static import read_config

DESKTOP = {"width": 1280, "height": 900}
LAPTOP = {"width": 1024, "height": 768}
PHONE = {"width": 390, "height": 844}
SIZES = ["s", "m", "l", "xl"]

# The column each page kind belongs to, written out (not computed the way the template computes it).
EXPECTED_COLUMN = {
    "home": "首页",
    "section-index": "人大概况",
    "column-page-1": "人大动态",
    "column-page-2": "人大动态",
    "article-with-disclosure": "制度建设",
    "bulletin-archive": "常委会公报",
    "bulletin-year": "常委会公报",
    "bulletin-issue": "常委会公报",
    "full-text-document": "常委会公报",
    "appointment-list": "人事任免",
    "person-index": "人事任免",
    "deputy-index": "代表风采",
    "term-roster": "代表风采",
    "deputy": "代表风采",
    "404": None,                     # no column: not inside any nav entry
    "site-map": None,
    "composition": "代表风采",
    "suggestion-listing": "代表建议",
    "suggestion": "代表建议",
    "suggestion-summary": "建议办理",
    "handling-unit": "建议办理",
    "meeting": "常委会会议",
    "meetings-of-term": "常委会会议",
    "station": "代表工作",
    "stations": "代表工作",
}
# Kinds that are the column's own page: aria-current="page" there, "true" on the pages inside.
COLUMN_OWN_PAGE = {"home", "section-index", "column-page-1", "bulletin-archive", "deputy-index", "meetings-of-term"}
ARTICLE = "zhidu/2021-04-29-beian-shencha-banfa/"


@pytest.fixture(scope="module")
def base(built):
    with static_server(built.site) as url:
        yield url


def open_page(chromium, base, url, viewport=DESKTOP, size=None, contrast=False, **context_args):
    context = chromium.new_context(viewport=viewport, **context_args)
    script = ""
    if size and size != "m":
        script += f"localStorage.setItem('rd-text-size', '{size}');"
    if contrast:
        script += "localStorage.setItem('rd-contrast', 'high');"
    if script:
        context.add_init_script(script)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(base + url)
    assert response.status == 200, url
    page.wait_for_load_state("load")
    page.errors = errors
    return context, page


def nav_titles(built) -> list[str]:
    return [next(iter(entry)) for entry in read_config(built.project)["nav"]]


COLUMN_BAR = """() => {
  const bar = document.querySelector('nav.rd-columns');
  const items = [...bar.querySelectorAll('.rd-columns__list > li')];
  const links = items.map(li => li.querySelector('a'));
  return {
    label: bar.getAttribute('aria-label'),
    titles: links.map(a => a.textContent.trim()),
    current: links.filter(a => a.hasAttribute('aria-current'))
                  .map(a => [a.textContent.trim(), a.getAttribute('aria-current')]),
    rows: new Set(items.map(li => Math.round(li.getBoundingClientRect().top))).size,
    visible: getComputedStyle(bar.querySelector('.rd-columns__list')).display !== 'none',
    overflow: bar.scrollWidth - bar.clientWidth,
    lineBreaks: links.filter(a => {
      const r = document.createRange(); r.selectNodeContents(a);
      return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1;
    }).length,
  };
}"""


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_column_bar_lists_every_column_and_marks_the_current_one(built, desktop_visits, kind):
    bar = desktop_visits[kind]["bar"]
    assert bar["label"] == "网站栏目"
    assert bar["titles"] == nav_titles(built)
    expected = EXPECTED_COLUMN[kind]
    if expected is None:
        assert bar["current"] == []
    else:
        assert bar["current"] == [[expected, "page" if kind in COLUMN_OWN_PAGE else "true"]], bar["current"]
    # the demo's 16 columns take two even rows at 1280 px (one row needs about 1,230 px of bar)
    assert bar["rows"] <= 2 and bar["overflow"] <= 0 and bar["lineBreaks"] == 0, bar


@pytest.mark.parametrize("viewport, size, max_rows", [
    (DESKTOP, "m", 2), (LAPTOP, "m", 2), (DESKTOP, "l", 2), (DESKTOP, "xl", 2), (LAPTOP, "xl", 3),
])
def test_column_bar_fits_in_few_rows_without_scrolling(built, base, chromium, viewport, size, max_rows):
    context, page = open_page(chromium, base, url_of(built, "deputy"), viewport, size)
    try:
        bar = page.evaluate(COLUMN_BAR)
    finally:
        context.close()
    assert bar["visible"] and bar["rows"] <= max_rows, bar
    assert bar["overflow"] <= 0 and bar["lineBreaks"] == 0, bar         # no entry broken inside, no sideways scroll


BREADCRUMB = """() => {
  const nav = document.querySelector('nav[aria-label="当前位置"]');
  if (!nav) return null;
  const items = [...nav.querySelectorAll('ol > li')];
  return {visibleText: nav.innerText.replace(/\\s+/g, ''),
          separators: items.slice(1).map(li => getComputedStyle(li, '::before').content),
          items: items.map(li => li.textContent.trim()),
          links: items.map(li => !!li.querySelector('a[href]')),
          current: items.map(li => li.getAttribute('aria-current')),
          h1: (document.querySelector('.md-content h1') || {}).textContent};
}"""


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_breadcrumb_on_every_page_but_home(desktop_visits, kind):
    crumbs = desktop_visits[kind]["crumbs"]
    if kind == "home":
        assert crumbs is None
        return
    assert crumbs is not None, "no breadcrumb"
    assert crumbs["visibleText"].startswith("当前位置：首页")
    assert all(sep.startswith('">"') for sep in crumbs["separators"]), crumbs["separators"]   # 首页 > 栏目 > 本页
    assert crumbs["items"][0] == "首页" and crumbs["links"][0]
    assert crumbs["current"][-1] == "page" and not crumbs["links"][-1]
    assert crumbs["current"][:-1] == [None] * (len(crumbs["items"]) - 1)
    if kind == "404":
        assert crumbs["items"] == ["首页", "页面不存在"]
    else:
        assert crumbs["items"][-1] == crumbs["h1"].strip()
    column = EXPECTED_COLUMN[kind]
    if column and kind not in COLUMN_OWN_PAGE:
        assert crumbs["items"][1] == column and crumbs["links"][1]
    elif kind in COLUMN_OWN_PAGE:
        assert crumbs["items"] == ["首页", column]


TABLE_OF_CONTENTS = """() => { const s = document.querySelector('.md-sidebar--secondary');
    return {shown: !!s && getComputedStyle(s).display !== 'none' && s.querySelectorAll('a').length > 0,
            sidebars: document.querySelectorAll('.md-sidebar--secondary').length,
            headings: document.querySelectorAll('.md-content h2, .md-content h3').length}; }"""


@pytest.fixture(scope="module")
def desktop_visits(built, base, chromium) -> dict[str, dict]:
    """Every page kind opened once at 1280 px, in one browser context (nothing on these pages changes the
    reader's stored settings): what the column bar, breadcrumb, table-of-contents and script-error tests
    check, measured in that one visit."""
    visits: dict[str, dict] = {}
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        for kind in PAGE_KINDS:
            errors.clear()
            response = page.goto(base + url_of(built, kind))
            page.wait_for_load_state("load")
            visits[kind] = {"status": response.status, "bar": page.evaluate(COLUMN_BAR),
                            "crumbs": page.evaluate(BREADCRUMB), "toc": page.evaluate(TABLE_OF_CONTENTS),
                            "errors": list(errors)}
    finally:
        context.close()
    return visits


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_every_page_kind_opens(desktop_visits, kind):
    assert desktop_visits[kind]["status"] == 200, kind


@pytest.mark.parametrize("kind", ["home", "deputy", "bulletin-issue", "column-page-1", "composition", "section-index",
                                  "deputy-index", "stations", "article-with-disclosure", "full-text-document"])
def test_no_page_kind_has_a_table_of_contents(desktop_visits, kind):
    """A portal has no 目录 column: not even a page with many headings (the composition page's charts)."""
    toc = desktop_visits[kind]["toc"]
    assert not toc["shown"]
    assert toc["sidebars"] == 0
    if kind == "composition":
        assert toc["headings"] >= 3                                     # it would have had one


LINES_OF_CELLS = """() => [...document.querySelectorAll('.md-content table td, .md-content table th')].map(cell => {
  const r = document.createRange(); r.selectNodeContents(cell);
  const rows = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));
  return [cell.textContent.trim(), rows.size];
})"""


def test_record_table_cells_do_not_wrap_beyond_two_lines_at_1280(built, base, chromium):
    context, page = open_page(chromium, base, url_of(built, "deputy"))
    try:
        cells = page.evaluate(LINES_OF_CELLS)
    finally:
        context.close()
    term = [c for c in cells if re.fullmatch(r"\d{4}年\d+月\d+日至\d{4}年\d+月\d+日", c[0])]
    assert term, "the deputy page lists a term of office"
    short = [c for c in cells if len(c[0]) <= 22]
    assert short and all(lines <= 2 for _, lines in short), [c for c in short if c[1] > 2]
    assert all(lines == 1 for _, lines in term), term


SIZES_JS = """() => {
  const px = (el) => el ? parseFloat(getComputedStyle(el).fontSize) : null;
  const line = (el) => el ? parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize)
                          : null;
  const q = (s) => document.querySelector(s);
  const out = {
    body: px(q('.md-content .md-typeset p, .md-content p')),
    cell: px(q('.md-content table td')),
    bar: px(q('.rd-columns__link')),
    crumbs: px(q('.rd-crumbs__list a')),
    footer: px(q('.rd-footer__text p')),
    search: px(q('#rd-search-input')),
    toolbar: px(q('.rd-toolbar button')),
    lines: {body: line(q('.md-content p')), cell: line(q('.md-content table td')), bar: line(q('.rd-columns__link')),
            crumbs: line(q('.rd-crumbs__list a')), footer: line(q('.rd-footer__text p'))},
  };
  const svg = q('.rd-chart__svg');
  if (svg) {                               // a label's size as drawn: 15 user units times the scale
    const text = svg.querySelector('text');
    out.chart = parseFloat(text.getAttribute('font-size') || svg.getAttribute('font-size')) *
                svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  }
  return out;
}"""


def sizes_at(chromium, base, url, size, viewport=DESKTOP, search=False):
    context, page = open_page(chromium, base, url, viewport, size)
    try:
        found = page.evaluate(SIZES_JS)
        if search:
            header_search(page, "周明远")
            found["results"] = page.evaluate(
                "parseFloat(getComputedStyle(document.querySelector('.rd-search__item')).fontSize)")
        return found
    finally:
        context.close()


def test_every_text_grows_with_the_text_size_control(built, base, chromium):
    deputy = {s: sizes_at(chromium, base, url_of(built, "deputy"), s, search=True) for s in SIZES}
    chart = {s: sizes_at(chromium, base, url_of(built, "composition"), s) for s in SIZES}
    for key in ("body", "cell", "bar", "crumbs", "footer", "search", "toolbar", "results"):
        values = [deputy[s][key] for s in SIZES]
        assert all(a < b for a, b in zip(values, values[1:], strict=False)), (key, values)
        assert values[3] / values[1] == pytest.approx(1.45, rel=0.03), (key, values)      # 特大 = 1.45 × 中
    charts = [chart[s]["chart"] for s in SIZES]
    assert all(a < b for a, b in zip(charts, charts[1:], strict=False)), charts
    assert charts[3] / charts[1] >= 1.3, charts
    assert charts[1] >= 0.85 * chart["m"]["body"], (charts, chart["m"]["body"])   # labels near the text size
    for s in SIZES:                                                        # line spacing ≥ 1.5 everywhere
        low = {k: v for k, v in deputy[s]["lines"].items() if v is not None and v < 1.5}
        assert not low, (s, low)


OVERFLOW = """() => ({scroll: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    client: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect();
             return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1) && getComputedStyle(e).position !== 'fixed'
                    && !e.closest('.md-typeset__scrollwrap, .rd-search__panel[hidden], .md-skip'); })
           .slice(0, 3).map(e => e.className || e.tagName),
    name: (() => { const n = document.querySelector('.rd-brand__name'); return [n.scrollWidth, n.clientWidth,
                    getComputedStyle(n).textOverflow]; })(),
    size: document.documentElement.getAttribute('data-rd-size')})"""


@pytest.fixture(scope="module")
def phone_widths(built, base, chromium) -> dict[tuple[str, str], dict]:
    """Every page kind at 390 px at every text size, each kind loaded once. It is loaded as a reader who
    chose 特大 has it (the size stored, applied by rd-early.js before the first paint); the other sizes
    are then set the way that script sets them, on <html>: the stylesheet does the rest, no script lays
    anything out by the size."""
    found: dict[tuple[str, str], dict] = {}
    stored = SIZES[-1]
    context, page = open_page(chromium, base, "", PHONE, stored)
    try:
        for kind in PAGE_KINDS:
            response = page.goto(base + url_of(built, kind))
            page.wait_for_load_state("load")
            found[kind, stored] = {"status": response.status, **page.evaluate(OVERFLOW)}
            for size in SIZES[:-1]:
                page.evaluate("""size => size === 'm' ? document.documentElement.removeAttribute('data-rd-size')
                                   : document.documentElement.setAttribute('data-rd-size', size)""", size)
                found[kind, size] = {"status": response.status, **page.evaluate(OVERFLOW)}
    finally:
        context.close()
    return found


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_no_horizontal_overflow_on_a_phone_at_any_text_size(phone_widths, kind, size):
    found = phone_widths[kind, size]
    assert found["status"] == 200, found
    assert found["size"] == (None if size == "m" else size), found             # the size asked for is the size shown
    assert found["scroll"] <= found["client"] == PHONE["width"], found
    assert not found["wide"], found
    scroll_width, client_width, overflow = found["name"]                     # the site name is never cut off
    assert scroll_width <= client_width and overflow != "ellipsis", found


@pytest.mark.parametrize("viewport, size", [(DESKTOP, "m"), (LAPTOP, "xl"), (PHONE, "m"), (PHONE, "xl")])
def test_search_panel_does_not_cover_the_input_and_close_stays_visible(built, base, chromium, viewport, size):
    context, page = open_page(chromium, base, "dongtai/", viewport, size)
    try:
        header_search(page, "人大代表")                # many results: a long panel
        boxes = page.evaluate("""() => {
            const box = (s) => { const r = document.querySelector(s).getBoundingClientRect();
                                 return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
            const input = document.querySelector('#rd-search-input'); const r = input.getBoundingClientRect();
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return {input: box('#rd-search-input'), panel: box('.rd-search__panel'), close: box('.rd-search__close'),
                    inputOnTop: hit === input, value: input.value,
                    items: document.querySelectorAll('.rd-search__item').length};
        }""")
        page.locator(".rd-search__panel").evaluate("p => p.scrollTop = p.scrollHeight / 2")   # scrolled results
        close_after_scroll = page.locator(".rd-search__close").bounding_box()
        still_visible = page.locator(".rd-search__close").is_visible()
    finally:
        context.close()
    assert boxes["items"] > 3 and boxes["value"] == "人大代表"
    assert boxes["inputOnTop"], boxes                                      # the reader sees what was typed
    assert boxes["panel"]["top"] >= boxes["input"]["bottom"] - 0.5, boxes     # the panel opens below the box
    close = boxes["close"]
    assert 0 <= close["top"] and close["bottom"] <= viewport["height"], boxes    # 关闭 on screen
    assert 0 <= close["left"] and close["right"] <= viewport["width"], boxes
    assert still_visible and close_after_scroll["y"] + close_after_scroll["height"] <= viewport["height"]


def test_date_line_is_the_beijing_date(built, base, chromium):
    # 16:30 UTC on 30 November is 00:30 on Tuesday 1 December in Beijing; the reader's PC is in New York.
    context = chromium.new_context(viewport=DESKTOP, timezone_id="America/New_York")
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-30T16:30:00Z")
    page.goto(base)
    text = page.locator("[data-rd-date]").inner_text()
    context.close()
    assert text == "今天是2026年12月1日 星期二"


def test_masthead_identity_and_no_material_logo_or_sidebar(built, base, chromium):
    masthead = read_config(built.project)["extra"]["masthead"]
    context, page = open_page(chromium, base, "dongtai/")
    try:
        found = page.evaluate("""() => ({
            emblem: (document.querySelector('.rd-brand__emblem') || {}).src || null,
            emblemAlt: (document.querySelector('.rd-brand__emblem') || {}).alt,
            name: document.querySelector('.rd-brand__name').textContent.trim(),
            nameSize: parseFloat(getComputedStyle(document.querySelector('.rd-brand__name')).fontSize),
            bodySize: parseFloat(getComputedStyle(document.querySelector('.md-content p')).fontSize),
            body: document.querySelector('.rd-brand__body').textContent.trim(),
            links: [...document.querySelectorAll('.rd-links a')].map(a => [a.textContent.trim(), a.href]),
            logo: document.querySelectorAll('.md-logo, .md-header__button.md-logo, [data-md-component=logo]').length,
            sidebarTree: document.querySelectorAll('.md-nav--primary, .md-sidebar--primary').length,
            favicon: document.querySelector('link[rel=icon]').href,
            html: document.documentElement.outerHTML})""")
    finally:
        context.close()
    assert found["emblem"].endswith("/" + masthead["emblem"]) and found["emblemAlt"]
    assert found["name"] == read_config(built.project)["site_name"] and found["nameSize"] >= 1.8 * found["bodySize"]
    assert found["body"] == masthead["body"]
    assert [title for title, _ in found["links"]] == [link["title"] for link in masthead["links"]]
    assert found["logo"] == 0 and found["sidebarTree"] == 0
    library_icon = "M12 8a3 3 0 0 0 3-3 3 3 0 0 0-3-3"                         # Material's default book logo
    assert library_icon not in found["html"]
    assert found["favicon"].endswith("/assets/favicon.svg")
    assert library_icon not in (built.site / "assets" / "favicon.svg").read_text(encoding="utf-8")


def test_column_page_has_no_sidebar_tree_but_a_section_keeps_its_sub_menu(built, base, chromium):
    context, page = open_page(chromium, base, "gaikuang/jianjie/")
    try:
        sub = page.evaluate("""() => [...document.querySelectorAll('nav.rd-submenu a')].map(a =>
            [a.pathname, a.getAttribute('aria-current')])""")
        page.goto(base + "dongtai/")
        other = page.locator("nav.rd-submenu, .md-sidebar--primary, .md-nav--primary").count()
    finally:
        context.close()
    assert len(sub) == 5 and [c for _, c in sub].count("page") == 1
    assert [path for path, c in sub if c == "page"] == ["/gaikuang/jianjie/"]
    assert other == 0


def test_high_contrast_by_keyboard_persists_and_passes_axe(built, base, chromium):
    from axe_playwright_python.sync_playwright import Axe
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(base + ARTICLE)
    button = page.get_by_role("button", name="高对比度")
    assert button.get_attribute("aria-pressed") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.getAttribute('data-rd-contrast')") == "high"
    assert button.get_attribute("aria-pressed") == "true"
    colours = page.evaluate("""() => [getComputedStyle(document.querySelector('.md-content p')).color,
        getComputedStyle(document.body).backgroundColor]""")
    assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    failing = {}
    for kind in ("home", "article-with-disclosure", "deputy", "composition", "full-text-document"):
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            page.goto(base + url_of(built, kind))                         # kept across pages
            assert page.evaluate("document.documentElement.getAttribute('data-rd-contrast')") == "high"
            violations = Axe().run(page).response["violations"]
            bad = [f"{v['id']}: {v['nodes'][0]['target']}" for v in violations
                   if v["impact"] in ("serious", "critical")]
            if bad:
                failing[f"{kind}-{viewport['width']}"] = bad
    page.get_by_role("button", name="高对比度").click()                   # and off again
    page.reload()
    assert page.evaluate("document.documentElement.getAttribute('data-rd-contrast')") is None
    context.close()
    assert not failing, failing


def test_print_has_site_name_and_address_on_top_and_no_lone_qr_page(built, base, chromium):
    context, page = open_page(chromium, base, url_of(built, "deputy"))
    try:
        page.emulate_media(media="print")
        found = page.evaluate("""() => {
            const head = document.querySelector('.rd-print-head'); const qr = document.querySelector('.rd-pagetools');
            const h1 = document.querySelector('.md-content h1');
            return {head: getComputedStyle(head).display, text: head.innerText,
                    headTop: head.getBoundingClientRect().top, qrTop: qr.getBoundingClientRect().top,
                    qrBottom: qr.getBoundingClientRect().bottom, h1Top: h1.getBoundingClientRect().top,
                    cellAfter: getComputedStyle(document.querySelector('.md-content td a'), '::after').content}; }""")
        pdf = page.pdf(format="A4")
        page.emulate_media(media="screen")
        page.set_viewport_size(PHONE)
        qr_on_phone = page.locator(".rd-pagetools").is_visible()
    finally:
        context.close()
    assert found["head"] == "block" and "清溪县人大常委会" in found["text"]
    assert "https://www.qxrd.example/" + urls.served(urls.deputy("d0001")) in found["text"]
    assert found["headTop"] < found["h1Top"]
    assert found["qrTop"] <= found["headTop"] + 5 and found["qrBottom"] < found["h1Top"] + 200   # beside the header
    assert found["cellAfter"] == "none"                                    # no addresses inside table cells
    assert pdf.startswith(b"%PDF")
    assert not qr_on_phone


def test_footer_links_and_pages(built, base, chromium):
    context, page = open_page(chromium, base, urls.served(urls.deputy("d0001")))
    try:
        links = page.evaluate("""() => [...document.querySelectorAll('.rd-footer__links a')].map(a =>
            [a.textContent.trim(), a.href])""")
        opened = {}
        for title, href in links:
            if href.startswith("http"):
                page.goto(href)
                opened[title] = page.locator(".md-content h1").first.inner_text()
        slot = page.locator(".rd-footer__dzjg").count()
    finally:
        context.close()
    assert [t for t, _ in links] == ["联系我们", "网站声明", "网站纠错", "网站地图"]
    assert dict(links)["网站纠错"].startswith("mailto:")
    assert opened == {"联系我们": "联系我们", "网站声明": "网站声明", "网站地图": "网站地图"}
    assert slot == 0                                           # no 党政机关网站标识 unless configured


def test_phone_tables_scroll_in_their_own_box_with_readable_columns(built, base, chromium):
    """A table on a phone stays a table (no tall stack of cards): it scrolls sideways inside its own box,
    its columns wide enough for words (no caption or cell broken a character a line), the page does not."""
    context, page = open_page(chromium, base, url_of(built, "deputy"), PHONE, "xl")
    try:
        found = page.evaluate("""() => { const t = document.querySelector('.md-content table:not([class])');
            const td = t.querySelector('tbody td:last-child');
            const box = t.closest('.md-typeset__table') || t.parentElement;
            const em = parseFloat(getComputedStyle(td).fontSize);
            return {display: getComputedStyle(td).display, label: getComputedStyle(td, '::before').content,
                    cell: td.getBoundingClientRect().width / em, scrolls: getComputedStyle(box).overflowX,
                    page: document.documentElement.scrollWidth}; }""")
    finally:
        context.close()
    assert found["display"] == "table-cell" and found["label"] in ("none", "normal"), found
    assert found["cell"] >= 4 and found["scrolls"] in ("auto", "scroll"), found
    assert found["page"] <= PHONE["width"], found


def test_no_script_errors_on_any_page_kind(desktop_visits):
    errors = {kind: visit["errors"] for kind, visit in desktop_visits.items() if visit["errors"]}
    assert not errors, errors


SCREENSHOT_PAGES = {
    "home": "", "column-listing": "dongtai/", "news-article": "dongtai/2024-02-27-changweihui-di16ci-huiyi/",
    "full-text-decision": "gongbao/wenjian/2024/xiugai-yishi-guize-jueding/",
    "deputy": urls.served(urls.deputy("d0001")),
    "bulletin-issue": "gongbao/2024/2/", "appointment-list": "renmian/18-19/", "person-index": "renmian/renyuan/",
    "search-results": "dongtai/",
}


@pytest.mark.parametrize("size", ["m", "xl"])
@pytest.mark.parametrize("viewport", [DESKTOP, LAPTOP, PHONE], ids=["1280", "1024", "390"])
def test_portal_screenshots_are_kept(built, base, chromium, viewport, size):
    """The issue's screenshot set (CI keeps test-artifacts/ as artifacts): each page kind at three widths
    and at the default and the largest text size; search results with a query typed."""
    from support.project import ROOT
    out = ROOT / "test-artifacts" / "screenshots" / "portal"
    out.mkdir(parents=True, exist_ok=True)
    context, page = open_page(chromium, base, "", viewport, size)
    try:
        for name, url in SCREENSHOT_PAGES.items():
            page.goto(base + url)
            page.wait_for_load_state("load")
            if name == "search-results":
                header_search(page, "人大代表")
            path = out / f"{name}-{viewport['width']}-{size}.png"
            page.screenshot(path=str(path), full_page=name != "search-results")
            assert path.stat().st_size > 20_000, path
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], name
    finally:
        context.close()
