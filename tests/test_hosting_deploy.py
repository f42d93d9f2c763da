"""The deployment templates do what their guides say, as far as this machine allows: the build lines of
the GitHub workflow and of .gitlab-ci.yml run verbatim (platform URL substituted) and produce a site that
works under the platform's sub-path, 404 page included; the nginx sample is exercised by the other hosting
tests; the rsync guide's command runs when rsync is installed."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.hosting import serve
from support.project import ROOT
from support.sitecrawl import Crawler, HttpSource, Response, crawl

GITLAB = ROOT / ".gitlab-ci.yml"
GITHUB = ROOT / ".github" / "workflows" / "site.yml"


def runnable_copy(project: Path, dest: Path) -> Path:
    """The project as CI checks it out: with deploy/ and a .venv whose python is the one running the tests."""
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns(".cache", "site"))
    shutil.copytree(ROOT / "deploy", dest / "deploy", ignore=shutil.ignore_patterns("__pycache__"))
    (dest / ".venv" / "bin").mkdir(parents=True)
    wrapper = dest / ".venv" / "bin" / "python"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    # A fork that has not filled in site_url yet (the demo ships a placeholder for its QR codes): the
    # Pages jobs must then take the platform's address. test_site_url_in_mkdocs_yml_wins_… covers the other case.
    config = dest / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    return dest


def run_line(line: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-euo", "pipefail", "-c", line], cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, **env))


def served_crawl(site: Path, prefix: str, site_url: str):
    """Crawl `site` served under /<prefix>/ (site_url's origin mapped onto the test server), 404 included."""
    with serve("nginx", site, prefix) as base:
        crawler = Crawler(HttpSource(base), base, aliases=(site_url,))
        assert crawler.ok(base)
        crawler.run([base + "sitemap.xml", base + "pagefind/pagefind-entry.json"])
        missing = base + "no/such/page/"
        body = HttpSource(base).fetch(missing)
        assert body.status == 404 and "页面不存在" in body.body.decode()
        crawler.parse(missing, Response(200, "text/html", body.body, missing))
        return crawler.run([])


def test_gitlab_pages_job_builds_a_working_site(hosting_project, tmp_path):
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    job = config["pages"]
    assert "public" in job["artifacts"]["paths"]            # GitLab Pages publishes public/
    # the whole test suite, browsers and nginx included; the daily scheduled run (scheduled articles) checks only
    assert job["script"][0] == ('if [ "$CI_PIPELINE_SOURCE" = "schedule" ]; '
                                'then bash dev.sh check; else bash .ci/run; fi')
    assert (ROOT / ".ci" / "run").is_file()
    assert job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    project = runnable_copy(hosting_project, tmp_path / "repo")
    pages_url = "https://qingxi.gitlab.io/renda"            # what GitLab puts in CI_PAGES_URL
    for line in job["script"][1:]:
        result = run_line(line, project, CI_PAGES_URL=pages_url)
        assert result.returncode == 0, line + "\n" + result.stdout + result.stderr
    site = project / "public"
    assert '<link rel="canonical" href="https://qingxi.gitlab.io/renda/gaikuang/jianjie/">' in \
        (site / "gaikuang" / "jianjie" / "index.html").read_text(encoding="utf-8")
    report = served_crawl(site, "renda", pages_url + "/")
    print(f"\n[deploy gitlab /renda/] {report.summary()}")
    assert report.broken == [] and report.pages > 150
    offline = project / "dist" / "renda-offline.zip"
    assert offline.is_file() and offline.stat().st_size > 100_000


def test_both_platforms_build_daily_so_scheduled_articles_appear():
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    triggers = workflow.get("on") or workflow.get(True)          # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] == [{"cron": "10 16 * * *"}]     # 00:10 in Beijing
    assert "schedule" in workflow["jobs"]["deploy"]["if"]
    gitlab = GITLAB.read_text(encoding="utf-8")
    assert "10 0 * * *" in gitlab and "Asia/Shanghai" in gitlab


def test_github_workflow_builds_with_the_pages_url(hosting_project, tmp_path):
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build-and-test"]["steps"]
    build = next(s for s in steps if "site_build.py" in s.get("run", ""))
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    configure = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages"))
    assert configure["id"] == "pages" and "steps.pages.outputs.base_url" in build["run"]
    project = runnable_copy(hosting_project, tmp_path / "repo")
    pages_url = "https://qingxi.github.io/renda"             # configure-pages' base_url: no trailing slash
    line = build["run"].replace("${{ steps.pages.outputs.base_url }}", pages_url)
    result = run_line(line, project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "https://qingxi.github.io/renda/" in result.stdout
    site = project / upload["with"]["path"]
    report = served_crawl(site, "renda", pages_url + "/")
    print(f"\n[deploy github /renda/] {report.summary()}")
    assert report.broken == [] and report.pages > 150
    # Off main, configure-pages does not run: the same line with an empty URL still builds.
    empty = run_line(build["run"].replace("${{ steps.pages.outputs.base_url }}", ""), project)
    assert empty.returncode == 0, empty.stderr
    assert "子路径部署时" in empty.stdout


def test_site_url_in_mkdocs_yml_wins_over_the_platform_url(hosting_project, tmp_path):
    project = runnable_copy(hosting_project, tmp_path / "repo")
    config = project / "mkdocs.yml"
    text = re.sub(r"^site_url:.*$", "", config.read_text(encoding="utf-8"), flags=re.M)
    config.write_text("site_url: https://rd.qingxi.gov.cn/\n" + text, encoding="utf-8")
    result = run_line('.venv/bin/python deploy/site_build.py site --site-url "https://qingxi.github.io/renda"', project)
    assert result.returncode == 0, result.stderr
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://rd.qingxi.gov.cn/">' in home


def test_rsync_command_of_the_guide_publishes_a_working_copy(hosting_project, tmp_path):
    if not shutil.which("rsync"):
        pytest.skip("rsync not installed on this machine")
    guide = (ROOT / "deploy" / "README.md").read_text(encoding="utf-8")
    lines = [line.strip() for line in guide.splitlines() if line.strip().startswith("rsync ")]
    assert len(lines) == 2 and "--delete" in lines[-1]
    project = runnable_copy(hosting_project, tmp_path / "repo")
    assert run_line(".venv/bin/python deploy/site_build.py site", project).returncode == 0
    target = tmp_path / "www" / "renda"
    target.mkdir(parents=True)
    (target / "stale.html").write_text("old", encoding="utf-8")
    for line in lines:
        result = run_line(re.sub(r"\S+:/var/www/html/renda/", str(target) + "/", line), project)
        assert result.returncode == 0, line + result.stderr
    assert not (target / "stale.html").exists()             # --delete removes pages deleted from the site
    report = crawl(target)
    assert report.broken == [] and report.pages > 150
