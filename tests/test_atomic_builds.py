"""Atomic builds (issue 16, class 6): whatever stops a build — a front-matter typo, a template that
fails while pages are being written, a --strict warning found at the very end, the process killed
halfway (SIGKILL), a full disk — the published folder keeps the previous complete site, byte for byte;
and the next good build publishes a complete new one (a folder left by a killed build is cleared).
The same holds for deploy/site_build.py and the offline zip, which run the same build."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support.project import ROOT, copy_project, mkdocs_build

ART = "docs/dongtai/2017-04-26-changweihui-di3ci-huiyi.md"


def digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def compare(a: Path, b: Path) -> str:
    """bench/compare_sites.py's report, printed for the record."""
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "compare_sites.py"), str(a), str(b)],
                            capture_output=True, text=True)
    return result.stdout.strip()


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if ".building-" in p.name)


@pytest.fixture(scope="module")
def previous(built, tmp_path_factory):
    """A good build, kept aside: each test starts from a copy of it as the published site."""
    return built.site


@pytest.fixture
def project_and_site(previous, tmp_path):
    project = copy_project(tmp_path / "p")
    site = tmp_path / "out" / "site"
    shutil.copytree(previous, site)
    return project, site


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_unchanged(site: Path, before: dict, result_text: str) -> None:
    assert digest(site) == before, result_text[-3000:]
    assert leftovers(site) == [], leftovers(site)


def test_template_typo_is_caught_by_check_and_the_site_stays(project_and_site, capsys):
    project, site = project_and_site
    before = digest(site)
    edit(project, ART, "title: 县十七届人大常委会举行第三次会议",
         "title: 县十七届人大常委会举行第三次会议\ntemplate: meiyou.html")
    line = (project / ART).read_text(encoding="utf-8").splitlines().index("template: meiyou.html") + 1
    from renda_site.__main__ import main
    assert main(["--root", str(project), "check"]) == 1
    out = capsys.readouterr().out
    assert f"{ART}:{line} 错误 字段 template：页面模板「meiyou.html」不存在" in out, out
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert_unchanged(site, before, result.stdout + result.stderr)


def break_a_template(project) -> None:
    """A template that exists (so check passes) but fails while rendering one page."""
    (project / "overrides" / "broken.html").write_text('{% extends "main.html" %}'
                                                       '{% block content %}{{ page.meta.no_such.field }}{% endblock %}',
                                                       encoding="utf-8")
    edit(project, "docs/zhidu/2021-04-29-beian-shencha-banfa.md", "\n---\n", "\ntemplate: broken.html\n---\n")


def test_a_template_failing_halfway_through_leaves_the_previous_site(project_and_site):
    """A template that exists (so check passes) but fails while rendering, after other pages were written."""
    project, site = project_and_site
    before = digest(site)
    break_a_template(project)
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert "网站生成未完成，已发布的网站" in result.stderr, result.stderr[-2000:]
    assert_unchanged(site, before, result.stdout + result.stderr)


def test_a_strict_warning_at_the_end_leaves_the_previous_site(project_and_site):
    project, site = project_and_site
    before = digest(site)
    # A link into the generated pages: check cannot know them all, MkDocs finds it at the very end.
    edit(project, ART, "\n---\n", "\n---\n\n见[另一位代表](../daibiao/d9999.md)。\n")
    result = mkdocs_build(project, site)
    assert result.returncode != 0 and "strict mode" in result.stdout + result.stderr
    assert_unchanged(site, before, result.stdout + result.stderr)


def test_a_dirty_build_failing_halfway_leaves_the_previous_site(project_and_site):
    """`mkdocs build --dirty` rewrites only what changed, in a copy of the published site."""
    project, site = project_and_site
    before = digest(site)
    break_a_template(project)
    result = mkdocs_build(project, site, "--dirty")
    assert result.returncode != 0
    assert_unchanged(site, before, result.stdout + result.stderr)


def test_a_good_build_replaces_the_site_completely(project_and_site):
    project, site = project_and_site
    edit(project, ART, "title: 县十七届人大常委会举行第三次会议", "title: 县十七届人大常委会举行第三次会议（修订）")
    (site / "stale-file.html").write_text("old", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-2000:]
    assert not (site / "stale-file.html").exists()
    article = site / "dongtai" / "2017-04-26-changweihui-di3ci-huiyi" / "index.html"
    assert "（修订）" in article.read_text(encoding="utf-8")
    assert leftovers(site) == []


