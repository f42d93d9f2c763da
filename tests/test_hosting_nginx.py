"""The sample nginx config (deploy/nginx/renda.conf) sends the right types, caching and compression:
HTML revalidates, fingerprinted files are cached for a year, Pagefind's already-gzipped chunks are sent
as they are (never compressed twice), text is gzipped, CSV is UTF-8, hidden files are not served."""
from __future__ import annotations

import gzip
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from support.hosting import get, serve

YEAR = "public, max-age=31536000, immutable"


@pytest.fixture(scope="module")
def served(unset_site, tmp_path_factory):
    """The demo under /renda/ on nginx, with a Pagefind bundle (the real one if the build made it)."""
    site = tmp_path_factory.mktemp("nginx-headers") / "site"
    shutil.copytree(unset_site, site)
    if not (site / "pagefind" / "pagefind-entry.json").is_file():
        _fake_pagefind(site / "pagefind")
    if not (site / "pagefind" / "part-1").is_dir():           # the demo's index has one part only
        _fake_part(site / "pagefind" / "part-1")
    (site / "data").mkdir(exist_ok=True)
    (site / "data" / "daibiao.csv").write_text("编号,姓名\nd0001,周明远\n", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("[core]\n", encoding="utf-8")
    with serve("nginx", site, "renda") as base:
        yield base, site


def _fake_pagefind(folder: Path) -> None:
    """Files named and encoded like Pagefind's (gzip streams of `pagefind_dcd` + payload)."""
    for sub in ("fragment", "index"):
        (folder / sub).mkdir(parents=True)
    packed = gzip.compress(b"pagefind_dcd" + b'{"url":"/","content":"' + "人大".encode() * 400 + b'"}')
    (folder / "fragment" / "zh_0123abc.pf_fragment").write_bytes(packed)
    (folder / "index" / "zh_4567def.pf_index").write_bytes(packed)
    (folder / "pagefind.zh_89abcdef01.pf_meta").write_bytes(packed)
    (folder / "wasm.unknown.pagefind").write_bytes(packed)
    (folder / "pagefind.js").write_text("export const search = () => {};\n" * 40, encoding="utf-8")
    (folder / "pagefind-ui.css").write_text(".pagefind-ui { color: #333; }\n" * 40, encoding="utf-8")
    (folder / "pagefind-entry.json").write_text('{"version":"1.5.2",'
                                                '"languages":{"zh":{"hash":"zh_89abcdef01","wasm":null,"page_count":1}}}',
                                                encoding="utf-8")
    (folder / "parts.json").write_text('{"parts": []}', encoding="utf-8")


def _fake_part(part: Path) -> None:
    """A further part of the index (search_index.py), as a large site has them: pagefind/part-N/."""
    packed = gzip.compress(b"pagefind_dcd" + b'{"url":"/","content":"' + "代表".encode() * 400 + b'"}')
    for sub in ("fragment", "index"):
        (part / sub).mkdir(parents=True)
    (part / "fragment" / "zh_1123abc.pf_fragment").write_bytes(packed)
    (part / "index" / "zh_1567def.pf_index").write_bytes(packed)
    (part / "pagefind.zh_19abcdef01.pf_meta").write_bytes(packed)


def header(headers: dict, name: str) -> str:
    return next((v for k, v in headers.items() if k.lower() == name.lower()), "")


def test_html_is_gzipped_utf8_and_revalidated(served):
    base, _ = served
    status, headers, body = get(base, encoding="gzip")
    assert status == 200
    assert header(headers, "Content-Type") == "text/html; charset=utf-8"
    assert header(headers, "Content-Encoding") == "gzip"
    assert "清溪县人大常委会" in gzip.decompress(body).decode()
    assert header(headers, "Cache-Control") == "no-cache"
    assert "Accept-Encoding" in header(headers, "Vary")
    assert header(headers, "X-Content-Type-Options") == "nosniff"
    etag = header(headers, "ETag")
    assert etag
    request = urllib.request.Request(base, headers={"If-None-Match": etag})
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=10)
    assert answer.value.code == 304        # unchanged pages cost one small round trip


def test_fingerprinted_theme_files_are_cached_for_a_year(served):
    base, site = served
    css = next((site / "assets" / "stylesheets").glob("main.*.min.css")).relative_to(site).as_posix()
    js = next((site / "assets" / "javascripts").glob("bundle.*.min.js")).relative_to(site).as_posix()
    for path, kind in ((css, "text/css"), (js, "application/javascript")):
        status, headers, _ = get(base + path, encoding="gzip")
        assert status == 200 and header(headers, "Cache-Control") == YEAR, path
        assert header(headers, "Content-Type").startswith(kind)
        assert header(headers, "Content-Encoding") == "gzip"
    status, headers, _ = get(base + "assets/css/renda.css")
    assert header(headers, "Cache-Control") == "public, max-age=3600"    # not fingerprinted: one hour
    status, headers, _ = get(base + "assets/favicon.svg")
    assert status == 200 and header(headers, "Content-Type") == "image/svg+xml"


