"""QR code of a page's address ("扫一扫在手机打开当前页"), drawn at build time as inline SVG.

Pure functions, no MkDocs: the adapter passes the site URL and the page URL in and gets markup back.
No external QR service is ever called (the site must work in mainland China and on intranets).
The symbol is encoded by zxing-cpp (its writer is zint, in C), by ISO/IEC 18004 with the standard's
mask penalty rules: much faster than the pure-Python encoder used before, which a large site waited for
(bench/README.md has the figures). Codes are kept for `mkdocs serve`, whose rebuilds keep this module.
"""
from __future__ import annotations

import re
import threading
from concurrent.futures import Future, ProcessPoolExecutor

import zxingcpp
from markupsafe import Markup, escape

from ..address import public_address
from ..publish.helper import helper_process

CAPTION = "扫一扫在手机打开当前页"
QUIET_ZONE = 4          # modules of white margin the standard asks for around the symbol
_DARK_RUN = re.compile(rb"\x00+")   # zxing-cpp's image: one byte per module, 0 = dark, 255 = light
_DRAWN: dict[str, Markup] = {}      # address -> <svg>, for the life of the process


def qr_modules(url: str) -> list[bytes]:
    """The symbol's rows, one byte per module (0 dark, 255 light), without the quiet zone.

    Error correction M (15 %) survives a slightly blurred phone photo of a screen or a printout.
    """
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    # zxingcpp.Image has the buffer protocol; its type stubs do not say so
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    assert image.shape is not None                # a two-dimensional buffer
    side = image.shape[1]
    data = image.tobytes()
    return [data[start: start + side] for start in range(0, len(data), side)]


def qr_svg(url: str) -> Markup:
    """An inline `<svg>` QR code of `url`, labelled for screen readers, scaled by CSS (no fixed size)."""
    svg = _DRAWN.get(url)
    if svg is None:
        svg = _DRAWN[url] = Markup(_svg(url))
    return svg


def _svg(url: str) -> str:
    rows = qr_modules(url)
    side = len(rows) + 2 * QUIET_ZONE
    # One stroked horizontal line per run of dark modules, 1 unit wide, centred on the row; within a
    # row each run starts relative to the end of the one before (shorter markup on every page).
    path = []
    for y, row in enumerate(rows):
        end = None
        for run in _DARK_RUN.finditer(row):
            start, length = run.start(), run.end() - run.start()
            path.append(f"M{QUIET_ZONE + start} {QUIET_ZONE + y + 0.5}h{length}" if end is None
                        else f"m{start - end} 0h{length}")
            end = run.end()
    label = escape(f"本页网址的二维码：{url}")
    # role="img" + aria-label: screen readers announce one image with its label, not the path.
    return (f'<svg role="img" aria-label="{label}" viewBox="0 0 {side} {side}" class="rd-qr__code">'
            f'<title>{label}</title><path stroke="#000" d="{"".join(path)}"/></svg>')


def _svgs(urls: list[str]) -> list[str]:
    return [_svg(url) for url in urls]


def qr_block(site_url: str | None, page_url: str | None) -> Markup:
    """The figure shown on each page, or empty markup when the site has no `site_url` (the page's
    address is then unknown, and a QR code of a wrong address would be worse than none)."""
    if not site_url or page_url is None:
        return Markup("")
    return _figure(qr_svg(public_address(site_url, page_url)))


def _figure(svg: Markup) -> Markup:
    return Markup('<figure class="rd-qr">{svg}<figcaption>{caption}</figcaption></figure>').format(
        svg=svg, caption=CAPTION)


class QrCodes:
    """The QR blocks of one build's pages, drawn ahead by a second process.

    MkDocs converts every page's Markdown before it renders any template, on one core. The addresses
    are known before that starts, so a worker process draws the codes meanwhile on the other core
    (a noticeable share of a large build's time, that the build then does not
    spend). `block()` gives the same markup as `qr_block`; a code the worker has not drawn (or could
    not: the process died) is drawn in place.
    """

    CHUNK = 500

    def __init__(self, site_url: str | None, page_urls: list[str]):
        self.site_url = site_url
        self._pending: dict[str, tuple[Future, list[str]]] = {}
        self._pool: ProcessPoolExecutor | None = None
        if not site_url:
            return
        todo = [u for u in dict.fromkeys(public_address(site_url, url) for url in page_urls) if u not in _DRAWN]
        # A small site or a preview rebuild is not worth a process; nor is a rebuild outside the main
        # thread (the preview's), where the worker could not be started ignoring Ctrl-C (see below).
        if len(todo) < self.CHUNK or threading.current_thread() is not threading.main_thread():
            return
        self._pool = helper_process()
        if self._pool is None:
            return
        try:
            for start in range(0, len(todo), self.CHUNK):
                chunk = todo[start: start + self.CHUNK]
                future = self._pool.submit(_svgs, chunk)
                self._pending.update((url, (future, chunk)) for url in chunk)
        except (OSError, RuntimeError):
            self.close()                    # the worker is gone: every code is drawn in place
        except BaseException:
            self.close()                                                # the build will not get this object
            raise

    def block(self, page_url: str | None) -> Markup:
        if not self.site_url or page_url is None:
            return Markup("")
        url = public_address(self.site_url, page_url)
        if url not in _DRAWN and url in self._pending:
            future, chunk = self._pending[url]
            try:
                drawn = future.result()
            except Exception:               # the worker is gone: qr_svg below draws it here
                drawn = []
            for done, svg in zip(chunk, drawn, strict=False):
                _DRAWN.setdefault(done, Markup(svg))
                self._pending.pop(done, None)
        return _figure(qr_svg(url))

    def close(self) -> None:
        self._pending.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
