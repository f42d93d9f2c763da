"""The files of docs/ that MkDocs publishes, found the way MkDocs finds them, with the mistakes in
their names and kinds reported before anything is built.

MkDocs leaves out every file or folder whose name starts with a dot (`.x.md`, `.git/`) and the folder
docs/templates/ (its default `exclude_docs`); so does the generator, so a hidden page never appears on
a listing, the home page or a feed. MkDocs follows symbolic links, into folders and out of docs/
(a link to ../.git/config would publish the repository's credentials): every link is refused here.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..problems import Problems

# Characters that end or change a URL path (# starts the fragment, ? the query, % an escape) or that
# no link can carry as typed; the page would be built, but no link could reach it.
BAD_NAME = re.compile(r"[#?%\\\"<>|*\x00-\x1f\x7f]|^\s|\s$")
HIDDEN_TOP = {"templates"}


def hidden(name: str) -> bool:
    return name.startswith(".")


def relative(path: Path, folder: Path) -> str:
    """`path` relative to `folder`, with forward slashes. Called for each of tens of thousands of files:
    a string prefix where it can, not Path.relative_to (which parses both paths again on every call)."""
    text, base = str(path), str(folder)
    prefix = base if base.endswith(os.sep) else base + os.sep
    if text.startswith(prefix):
        return text[len(prefix):].replace(os.sep, "/")
    return path.relative_to(folder).as_posix()


def docs_files(docs: Path, root: Path, problems: Problems) -> list[Path]:
    """Every published file under `docs` (symlinks included, for the loader to refuse), in path order."""
    found: list[Path] = []
    if not docs.is_dir():
        return found
    for folder, dirs, files in os.walk(docs, followlinks=False):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not hidden(d) and not (here == docs and d in HIDDEN_TOP)]
        for name in list(dirs):
            path = here / name
            if path.is_symlink():
                dirs.remove(name)
                found.append(path)              # reported by the loader like a linked file
        for name in files:
            if not hidden(name):
                found.append(here / name)
    found.sort(key=lambda p: p.parts)
    for path in found:
        rel = relative(path, docs)
        bad = next((part for part in rel.split("/") if BAD_NAME.search(part)), None)
        if bad is not None:
            found_char = BAD_NAME.search(bad)
            assert found_char is not None         # `bad` was chosen by this search
            char = found_char.group(0)
            shown = "空格" if char.isspace() and char in " \t" else f"「{char}」" if char.isprintable() else "控制字符"
            problems.error(path.relative_to(root).as_posix(), None, "文件名",
                           f"文件名或文件夹名「{bad}」含有{shown}，网址中不能使用，链接会找不到这个页面。"
                           "请只用字母、数字、连字符和汉字")
    return found