def test_pagefind_chunks_are_sent_as_stored_and_cached_for_a_year(served):
    base, site = served
    folder = site / "pagefind"
    chunks = [next((folder / "fragment").iterdir()), next((folder / "index").iterdir()),
              next(folder.glob("pagefind.*.pf_meta"))]
    part = folder / "part-1"
    chunks += [next((part / "fragment").iterdir()), next((part / "index").iterdir()),
               next(part.glob("pagefind.*.pf_meta"))]
    for chunk in chunks:
        status, headers, body = get(base + chunk.relative_to(site).as_posix(), encoding="gzip")
        assert status == 200
        assert header(headers, "Content-Type") == "application/octet-stream"
        assert header(headers, "Content-Encoding") == ""          # already gzip: not compressed again
        assert body == chunk.read_bytes() and body[:2] == b"\x1f\x8b"
        assert header(headers, "Cache-Control") == YEAR, chunk.name
    wasm = next(folder.glob("wasm.*.pagefind"))
    status, headers, body = get(base + wasm.relative_to(site).as_posix(), encoding="gzip")
    assert header(headers, "Content-Encoding") == "" and header(headers, "Cache-Control") == "public, max-age=300"
    status, headers, _ = get(base + "pagefind/pagefind.js", encoding="gzip")
    assert status == 200 and header(headers, "Content-Encoding") == "gzip"
    assert header(headers, "Cache-Control") == "public, max-age=300"   # not fingerprinted: five minutes
    status, headers, _ = get(base + "pagefind/pagefind-entry.json")
    assert status == 200 and header(headers, "Content-Type").startswith("application/json")
    assert header(headers, "Cache-Control") == "public, max-age=300"


def test_csv_is_utf8_text_and_hidden_files_are_not_served(served):
    base, _ = served
    status, headers, body = get(base + "data/daibiao.csv")
    assert status == 200 and header(headers, "Content-Type") == "text/csv; charset=utf-8"
    assert body.decode("utf-8").startswith("编号,姓名")
    status, _, _ = get(base + ".git/config")
    assert status == 404


def test_folder_without_slash_redirects_relatively(served):
    base, _ = served
    status, headers, _ = get(base.rstrip("/"))
    assert status == 301 and header(headers, "Location") == "/renda/"
    status, headers, _ = get(base + "gaikuang")
    assert status == 301 and header(headers, "Location") == "/renda/gaikuang/"


def test_the_guides_sed_command_renders_the_config_the_tests_use(tmp_path):
    """deploy/README.md tells administrators to fill the placeholders with sed: same result as the tests'."""
    import re
    import subprocess

    from support.nginx_server import render_sample
    from support.project import ROOT
    guide = (ROOT / "deploy" / "README.md").read_text(encoding="utf-8")
    command = re.search(r"^(sed -e .*?)\|\s*sudo tee", guide.replace("\\\n", " "), re.M | re.S).group(1)
    result = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == render_sample("80", Path("/var/www/html"), "/renda")
    assert "__" not in re.sub(r"#.*", "", result.stdout)        # no placeholder left outside comments
    # …and nginx accepts the production rendering (listen 80, /var/www/html, /renda) as it is.
    from support.nginx_server import MAIN_CONF, MIME_TYPES, require_nginx
    nginx = require_nginx()
    (tmp_path / "renda.conf").write_text(result.stdout, encoding="utf-8")
    mime = next(m for m in MIME_TYPES if Path(m).is_file())
    (tmp_path / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp_path, mime=mime, modules=""), encoding="utf-8")
    check = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-e", f"{tmp_path}/error.log", "-c",
                            f"{tmp_path}/nginx.conf"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_optional_brotli_lines_work_when_the_debian_module_is_installed(served):
    """The sample's commented brotli block, switched on: text goes out as br, Pagefind chunks as stored."""
    from support.nginx_server import BROTLI_MODULE, nginx_server, render_sample
    if not Path(BROTLI_MODULE).is_file():
        pytest.skip("libnginx-mod-http-brotli-filter is not installed")
    assert "brotli on;" in render_sample("80", Path("/srv"), "", brotli=True)
    _, site = served
    with nginx_server(site.parent / f"www-{site.name}", "renda", brotli=True) as base:
        status, headers, body = get(base, encoding="br")
        assert status == 200 and header(headers, "Content-Encoding") == "br"
        assert len(body) < len((site / "index.html").read_bytes()) / 3
        chunk = next((site / "pagefind" / "fragment").iterdir())
        status, headers, body = get(base + chunk.relative_to(site).as_posix(), encoding="br, gzip")
        assert header(headers, "Content-Encoding") == "" and body == chunk.read_bytes()


UNPRIVILEGED_RUN = """
import os, sys, tempfile
sys.path.insert(0, {tests!r})
tempfile.tempdir = {tmp!r}
from support.nginx_server import nginx_server
from support.sitecrawl import crawl_http
with nginx_server({site!r}, "") as base:
    report = crawl_http(base)
print(os.geteuid(), report.pages, len(report.broken))
"""


def test_nginx_runs_as_an_unprivileged_user(unset_site):
    """Tests start nginx without root: pid, logs and temp files in their own folder, a high port."""
    import os
    import subprocess
    import sys
    import tempfile

    from support.nginx_server import require_nginx
    if os.geteuid() != 0:
        pytest.skip("already unprivileged: every nginx test in this run shows it")
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("setpriv (util-linux) not found")
    require_nginx()
    as_nobody = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run([*as_nobody, sys.executable, "-c",
                            (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
                             "import support.nginx_server")],
                           capture_output=True, text=True)
    if probe.returncode != 0:     # e.g. a clone under /root: the user "nobody" cannot read the project
        pytest.skip(f"user nobody cannot run this checkout's Python: {probe.stderr.strip()[-200:]}")
    tmp = Path(tempfile.mkdtemp(prefix="renda-unprivileged-"))
    try:
        tmp.chmod(0o1777)
        site = tmp / "site"
        shutil.copytree(unset_site, site)
        for path in [site, *site.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        script = tmp / "run.py"
        script.write_text(UNPRIVILEGED_RUN.format(tests=str(Path(__file__).parent), tmp=str(tmp), site=str(site)))
        result = subprocess.run([*as_nobody, sys.executable, str(script)],
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
        uid, pages, broken = map(int, result.stdout.split())
        assert (uid, broken) == (65534, 0) and pages > 150
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
