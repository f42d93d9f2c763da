"""The 人大 site generator: data/ and docs/ in, Markdown pages and files out. Independent of MkDocs.

    input (read files) -> model (check, catalog) -> kinds (what each record kind makes)
        -> render (Markdown pages) -> publish (feeds, open data, search index, QR codes, output folder)

with the editors' tools (scaffolds, the document importer) beside it. Every stage loops over the
registry of record kinds (kinds/__init__.py); none of them names a kind. pipeline.py is the build in
the order it runs; build/ holds the steps around it while MkDocs writes the site.
"""
from __future__ import annotations

import sys

# Before anything else is imported (`python -m renda_site` and the MkDocs hooks import this first): on an
# older Python the dependencies fail with English messages that say nothing of the cause.
if sys.version_info < (3, 11):  # noqa: UP036  (the point: this runs on any Python)
    sys.exit(f"需要 Python 3.11 或更高版本，现在运行的是 {sys.version.split()[0]}。"
             "请安装 Python 3.11 以上，删除 .venv 文件夹后重新运行 bash dev.sh。")
from .pipeline import (
    ContentError,
    GeneratedFile,
    GeneratedPage,
    Problems,
    Result,
    build_catalog,
    check,
    generate,
    inspect_checked,
    page_specs,
    sources,
)

__all__ = [
    "ContentError",
    "GeneratedFile",
    "GeneratedPage",
    "Problems",
    "Result",
    "build_catalog",
    "check",
    "generate",
    "inspect_checked",
    "page_specs",
    "sources",
]
