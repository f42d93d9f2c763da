"""The published folder only ever holds a complete build.

MkDocs writes the site page by page into its output folder. A build that stops halfway (a template
error, a full disk, a killed process, a --strict warning found at the very end) would leave that
folder half old, half new — or empty, since MkDocs starts by cleaning it. So the build writes into a
sibling folder, `.<name>.building-<pid>`, and only a build that finished is swapped in: with one
atomic exchange of the two folders where the system has it (Linux renameat2), else two renames
a moment apart. The previous site is removed after the swap. A folder left by a killed build is
removed by the next one.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

_RENAME_EXCHANGE = 2
PREFIX = ".{name}.building-"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ≥ 3.15 with glibc ≥ 2.28); False where that is not possible."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    AT_FDCWD = -100
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class StagedSite:
    """Where a build writes (`stage`) and where it is published once complete (`target`)."""

    def __init__(self, target: Path, keep: bool = False):
        self.target = Path(target).absolute()
        prefix = PREFIX.format(name=self.target.name)
        self.stage = self.target.parent / f"{prefix}{os.getpid()}"
        self.target.parent.mkdir(parents=True, exist_ok=True)
        for stale in self.target.parent.glob(prefix + "*"):       # left by a killed build
            pid = stale.name[len(prefix):]
            if stale != self.stage and (not pid.isdigit() or not _alive(int(pid))):
                shutil.rmtree(stale, ignore_errors=True)
        shutil.rmtree(self.stage, ignore_errors=True)
        if keep and self.target.is_dir():
            shutil.copytree(self.target, self.stage, symlinks=True)   # copies, never links: MkDocs rewrites in place
        else:
            self.stage.mkdir()

    def publish(self) -> None:
        """Put the finished build in place of the previous one."""
        if not self.target.exists():
            os.rename(self.stage, self.target)
            return
        if not _exchange(self.stage, self.target):
            old = self.stage.with_name(self.stage.name + "-old")
            os.rename(self.target, old)
            os.rename(self.stage, self.target)
            self.stage = old
        shutil.rmtree(self.stage, ignore_errors=True)           # now the previous site

    def discard(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)


_MAP_COMMENT = ("//# sourceMappingURL=", "/*# sourceMappingURL=")


def drop_source_maps(site: Path, under: str = "") -> int:
    """Material ships source maps of its bundles (the unminified code, for its own developers): they are
    not published, and the comments pointing at them are removed. Returns the number of maps removed.
    `under`: look for maps in this folder of the site only."""
    removed = 0
    for path in list((site / under).rglob("*.map")):
        path.unlink()
        removed += 1
    for path in [*site.glob("assets/javascripts/**/*.js"), *site.glob("assets/stylesheets/**/*.css")]:
        text = path.read_text(encoding="utf-8")
        lines = text.rstrip("\n").split("\n")
        if lines and lines[-1].lstrip().startswith(_MAP_COMMENT):
            path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    return removed
