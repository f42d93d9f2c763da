"""Writes tests/ATTACKS.md: every attack of issue 16 with the outcome measured now.

    PYTHONPATH=hooks:tests .venv/bin/python tests/make_attacks_table.py > tests/ATTACKS.md

Part 1 runs `check` on a copy of the demo with each attack of tests/support/bad_inputs.py applied and
prints the error it gives (the exit status and the first error naming the file). Part 2 lists the
attacks whose outcome is "harmless in the published site", each with the test that proves it: those
need a build, a browser or a server, so they are run by the test suite, not by this script.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support.bad_inputs import ATTACKS  # noqa: E402
from support.project import HOOKS, copy_project  # noqa: E402

from test_validation import apply, expected_prefix  # noqa: E402

HARMLESS = [
    # (attack, where it was put, outcome in the published site, test)
    ("`</title><script>alert(1)</script>` …", "deputy name, list title, bulletin item, column title",
     "shown as text in <title>, <meta>, breadcrumb, feeds, JSON; no dialog in Chromium", "test_escaping_built.py"),
    ("`<img src=x onerror=alert(2)>` and quotes", "article title, description, source, author",
     "text in <title> and every <meta content>; no event attribute on any page",
     "test_escaping_built.py::test_title_meta_link_and_breadcrumb_show_the_text_as_typed"),
    ("`\"'&amp;&#60;b&#62;{{7*7}}`", "feed_title, disclosure doc_no",
     "attribute values and text exactly as typed (entities not decoded, no template evaluated)",
     "test_escaping_built.py"),
    ("payload in feed_title", "front matter", "<link rel=\"alternate feed\" title> as text; href stays the site's feed",
     "test_escaping_built.py"),
    ("payloads in every text field of every record kind", "data/ and front matter (random, 6 per kind)",
     "no new tag, attribute or link in the page",
     "test_escaping_hypothesis.py::test_payloads_add_no_tag_attribute_or_link"),
    ("44 listed payloads at once, inline and as blocks", "every text field", "no new tag, attribute or link",
     "test_escaping_hypothesis.py::test_every_known_payload_at_once"),
    ("`[点](JaVa\\tScRiPt:alert(1))`", "article body", "not a link in Python-Markdown: shown as text",
     "test_escaping_hypothesis.py (payload list)"),
    ("hostile values in mkdocs.yml extra (masthead, footer links)", "configuration",
     "javascript:/data: links dropped, text escaped", "test_portal_static.py"),
    ("inline <script> planted in a published HTML file", "site folder",
     "blocked by the CSP and reported; 0 violations on 18 page kinds and a search",
     "test_serving_security.py::test_csp_in_chromium_no_violation_on_any_page_kind_search_included"),
    ("Material's two inline scripts", "theme",
     "one moved to assets/js/md-scope.js, one dropped: no inline script on any page",
     "test_serving_security.py::test_no_inline_script_on_any_page"),
    ("GET /.git/config, /.git/x.csv, /.git/logs/HEAD, /.env, /.hidden/, /dongtai/.draft.csv …", "nginx",
     "404, secret not in the body (9 paths)", "test_serving_security.py::test_hidden_files_are_never_served"),
    ("framing the site in another site", "nginx", "frame-ancestors 'self', X-Frame-Options SAMEORIGIN",
     "test_serving_security.py::test_security_headers_on_every_kind_of_response"),
    ("reading Material's source maps", "site", "no .map file, no sourceMappingURL comment",
     "test_serving_security.py::test_no_source_maps_are_published"),
    ("photo with GPS, owner, camera serial, comment, XMP (JPEG, PNG, WebP)", "docs/assets/img",
     "published copies without them, orientation kept; docs/ unchanged", "test_image_metadata.py"),
    ("hidden page `.x.md`", "docs/dongtai", "title on no listing, home block, feed, site map, search index",
     "test_drafts.py::test_nothing_withheld_reaches_the_site"),
    ("`draft: true` (dated or not)", "front matter", "not published; preview shows it marked 草稿", "test_drafts.py"),
    ("article dated a month ahead", "front matter", "not published until that date (Beijing), then everywhere",
     "test_drafts.py::test_the_first_build_on_the_date_publishes_the_scheduled_article"),
    ("UTC runner between 00:00 and 08:00 Beijing time", "CI clock", "today's article published, not held",
     "test_drafts.py::test_today_is_the_date_in_beijing"),
    ("template that fails while pages are being written", "overrides/ + front matter",
     "build fails, previous site byte-identical",
     "test_atomic_builds.py::test_a_template_failing_halfway_through_leaves_the_previous_site"),
    ("broken link found by --strict at the very end", "article body", "build fails, previous site byte-identical",
     "test_atomic_builds.py::test_a_strict_warning_at_the_end_leaves_the_previous_site"),
    ("build killed with SIGKILL halfway", "process",
     "previous site byte-identical; next build clears the leftover and publishes",
     "test_atomic_builds.py::test_a_build_killed_halfway_leaves_the_previous_site"),
    ("disk full during the build", "tmpfs (or simulated ENOSPC)", "build fails, previous site byte-identical",
     "test_atomic_builds.py::test_a_full_disk_leaves_the_previous_site"),
    ("budget draft PDF, an unlinked script and a theme backup file dropped into docs/ and overrides/",
     "docs/assets, overrides/",
     "not published, named in the build log; Material's unused files left out too",
     "test_published.py::test_only_files_that_published_pages_use_are_published"),
    ("attachments of a draft and of a scheduled article", "docs/assets + front matter",
     "not published until their page is",
     "test_published.py::test_only_files_that_published_pages_use_are_published"),
    ("inline script, external script, external picture, javascript: link, event attribute in a template",
     "overrides/partials",
     "output audit fails the build naming the file; previous site byte-identical",
     "test_published.py::test_the_output_audit_fails_the_build_on_what_the_check_cannot_see"),
    ("number split by a tag or written with references in a template", "overrides/partials",
     "output audit fails the build (reader text)",
     "test_published.py::test_the_output_audit_fails_the_build_on_what_the_check_cannot_see"),
    (("22 hand-written pages: frames, srcset, poster, form action, data:, refresh, base, CSS url(), @import, "
      "references, invisible separators"),
     "any published page", "refused or passed exactly as listed", "test_published.py::test_audit_of_one_page"),
    ("failing build through deploy/site_build.py and the offline zip", "deploy scripts",
     "previous output folder and zip unchanged",
     "test_atomic_builds.py::test_site_build_and_offline_zip_keep_the_previous_output"),
]


def outcome(case, pristine: Path, work: Path) -> str:
    project = work / case.name
    shutil.copytree(pristine, project, symlinks=True)
    apply(case, project)
    env = dict(os.environ, PYTHONPATH=str(HOOKS))
    result = subprocess.run([sys.executable, "-m", "renda_site", "--root", str(project), "check"], env=env,
                            capture_output=True, text=True, timeout=60)
    prefix = expected_prefix(case, project)
    hits = [line for line in result.stdout.splitlines() if line.startswith(prefix) and case.fragment in line]
    shutil.rmtree(project, ignore_errors=True)
    if result.returncode == 0 or not hits:
        return f"**未拒绝**（退出码 {result.returncode}）"
    line = hits[0].replace("|", "\\|")
    return f"拒绝，退出码 {result.returncode}：`{line[:220]}`"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pristine = copy_project(Path(tmp) / "pristine")
        rows = [(case, outcome(case, pristine, Path(tmp))) for case in ATTACKS]
    print("# 攻击与结果（issue 16、issue 24）\n")
    print("本文件由 `PYTHONPATH=hooks:tests .venv/bin/python tests/make_attacks_table.py > tests/ATTACKS.md` 生成。"
          "第一部分是编辑人员可能提交的有害内容，逐条在演示项目的副本上运行 `check` 得到的实际结果；"
          "第二部分是在生成的网站上无害的攻击，每条都由所列的测试证明。\n")
    print(f"## 一、检查时拒绝（{len(rows)} 条，每条都指明文件、行号（如有）和字段，退出码非零，网站不生成）\n")
    print("| # | 攻击 | 文件 | 结果 |\n| --- | --- | --- | --- |")
    for number, (case, result) in enumerate(rows, 1):
        print(f"| {number} | {case.name} | `{case.file}` | {result} |")
    print(f"\n## 二、在发布的网站上无害（{len(HARMLESS)} 类，由测试证明）\n")
    print("| # | 攻击 | 位置 | 结果 | 测试 |\n| --- | --- | --- | --- | --- |")
    for number, (attack, where, result, test) in enumerate(HARMLESS, 1):
        print(f"| {number} | {attack} | {where} | {result} | `{test}` |")
    refused = sum(1 for _, r in rows if r.startswith("拒绝"))
    print(f"\n合计：{len(rows) + len(HARMLESS)} 条攻击；检查时拒绝 {refused} / {len(rows)}，"
          f"在网站上无害 {len(HARMLESS)} 类。")


if __name__ == "__main__":
    main()
