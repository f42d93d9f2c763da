"""A link checker for the built site, on disk or over HTTP: every internal reference must resolve.

One crawl algorithm, two sources of bytes:
- `crawl(site)` reads the output folder (fast, used by the build tests), resolving URLs as a static
  server would (a folder URL means its `index.html`). With `directory_urls=False` a link to a folder counts
  as broken, which is how a browser opening the offline edition from file:// behaves.
- `crawl_http(base_url)` fetches from a real server (nginx, http.server), starting at the home page,
  `robots.txt` and `sitemap.xml`, and follows everything it finds.

References followed: href/src/srcset/poster/data in HTML (every tag), `url(...)`/`@import` in CSS (files,
<style> blocks and style attributes), feeds and sitemaps (`<link href>`, `<loc>`), `Sitemap:` lines of
robots.txt, and Pagefind's bundle: `pagefind-entry.json` → per-language `.pf_meta` and wasm → every index
and fragment chunk named in the meta file, plus the JS/CSS files the UI loads.
A reference is "internal" when it points inside the site (same origin and under the site's path);
a reference to the same host but outside the site's sub-path is reported as broken, because on a portal
that mounts the site under `/renda/` it would land on someone else's pages.
"""
from __future__ import annotations

import gzip
import hashlib
import html
import json
import posixpath
import re
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

LINK_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}
URL_ATTRS = ("href", "src", "poster", "data", "action", "content")
# Tags whose reference the browser fetches by itself while rendering the page (a resource, not a link).
RESOURCE_TAGS = {"img", "script", "iframe", "frame", "source", "video", "audio", "track", "embed", "object",
                 "input", "image"}
# <link rel=...> values that make the browser fetch the target.
RESOURCE_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "prefetch",
                 "manifest", "mask-icon", "preconnect", "dns-prefetch"}
CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<url>[^'")]+)(?P=q)\s*\)"""
                     r"""|@import\s+(?P<q2>['"])(?P<imp>[^'"]+)(?P=q2)""")
PAGEFIND_UI_FILES = ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json")


@dataclass(frozen=True)
class Ref:
    url: str
    tag: str
    resource: bool     # fetched by the browser while rendering (script, stylesheet, image…), not a hyperlink


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[Ref] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = {key: value for key, value in attrs if value is not None}
        rel = set((attrs.get("rel") or "").lower().split())
        resource = tag in RESOURCE_TAGS or (tag == "link" and bool(rel & RESOURCE_RELS))
        for key in URL_ATTRS:
            value = attrs.get(key)
            if not value or (key == "content" and not _is_refresh(tag, attrs)) or (key == "data" and tag != "object"):
                continue
            if key == "content":                       # <meta http-equiv=refresh content="0; url=…">
                value = value.split("=", 1)[-1].strip() if "=" in value else ""
            if key == "action" and tag != "form":
                continue
            self.refs.append(Ref(value.strip(), tag, resource))
        for key in ("srcset", "imagesrcset"):
            for candidate in (attrs.get(key) or "").split(","):
                if candidate.strip():
                    self.refs.append(Ref(candidate.split()[0], tag, True))
        if attrs.get("style"):
            self.refs += [Ref(url, tag, True) for url in css_urls(attrs["style"])]
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.refs += [Ref(url, "style", True) for url in css_urls(data)]


def _is_refresh(tag: str, attrs: dict) -> bool:
    return tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh"


_PARSED: dict[bytes, tuple[Ref, ...]] = {}


def refs_of(html: str) -> list[Ref]:
    """Every reference in `html`. A page served again (the same build crawled through another server) is
    parsed once: the references are a function of the text alone."""
    key = hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=20).digest()
    refs = _PARSED.get(key)
    if refs is None:
        parser = _Refs()
        parser.feed(html)
        refs = _PARSED[key] = tuple(parser.refs)
    return list(refs)


def links_of(html: str) -> list[tuple[str, str]]:
    """(tag, url) of the classic link attributes only: kept for tests that look at a page's own links."""
    return [(ref.tag, ref.url) for ref in refs_of(html) if LINK_ATTRS.get(ref.tag) and ref.tag != "meta"]


