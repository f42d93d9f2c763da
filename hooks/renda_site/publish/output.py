"""Write step: generated pages and files go to a cache folder outside docs/, each file rewritten only
when its content changed, so `mkdocs serve --dirty` and file watchers see only real changes."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..outputs import GeneratedFile, GeneratedPage


# Only files of the kinds the generator makes are ever removed from the output folder.
GENERATED_SUFFIXES = (".md", ".xml", ".json", ".csv")


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


def _present(out_dir: str) -> set[str]:
    """Every file in the output folder, found in one walk: trying to open each file that may not exist
    costs a failed system call per page, which on a fresh build of a large site added up to seconds."""
    return {os.path.join(folder, name) for folder, _, names in os.walk(out_dir) for name in names}


def write_pages(pages: Iterable[GeneratedPage], out_dir: Path, files: Iterable[GeneratedFile] = ()) -> WriteStats:
    """Write pages (Markdown) and files (feeds, JSON, CSV); remove whatever an earlier run left over."""
    stats = WriteStats()
    out_dir.mkdir(parents=True, exist_ok=True)
    root = str(out_dir)
    present = _present(root)
    folders = {root}
    keep: set[str] = set()
    outputs = [(page.uri, page.markdown.encode("utf-8")) for page in pages]
    outputs += [(file.path, file.data) for file in files]
    for rel, data in outputs:
        path = os.path.join(root, rel)
        keep.add(path)
        if path in present:
            with open(path, "rb") as old:
                if old.read() == data:
                    stats.unchanged += 1
                    continue
        else:
            folder = os.path.dirname(path)
            if folder not in folders:
                os.makedirs(folder, exist_ok=True)
                folders.add(folder)
        tmp = path + ".tmp"
        with open(tmp, "wb") as new:
            new.write(data)
        os.replace(tmp, path)        # atomic: a watcher never reads half a file
        stats.written += 1
    for path in present - keep:
        if path.endswith(GENERATED_SUFFIXES):
            os.unlink(path)
            stats.removed += 1
    return stats