def test_a_build_killed_halfway_leaves_the_previous_site(project_and_site):
    project, site = project_and_site
    before = digest(site)
    edit(project, ART, "title: 县十七届人大常委会举行第三次会议", "title: 被中断的构建")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=project,
                               env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stage = site.parent / f".site.building-{process.pid}"
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if stage.is_dir() and sum(1 for _ in stage.rglob("index.html")) >= 20:
                break
            time.sleep(0.005)
        assert process.poll() is None, "the build ended before it could be killed halfway"
        pages = sum(1 for _ in stage.rglob("index.html"))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    print(f"\n[killed] after {pages} pages were written to the staging folder; {compare(site, previous)}")
    assert digest(site) == before
    assert leftovers(site) == [stage.name]              # what the kill left, beside the site
    result = mkdocs_build(project, site)                # the next build clears it and publishes
    assert result.returncode == 0, result.stderr[-2000:]
    assert leftovers(site) == []
    article = site / "dongtai" / "2017-04-26-changweihui-di3ci-huiyi" / "index.html"
    assert "被中断的构建" in article.read_text(encoding="utf-8")


@pytest.fixture
def small_disk(tmp_path, previous):
    """A tmpfs just large enough for the published site and a third of a second build (root only);
    elsewhere the same failure is simulated: a hook makes a page write fail with ENOSPC."""
    mount = tmp_path / "disk"
    mount.mkdir()
    size = sum(p.stat().st_size + 4096 for p in previous.rglob("*") if p.is_file())
    ok = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={int(size * 1.35) // 1024 + 64}k", "tmpfs", str(mount)],
                        capture_output=True).returncode == 0 if os.geteuid() == 0 else False
    yield mount, ok
    if ok:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_leaves_the_previous_site(small_disk, previous, tmp_path):
    mount, real = small_disk
    project = copy_project(tmp_path / "p")
    site = mount / "site"
    shutil.copytree(previous, site)
    before = digest(site)
    if not real:                                        # simulated ENOSPC on the 30th page
        (project / "enospc_hook.py").write_text(
            "import errno\ncount = 0\n\ndef on_post_page(output, page, config):\n    global count\n    count += 1\n"
            "    if count == 30:\n        raise OSError(errno.ENOSPC, 'No space left on device')\n    return output\n",
            encoding="utf-8")
        edit(project, "mkdocs.yml", "  - hooks/mkdocs_hooks.py", "  - hooks/mkdocs_hooks.py\n  - enospc_hook.py")
    result = mkdocs_build(project, site)
    print(f"\n[full disk] {'tmpfs' if real else 'simulated ENOSPC'}: exit {result.returncode}; "
          f"{compare(site, previous)}")
    assert result.returncode != 0
    assert "No space left on device" in result.stdout + result.stderr
    assert_unchanged(site, before, result.stdout + result.stderr)


def test_site_build_and_offline_zip_keep_the_previous_output(tmp_path, previous):
    project = copy_project(tmp_path / "p")
    out = tmp_path / "public"
    shutil.copytree(previous, out)
    before = digest(out)
    edit(project, ART, "title: 县十七届人大常委会举行第三次会议",
         "title: 县十七届人大常委会举行第三次会议\ntemplate: meiyou.html")
    result = subprocess.run([sys.executable, str(ROOT / "deploy" / "site_build.py"), str(out),
                             "--project", str(project)],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "网站生成失败" in result.stderr
    assert digest(out) == before and leftovers(out) == []
    zip_path = tmp_path / "dist" / "renda-offline.zip"
    zip_path.parent.mkdir()
    zip_path.write_bytes(b"previous zip")
    result = subprocess.run([sys.executable, str(ROOT / "deploy" / "offline.py"), "-o", str(zip_path),
                             "--project", str(project)],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "离线版生成失败" in result.stderr
    assert zip_path.read_bytes() == b"previous zip"
    assert [p.name for p in zip_path.parent.iterdir()] == ["renda-offline.zip"]