def css_urls(css: str) -> list[str]:
    return [m.group("url") or m.group("imp") for m in CSS_URL.finditer(css)]


def is_internal(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("#")


def is_fetchable(url: str) -> bool:
    """False for in-page anchors and non-HTTP schemes (mailto:, tel:, javascript:, data:)."""
    scheme = urlsplit(url).scheme.lower()
    return bool(url) and not url.startswith("#") and scheme in ("", "http", "https", "file")


def target_file(site: Path, page: Path, url: str) -> Path:
    """The file a relative or root-relative URL on `page` points to."""
    path = unquote(urlsplit(url).path)
    base = "/" + page.relative_to(site).parent.as_posix()
    resolved = posixpath.normpath(posixpath.join(base, path)) if not path.startswith("/") else posixpath.normpath(path)
    if path == "":
        return page
    target = site / resolved.lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


# ---------------------------------------------------------------------------------------------- sources

@dataclass
class Response:
    status: int            # 200, 404… (0: could not connect)
    content_type: str
    body: bytes
    final_url: str


class DiskSource:
    """Serves the output folder the way a static server (or file://) would."""

    def __init__(self, site: Path, base: str = "http://site.invalid/", directory_urls: bool = True):
        self.site, self.base, self.directory_urls = Path(site), base, directory_urls

    def fetch(self, url: str) -> Response:
        rel = unquote(urlsplit(url).path)[len(urlsplit(self.base).path):]
        path = self.site / rel
        if path.is_dir():
            if not self.directory_urls:
                return Response(404, "", b"", url)     # file:// shows a folder listing, not the page
            path = path / "index.html"
            if not url.endswith("/"):
                url += "/"
        if not path.is_file() or ".." in Path(rel).parts:
            return Response(404, "", b"", url)
        return Response(200, _guess_type(path.name), path.read_bytes(), url)


class HttpSource:
    directory_urls = True       # every static server answers `a/` with `a/index.html`

    def __init__(self, base: str, timeout: float = 10):
        self.base, self.timeout = base, timeout

    def fetch(self, url: str) -> Response:
        request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                return Response(reply.status, reply.headers.get_content_type(), reply.read(), reply.geturl())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.headers.get_content_type(), error.read(), url)
        except OSError:
            return Response(0, "", b"", url)


def _guess_type(name: str) -> str:
    import mimetypes
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


# ----------------------------------------------------------------------------------------------- crawl

@dataclass
class CrawlReport:
    pages: int = 0                 # HTML documents parsed
    links: int = 0                 # internal references checked (hyperlinks + resources), every occurrence
    assets: int = 0                # of which resources and machine-readable references (CSS, JS, images, chunks…)
    urls: int = 0                  # distinct internal URLs fetched
    pagefind_files: int = 0        # Pagefind files reached through its entry, meta and UI files
    external_links: int = 0        # hyperlinks to other hosts (allowed, not fetched)
    external_resources: list[tuple[str, str]] = field(default_factory=list)   # (page, url): never allowed
    broken: list[tuple[str, str]] = field(default_factory=list)               # (page, url)

    def summary(self) -> str:
        return (f"pages={self.pages} links+assets checked={self.links} (assets {self.assets}) "
                f"distinct URLs={self.urls} pagefind files={self.pagefind_files} "
                f"external links={self.external_links} external resources={len(self.external_resources)} "
                f"broken={len(self.broken)}")


