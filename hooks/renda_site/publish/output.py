"""Write step: generated pages and files go to a cache folder outside docs/, each file rewritten only
when its content changed, so `mkdocs serve --dirty` and file watchers see only real changes."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..outputs import GeneratedFile, GeneratedPage


# Only files of the kinds the generator makes are ever removed from the output folder.
GENERATED_SUFFIXES = {".md", ".xml", ".json", ".csv"}


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


def write_pages(pages: Iterable[GeneratedPage], out_dir: Path, files: Iterable[GeneratedFile] = ()) -> WriteStats:
    """Write pages (Markdown) and files (feeds, JSON, CSV); remove whatever an earlier run left over."""
    stats = WriteStats()
    out_dir.mkdir(parents=True, exist_ok=True)
    keep: set[Path] = set()
    outputs = [(page.uri, page.markdown.encode("utf-8")) for page in pages]
    outputs += [(file.path, file.data) for file in files]
    for rel, data in outputs:
        path = out_dir / rel
        keep.add(path)
        try:
            if path.read_bytes() == data:
                stats.unchanged += 1
                continue
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)        # atomic: a watcher never reads half a file
        stats.written += 1
    for path in [p for p in out_dir.rglob("*") if p.suffix in GENERATED_SUFFIXES and p.is_file()]:
        if path not in keep:
            path.unlink()
            stats.removed += 1
    return stats
