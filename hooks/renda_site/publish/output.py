"""Write step: generated pages and files go to a cache folder outside docs/, each file rewritten only
when its content changed, so `mkdocs serve --dirty` and file watchers see only real changes."""
from __future__ import annotations

import os
import threading
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..outputs import GeneratedFile, GeneratedPage

# Only files of the kinds the generator makes are ever removed from the output folder.
GENERATED_SUFFIXES = (".md", ".xml", ".json", ".csv")


@dataclass
class WriteStats:
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    _pending: threading.Thread | None = field(default=None, repr=False)
    _failure: list = field(default_factory=list, repr=False)

    def wait(self) -> WriteStats:
        """After `write_pages(..., files_in_background=True)`: until the files are written (raises what failed)."""
        if self._pending is not None:
            self._pending.join()
            self._pending = None
        if self._failure:
            raise self._failure.pop()
        return self


def _present(out_dir: str) -> set[str]:
    """Every file in the output folder, found in one walk: trying to open each file that may not exist
    costs a failed system call per page, which on a fresh build of a large site added up to seconds."""
    return {os.path.join(folder, name) for folder, _, names in os.walk(out_dir) for name in names}


class _Writer:
    def __init__(self, root: str, present: set[str], stats: WriteStats):
        self.root, self.present, self.stats = root, present, stats
        self.folders = {root}

    def write(self, outputs: list[tuple[str, bytes]]) -> None:
        for rel, data in outputs:
            path = os.path.join(self.root, rel)
            if path in self.present:
                with open(path, "rb") as old:
                    if old.read() == data:
                        self.stats.unchanged += 1
                        continue
            else:
                folder = os.path.dirname(path)
                if folder not in self.folders:
                    os.makedirs(folder, exist_ok=True)
                    self.folders.add(folder)
            tmp = path + ".tmp"
            with open(tmp, "wb") as new:
                new.write(data)
            os.replace(tmp, path)        # atomic: a watcher never reads half a file
            self.stats.written += 1


def write_pages(pages: Iterable[GeneratedPage], out_dir: Path, files: Iterable[GeneratedFile] = (),
                files_in_background: bool = False, only: Collection[str] | None = None) -> WriteStats:
    """Write pages (Markdown) and files (feeds, JSON, CSV); remove whatever an earlier run left over.

    With `files_in_background` the files are written by a thread and `wait()` returns when they are
    done: a static generator reads them only when it copies them, long after it has read the pages.
    `only`: the pages and files that may have changed since the last write (the others are known to be
    on disk as they are)."""
    stats = WriteStats()
    out_dir.mkdir(parents=True, exist_ok=True)
    root = str(out_dir)
    present = _present(root)
    pages, files = list(pages), list(files)

    def may_differ(rel: str) -> bool:
        return only is None or rel in only or os.path.join(root, rel) not in present
    page_outputs = [(page.uri, page.markdown.encode("utf-8")) for page in pages if may_differ(page.uri)]
    file_outputs = [(file.path, file.data) for file in files if may_differ(file.path)]
    stats.unchanged += len(pages) - len(page_outputs) + len(files) - len(file_outputs)
    keep = {os.path.join(root, rel) for rel in [page.uri for page in pages] + [file.path for file in files]}
    for path in present - keep:
        if path.endswith(GENERATED_SUFFIXES):
            os.unlink(path)
            stats.removed += 1
    writer = _Writer(root, present, stats)
    writer.write(page_outputs)
    if not files_in_background:
        writer.write(file_outputs)
        return stats

    def write_files() -> None:
        try:
            writer.write(file_outputs)
        except BaseException as exc:          # handed to whoever waits
            stats._failure.append(exc)
    stats._pending = threading.Thread(target=write_files, name="renda-write-files", daemon=True)
    stats._pending.start()
    return stats