class Crawler:
    def __init__(self, source, base: str, aliases: tuple[str, ...] = ()):
        self.source, self.base = source, base
        self.aliases = tuple(a for a in aliases if a and a != base)   # e.g. site_url, mapped onto base
        self.report = CrawlReport()
        self.seen: dict[str, Response | None] = {}
        self.queue: deque[str] = deque()

    def inside(self, url: str) -> bool:
        return url.startswith(self.base)

    def canonical(self, url: str) -> str:
        url = urldefrag(url)[0]
        for alias in self.aliases:
            if url.startswith(alias):
                url = self.base + url[len(alias):]
        if getattr(self.source, "directory_urls", True) and url.endswith("/index.html"):
            url = url[:-len("index.html")]      # one file, two names: fetch and parse it once
        return url

    def same_host(self, url: str) -> bool:
        a, b = urlsplit(url), urlsplit(self.base)
        return (a.scheme, a.netloc) == (b.scheme, b.netloc)

    def check(self, page: str, raw: str, resource: bool, parent: str | None = None) -> None:
        """Check one reference found on `page` (resolved against `parent` or the page's URL)."""
        if not is_fetchable(raw):
            return
        url = self.canonical(urljoin(parent or page, raw.strip()))
        if not self.inside(url):
            if self.same_host(url):
                self.report.broken.append((page, raw))        # escapes the sub-path the site is mounted on
            elif resource:
                self.report.external_resources.append((page, raw))
            else:
                self.report.external_links += 1
            return
        self.report.links += 1
        self.report.assets += resource
        if not self.ok(url):
            self.report.broken.append((page, raw))

    def ok(self, url: str) -> bool:
        if url not in self.seen:
            response = self.source.fetch(url)
            self.seen[url] = response if response.status == 200 else None
            if response.status == 200:
                self.report.urls += 1
                self.queue.append(url)
        return self.seen[url] is not None

    def run(self, starts: list[str]) -> CrawlReport:
        for url in starts:
            self.ok(self.canonical(url))
        while self.queue:
            url = self.queue.popleft()
            self.parse(url, self.seen[url])
        return self.report

    def parse(self, url: str, response: Response) -> None:
        final = response.final_url or url
        name = urlsplit(final).path.rsplit("/", 1)[-1]
        kind = response.content_type
        if kind == "text/html" or name.endswith(".html"):
            self.report.pages += 1
            for ref in refs_of(response.body.decode("utf-8", "replace")):
                self.check(final, ref.url, ref.resource)
        elif kind == "text/css" or name.endswith(".css"):
            for ref in css_urls(response.body.decode("utf-8", "replace")):
                self.check(final, ref, True)
        elif name == "robots.txt":
            for line in response.body.decode("utf-8", "replace").splitlines():
                if line.lower().startswith("sitemap:"):
                    self.check(final, line.split(":", 1)[1].strip(), False)
        elif name == "pagefind-entry.json":
            self.pagefind(final, response.body)
        elif name == "parts.json" and "/pagefind/" in final:       # the index's other parts (search_index.py)
            folder = final.rsplit("/", 1)[0] + "/"
            for part in json.loads(response.body)["parts"]:
                self.check(final, folder + part + "pagefind-entry.json", True)
        elif name.endswith((".xml", ".atom", ".rss")) or "xml" in kind:
            text = response.body.decode("utf-8", "replace")
            # Sitemaps (<loc>), RSS (<link>text</link>), Atom and enclosures (href/url attributes).
            for url in re.findall(r"<(?:loc|link)>\s*([^<\s]+)\s*</", text):
                self.check(final, html.unescape(url), False)
            for url in re.findall(r"<(?:link|enclosure|content)\b[^>]*?\b(?:href|url|src)=\"([^\"]+)\"", text):
                self.check(final, html.unescape(url), False)

    def pagefind(self, entry_url: str, body: bytes) -> None:
        """Pagefind's bundle: the files its JS fetches, found the way pagefind.js finds them."""
        folder = entry_url.rsplit("/", 1)[0] + "/"
        self.report.pagefind_files += 1
        part = re.search(r"/pagefind/part-\d+/$", folder) is not None    # scripts and wasm are the first part's
        names = [] if part else [*PAGEFIND_UI_FILES, "parts.json"]
        if not part:
            script = self.seen.get(self.canonical(folder + "pagefind.js")) or self.source.fetch(folder + "pagefind.js")
            if b"pagefind-worker.js" in script.body:          # Pagefind 1.5 searches in a web worker
                names.append("pagefind-worker.js")
        for name in names:
            self.check(entry_url, folder + name, True)
            self.report.pagefind_files += 1
        entry = json.loads(body)
        for language in entry.get("languages", {}).values():
            meta_url = f"{folder}pagefind.{language['hash']}.pf_meta"
            self.check(entry_url, meta_url, True)
            if not part:
                self.check(entry_url, f"{folder}wasm.{language.get('wasm') or 'unknown'}.pagefind", True)
            self.report.pagefind_files += 1 if part else 2
            meta = self.seen.get(self.canonical(meta_url))
            if not meta:
                continue
            prefix = language["hash"].split("_", 1)[0]
            for name in sorted(_cbor_names(_pagefind_bytes(meta.body), prefix) - {language["hash"]}):
                self.chunk(folder, meta_url, name)

    def chunk(self, folder: str, meta_url: str, name: str) -> None:
        """A name in the meta file is an index chunk or a page fragment (or a filter chunk): one must exist.
        A fragment also names the page its search result opens, which must exist too."""
        self.report.pagefind_files += 1
        self.report.links += 1
        self.report.assets += 1
        for url in (f"{folder}index/{name}.pf_index", f"{folder}fragment/{name}.pf_fragment",
                    f"{folder}filter/{name}.pf_filter"):
            response = self.source.fetch(url)
            if response.status == 200:
                if "/fragment/" in url:
                    data = json.loads(_pagefind_bytes(response.body))
                    self.check(url, data["url"].lstrip("/"), False, parent=self.base)
                return
        self.report.broken.append((meta_url, name))


