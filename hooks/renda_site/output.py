"""Write step: generated pages go to a cache folder outside docs/, each file rewritten only when
its content changed, so `mkdocs serve --dirty` and file watchers see only real changes."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .pages import GeneratedPage


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0


def write_pages(pages: Iterable[GeneratedPage], out_dir: Path) -> WriteStats:
    stats = WriteStats()
    out_dir.mkdir(parents=True, exist_ok=True)
    keep: set[Path] = set()
    for page in pages:
        path = out_dir / page.uri
        keep.add(path)
        data = page.markdown.encode("utf-8")
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
    for path in out_dir.rglob("*.md"):
        if path not in keep:
            path.unlink()
            stats.removed += 1
    return stats
