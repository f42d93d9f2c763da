"""QR code of a page's address ("扫一扫在手机打开当前页"), drawn at build time as inline SVG.

Pure functions, no MkDocs: the adapter passes the site URL and the page URL in and gets markup back.
No external QR service is ever called (the site must work in mainland China and on intranets).
segno encodes by ISO/IEC 18004 and picks the mask by the standard's penalty rules; that choice is
most of its ~4 ms per page, so results are cached for `mkdocs serve`, whose rebuilds keep this module.
"""
from __future__ import annotations

import functools
from urllib.parse import quote, urljoin

import segno
from markupsafe import Markup, escape

CAPTION = "扫一扫在手机打开当前页"


def page_address(site_url: str, page_url: str) -> str:
    """The absolute address of a page: `site_url` joined with MkDocs' page URL (relative, e.g.
    `daibiao/d0001/`). Non-ASCII characters are percent-encoded so every scanner reads the same URL."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, quote(page_url.lstrip("/"), safe="/%#?=&.-_~"))


@functools.lru_cache(maxsize=None)
def qr_svg(url: str) -> Markup:
    """An inline `<svg>` QR code of `url`, labelled for screen readers, scaled by CSS (no fixed size).

    Error correction M (15 %) survives a slightly blurred phone photo of a screen or a printout.
    """
    code = segno.make(url, error="m", micro=False)
    label = f"本页网址的二维码：{url}"
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="rd-qr__code", lineclass=None,
                          title=label)
    # role="img" + aria-label: screen readers announce one image with its label, not the path.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))


def qr_block(site_url: str | None, page_url: str | None) -> Markup:
    """The figure shown on each page, or empty markup when the site has no `site_url` (the page's
    address is then unknown, and a QR code of a wrong address would be worse than none)."""
    if not site_url or page_url is None:
        return Markup("")
    url = page_address(site_url, page_url)
    return Markup('<figure class="rd-qr">{svg}<figcaption>{caption}</figcaption></figure>').format(
        svg=qr_svg(url), caption=CAPTION)