def _pagefind_bytes(raw: bytes) -> bytes:
    """Pagefind's files are gzip streams starting with the signature `pagefind_dcd` once unpacked."""
    data = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    return data[len(b"pagefind_dcd"):] if data.startswith(b"pagefind_dcd") else data


def _cbor_names(data: bytes, prefix: str) -> set[str]:
    """Chunk names (`zh_80764d6`) in Pagefind's CBOR meta file: short text strings, length in the head byte."""
    names = set()
    for match in re.finditer(rb"[\x61-\x77]" + re.escape(prefix.encode()) + rb"_", data):
        length = data[match.start()] - 0x60
        name = data[match.start() + 1:match.start() + 1 + length].decode("ascii", "replace")
        if re.fullmatch(re.escape(prefix) + r"_[0-9a-f]+", name):
            names.add(name)
    return names


def crawl(site: Path, directory_urls: bool = True, site_url: str | None = None) -> CrawlReport:
    """Check every HTML file in the output folder, and everything reachable from them.

    For a build with site_url set, pass it: the files are then checked as if served there."""
    site = Path(site)
    base = "http://site.invalid" + (urlsplit(site_url).path if site_url else "/")
    crawler = Crawler(DiskSource(site, base, directory_urls), base, aliases=(site_url,) if site_url else ())
    pages = [p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))]
    if directory_urls:      # `a/index.html` is the page the site's own links call `a/`: fetch it once
        pages = [p[:-len("index.html")] if p == "index.html" or p.endswith("/index.html") else p for p in pages]
    starts = [base + p for p in pages]
    starts += [base + name for name in ("robots.txt", "sitemap.xml", "pagefind/pagefind-entry.json")
               if (site / name).is_file()]
    return crawler.run(starts)


def crawl_http(base: str, site_url: str | None = None, extra: tuple[str, ...] = ()) -> CrawlReport:
    """Crawl a served site from its home page, robots.txt, sitemap.xml and Pagefind entry.

    `site_url` (when the build set one that differs from where the test serves it) is treated as the
    same site, so canonical links and sitemap entries are checked too."""
    crawler = Crawler(HttpSource(base), base, aliases=(site_url,) if site_url else ())
    if not crawler.ok(base):
        crawler.report.broken.append(("(start)", base))
    # The others are optional (no Pagefind bundle in a build with RENDA_PAGEFIND=0): fetched if present.
    return crawler.run([base + "robots.txt", base + "sitemap.xml", base + "pagefind/pagefind-entry.json", *extra])
