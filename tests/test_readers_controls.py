"""Reader controls in real headless Chromium, used the way a reader uses them: by keyboard.

适老化 (GB/T 37668-2019, MIIT senior-friendly rules): the text-size control works by keyboard, reports
its state (aria-pressed), persists and is applied before the body is parsed; line spacing ≥ 1.3 at every
size; a visible focus ring; every link and button reachable with Tab; a skip link. Print: the chrome is
hidden, text is black, links show their address, and 打印本页 calls the browser's print.
"""
from __future__ import annotations

import pytest

from support import urls
from support.browser import static_server
from support.pagekinds import PAGE_KINDS, url_of
from support.project import ROOT

DESKTOP = {"width": 1280, "height": 900}
ARTICLE = "zhidu/2021-04-29-beian-shencha-banfa/"     # headings, disclosure table, links
LISTING = "dongtai/"                                     # no headings in the body: our own skip link

# Records, before any page script runs, the text size on <html> at the moment <body> is created.
RECORD_SIZE_AT_BODY = """
new MutationObserver((records, observer) => {
  if (document.body) {
    window.__sizeAtBody = document.documentElement.getAttribute('data-rd-size');
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


@pytest.fixture(scope="module")
def base(built):
    with static_server(built.site) as url:
        yield url


@pytest.fixture
def context(chromium):
    context = chromium.new_context(viewport=DESKTOP)
    yield context
    context.close()


FOCUSED = """() => { const e = document.activeElement; const s = getComputedStyle(e);
    return {tag: e.tagName, text: (e.textContent || '').trim().slice(0, 30), size: e.dataset.rdSize || null,
            cls: e.className, outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
            inContent: !!e.closest('.md-content')}; }"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page, predicate, limit: int = 40) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        current = focused(page)
        if predicate(current):
            return current
    raise AssertionError("not reachable by Tab")


def body_metrics(page) -> dict:
    return page.evaluate("""() => { const p = document.querySelector('.md-content .md-typeset p');
        const s = getComputedStyle(p); return {font: parseFloat(s.fontSize), line: parseFloat(s.lineHeight)}; }""")


def test_text_size_by_keyboard_persists_and_applies_before_first_paint(base, context):
    context.add_init_script(RECORD_SIZE_AT_BODY)
    page = context.new_page()
    page.goto(base + ARTICLE)
    normal = body_metrics(page)
    pressed = page.locator("[data-rd-textsize] button[aria-pressed=true]")
    assert page.locator("[data-rd-textsize]").is_visible()
    assert pressed.count() == 1 and pressed.inner_text() == "中"

    tab_to(page, lambda f: f["size"] == "l")
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.getAttribute('data-rd-size')") == "l"
    assert pressed.inner_text() == "大"
    page.keyboard.press("Tab")                                  # 特大, activated with Space
    assert focused(page)["size"] == "xl"
    page.keyboard.press(" ")
    large = body_metrics(page)
    assert pressed.inner_text() == "特大"
    assert large["font"] == pytest.approx(normal["font"] * 1.45, rel=0.02)

    page.goto(base + urls.served(urls.deputy("d0001")))                          # another page: the choice is kept,
    assert page.evaluate("window.__sizeAtBody") == "xl"         # and was on <html> before <body> existed
    assert pressed.inner_text() == "特大"
    tab_to(page, lambda f: f["size"] == "m")
    page.keyboard.press("Enter")
    page.reload()
    assert page.evaluate("window.__sizeAtBody") is None
    assert page.evaluate("localStorage.getItem('rd-text-size')") is None


@pytest.mark.parametrize("size", ["s", "m", "l", "xl"])
def test_line_spacing_is_at_least_1_3(base, context, size):
    context.add_init_script(f"localStorage.setItem('rd-text-size', '{size}')")
    page = context.new_page()
    page.goto(base + ARTICLE)
    metrics = body_metrics(page)
    assert metrics["line"] / metrics["font"] >= 1.3, metrics
    assert metrics["font"] >= 12


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_every_link_and_button_is_reached_by_tab_with_a_visible_focus_ring(built, base, context, kind):
    page = context.new_page()
    page.goto(base + url_of(built, kind))
    targets = page.evaluate("""() => [
        ...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
        .filter(e => e.tabIndex >= 0 && !e.disabled && !e.hidden && e.getClientRects().length > 0
                     && getComputedStyle(e).visibility === 'visible')
        .map((e, i) => { e.dataset.rdProbe = i; return i; })""")
    assert len(targets) > 10
    reached, rings = set(), []
    for _ in range(len(targets) + 30):
        page.keyboard.press("Tab")
        probe, ring = page.evaluate(f"[document.activeElement.dataset.rdProbe, ({FOCUSED})()]")
        if probe is None:
            continue
        if int(probe) in reached:
            break                                               # focus came round again
        reached.add(int(probe))
        rings.append(ring)
    missing = page.evaluate(
        "ids => ids.map(i => document.querySelector(`[data-rd-probe='${i}']`).outerHTML.slice(0, 90))",
        sorted(set(targets) - reached))
    assert not missing, missing
    no_ring = [r for r in rings if r["outline"] == "none" or r["width"] < 2]
    assert not no_ring, no_ring


@pytest.mark.parametrize("url", [LISTING, ARTICLE])
def test_first_tab_is_a_skip_link_to_the_content(base, context, url):
    page = context.new_page()
    page.goto(base + url)
    page.keyboard.press("Tab")
    first = focused(page)
    assert "md-skip" in first["cls"] and first["text"] in ("跳到正文", "跳转至")
    assert page.locator(".md-skip:focus").is_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page)["inContent"], focused(page)


