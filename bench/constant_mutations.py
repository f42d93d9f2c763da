"""Realistic one-line mutations that mutmut does not make (it mutates inside functions only, not the
patterns, sets and ranges at module level), each applied to a copy of the project and run against the
tests of its module. A mutation that every test passes with has survived: no test would notice the bug.

    .venv/bin/python bench/constant_mutations.py                  with every test of the module
    .venv/bin/python bench/constant_mutations.py --without-new    without tests/test_mutation_*.py (before)

The tests are the in-process ones (tests/support/mutation_selection.py leaves out builds and browsers), as
in bench/mutation.sh. Prints one line per mutation and the count killed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["hooks", "tests", "data", "docs", "overrides", "deploy", "bench", "schemas", "guide", "mkdocs.yml",
         "pyproject.toml", "README.md"]


@dataclass(frozen=True)
class Mutation:
    name: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]


M = "hooks/renda_site/"
MUTATIONS = [
    Mutation("a mobile-number prefix no test uses (19x)", M + "input/privacy.py",
             r'r"[3-9３-９]"', r'r"[3-8３-８]"', ("test_validation", "test_published", "test_mutation_privacy")),
    Mutation("an ID number's lower-case check digit x", M + "input/privacy.py",
             r"[\dXxＸｘ](?![\dA-Za-z])", r"[\dXＸ](?![\dA-Za-z])",
             ("test_validation", "test_published", "test_mutation_privacy")),
    Mutation("SVG's older link attribute (xlink:href) left unchecked", M + "input/svgcheck.py",
             'attr_ns in ("", XLINK_NS)', 'attr_ns == ""',
             ("test_validation", "test_published", "test_mutation_markup")),
    Mutation("an inline style that starts allowed and adds more", M + "safe_html.py",
             r'(left|right|center)\s*;?\s*$")', r'(left|right|center)\s*;?")',
             ("test_allowlist", "test_validation", "test_mutation_markup")),
    Mutation("a video's poster from another site", M + "safe_html.py",
             '    ("video", "poster"),\n', "", ("test_allowlist", "test_validation", "test_mutation_markup")),
    Mutation("a concurrent build's staging folder removed", M + "build/staging.py",
             "if stale != self.stage and (not pid.isdigit() or not _alive(int(pid))):", "if stale != self.stage:",
             ("test_atomic_builds", "test_build_interrupt", "test_mutation_paths")),
    Mutation("a satisfaction rate the demo can only show as 100 %", M + "kinds/suggestions/figures.py",
             'self.satisfaction["满意"] + self.satisfaction["基本满意"]',
             'self.satisfaction["满意"] + self.satisfaction["基本满意"] + self.satisfaction["不满意"]',
             ("test_suggestions", "test_charts", "test_demo_consistency", "test_mutation_figures_words")),
    Mutation("a character range Python and the browser's search script must share", M + "publish/search_words.py",
             r'CJK = "\u3400-\u4dbf\u4e00-\u9fff', r'CJK = "\u3400-\u4dbf\u4e00-\u9fa5',
             ("test_search", "test_search_oracle", "test_search_parts", "test_mutation_figures_words")),
    Mutation("a repair threshold at its edge (a header on half the pages)", M + "editors/importer/cleanup.py",
             "if len(where) >= max(2, len(boundaries) / 2)", "if len(where) > max(2, len(boundaries) / 2)",
             ("test_editors_import", "test_editors_import_repairs", "test_mutation_cleanup")),
    Mutation("an article dated today withheld", M + "kinds/articles.py",
             "if meta.date and meta.date > today:", "if meta.date and meta.date >= today:",
             ("test_drafts", "test_mutation_paths")),
    Mutation("a script of overrides/ published though no page loads it", M + "publish/published.py",
             'in ("docs", "overrides") and rel not in scripts', 'in ("docs",) and rel not in scripts',
             ("test_published", "test_mutation_published")),
]


def run(mutation: Mutation | None, tests: list[str], python: str) -> int:
    with tempfile.TemporaryDirectory(prefix="renda-mutation-") as folder:
        copy = Path(folder)
        for part in PARTS:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, copy / part, ignore=shutil.ignore_patterns("__pycache__", ".mutation"))
            elif source.exists():
                shutil.copy2(source, copy / part)
        if mutation is not None:
            path = copy / mutation.file
            text = path.read_text(encoding="utf-8")
            if text.count(mutation.old) != 1:
                raise SystemExit(f"{mutation.name}: {mutation.old!r} is not once in {mutation.file}")
            path.write_text(text.replace(mutation.old, mutation.new), encoding="utf-8")
        done = subprocess.run([python, "-m", "pytest", "-x", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
                               "-p", "support.mutation_selection", *tests], cwd=copy / "tests",
                              env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"), capture_output=True, text=True)
        return done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--without-new", action="store_true", help="leave out tests/test_mutation_*.py")
    options = parser.parse_args()
    every = sorted({f"{t}.py" for m in MUTATIONS for t in m.tests
                    if not (options.without_new and t.startswith("test_mutation_"))})
    if run(None, every, sys.executable) not in (0, 5):
        raise SystemExit("the tests fail without any mutation: fix them first")
    killed = 0
    for mutation in MUTATIONS:
        tests = [f"{t}.py" for t in mutation.tests if not (options.without_new and t.startswith("test_mutation_"))]
        code = run(mutation, tests, sys.executable)
        if code not in (0, 1, 5):               # 5: every test of the module builds or browses (left out)
            raise SystemExit(f"{mutation.name}: pytest stopped with exit code {code} (not a test failure)")
        killed += code == 1
        verdict = "killed  " if code == 1 else "SURVIVED" if code == 0 else "NO TEST "
        print(f"{verdict}  {mutation.name}  ({mutation.file}; {' '.join(tests)})", flush=True)
    print(f"{killed} of {len(MUTATIONS)} killed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