def test_print_hides_the_chrome_and_shows_link_addresses(base, context):
    context.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page = context.new_page()
    page.goto(base + urls.served(urls.deputy("d0001")))
    page.get_by_role("button", name="打印本页").click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.rd-masthead', '.rd-columns', '.rd-crumbs', '.md-footer', '.rd-toolbar']
        .map(s => [s, getComputedStyle(document.querySelector(s)).display])""")
    assert all(display == "none" for _, display in hidden), hidden
    shown = page.evaluate("""() => { const a = document.querySelector('.md-content a[data-rd-url]:not(:is(td, th) a)');
        const cell = document.querySelector('.md-content td a[data-rd-url]');     // not inside table cells
        return {after: getComputedStyle(a, '::after').content, href: a.href,
                inCell: getComputedStyle(cell, '::after').content,
                color: getComputedStyle(document.querySelector('.md-content p')).color}; }""")
    assert shown["href"].startswith(base) and shown["href"] in shown["after"]
    assert shown["inCell"] == "none"
    assert shown["color"] == "rgb(0, 0, 0)"
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    out = ROOT / "test-artifacts" / "print" / "deputy.pdf"          # kept for a look at the print layout
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)


ZOOMED = {"width": 640, "height": 800}      # a 1280 px desktop at 200 % zoom: the phone layout


def test_column_menu_works_by_keyboard_and_hides_its_links_when_closed(base, chromium):
    """Issue 13: Material's drawer is gone; on a narrow screen the column bar is a menu behind a real
    button (aria-expanded), opened with Enter or Space, closed with Escape (focus back on the button)."""
    context = chromium.new_context(viewport=ZOOMED)
    page = context.new_page()
    page.goto(base + LISTING)
    seen = []
    for _ in range(60):                                         # closed menu: no focus off-screen or hidden
        page.keyboard.press("Tab")
        box = page.evaluate("""() => { const e = document.activeElement; const r = e.getBoundingClientRect();
            return [e.tagName, r.left, r.right, !!e.closest('.rd-columns__list'),
                    e.textContent.trim().slice(0, 12)]; }""")
        if box[0] == "BODY":
            break
        seen.append(box)
        assert box[1] >= 0 and box[2] <= ZOOMED["width"], f"focus off-screen: {box}"
        assert not box[3], f"a link of the closed menu took focus: {box}"
    menu = page.get_by_role("button", name="栏目导航")
    assert menu.is_visible() and menu.get_attribute("aria-expanded") == "false"
    assert any(tag == "BUTTON" and text.startswith("栏目导航") for tag, _, _, _, text in seen)   # reached by Tab
    assert not page.locator(".rd-columns__list").is_visible()
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    assert page.locator(".rd-columns__list").is_visible()
    page.keyboard.press("Tab")                                  # the first column, then the next
    inside = page.evaluate("""() => { const e = document.activeElement; const r = e.getBoundingClientRect();
        return {inMenu: !!e.closest('.rd-columns__list'), left: r.left, tag: e.tagName}; }""")
    assert inside["inMenu"] and inside["tag"] == "A" and inside["left"] >= 0, inside
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.rd-columns__list')")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('rd-columns__toggle')")
    page.keyboard.press(" ")                                    # Space opens it too
    assert menu.get_attribute("aria-expanded") == "true"
    page.set_viewport_size(DESKTOP)                             # full layout: the bar itself, no menu button
    assert not menu.is_visible() and page.locator(".rd-columns__list").is_visible()
    context.close()


def test_without_javascript_no_dead_controls_are_shown(base, chromium):
    context = chromium.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    page.goto(base + ARTICLE)
    assert not page.locator("[data-rd-textsize]").is_visible()
    assert not page.get_by_role("button", name="打印本页").is_visible()
    assert not page.locator("[data-rd-contrast-toggle]").is_visible()
    assert not page.locator("[data-rd-date]").is_visible()
    phone = context.new_page()                                  # on a phone the column list stays open
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(base + ARTICLE)
    assert phone.locator(".rd-columns__list").is_visible() and not phone.locator(".rd-columns__toggle").is_visible()
    assert page.locator(".rd-disclosure").is_visible() and page.locator(".rd-qr svg").is_visible()
    context.close()


# Rasterise the QR code's own markup in the browser (8 px a module, white ground) and return the pixels.
RASTERISE_QR = """async (svg) => {
  const image = new Image();
  image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
  await image.decode();
  const side = svg.viewBox.baseVal.width * 8;
  const canvas = Object.assign(document.createElement('canvas'), {width: side, height: side});
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, side, side);
  context.drawImage(image, 0, 0, side, side);
  return {side, pixels: Array.from(context.getImageData(0, 0, side, side).data)};
}"""


@pytest.mark.parametrize("kind",
                         ["home", "article-with-disclosure", "deputy", "full-text-document", "appointment-list"])
def test_the_qr_code_as_drawn_by_the_browser_scans_to_the_page_address(base, context, built, kind):
    """A decoder (zxing-cpp's reader, independent of the writer's path markup) reads the code Chromium
    draws from the page's SVG, and gets the page's public address: what a phone camera would open."""
    import zxingcpp

    from renda_site.address import public_address
    from test_readers_static import site_url

    uri = url_of(built, kind)
    page = context.new_page()
    page.goto(base + uri)
    drawn = page.locator(".rd-qr svg").evaluate(RASTERISE_QR)
    side = drawn["side"]
    red = bytes(drawn["pixels"])[0::4]            # black on white: one channel is the grey level
    image = memoryview(red).cast("B", (side, side))
    found = zxingcpp.read_barcode(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert found is not None, f"no QR code readable on {uri}"
    assert found.text == public_address(site_url(built), uri)
    page.close()
