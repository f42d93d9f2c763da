"""Where a build spends its time, stage by stage, for bench/stages.py: measured only when the
environment variable RENDA_STAGE_TIMES names a file, into which the build writes the totals.

`timed` wraps a per-page step only when measuring, so an ordinary build calls the step itself; `stage`
times a block (a few per build). The stages are named in Chinese, as the benchmark prints them.
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

FILE = os.environ.get("RENDA_STAGE_TIMES")
_TOTALS: dict[str, list[float]] = {}      # stage -> [seconds, calls]

F = TypeVar("F", bound=Callable[..., Any])


def _add(name: str, seconds: float) -> None:
    entry = _TOTALS.setdefault(name, [0.0, 0])
    entry[0] += seconds
    entry[1] += 1


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    if FILE is None:
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        _add(name, time.perf_counter() - started)


def timed(name: str) -> Callable[[F], F]:
    def wrap(step: F) -> F:
        if FILE is None:
            return step

        @functools.wraps(step)
        def measured(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return step(*args, **kwargs)
            finally:
                _add(name, time.perf_counter() - started)
        return measured  # type: ignore[return-value]
    return wrap


def write_stage_times() -> None:
    """Write (and reset) the totals, one object per stage in the order first measured."""
    if FILE is None:
        return
    Path(FILE).write_text(json.dumps({name: {"seconds": seconds, "calls": int(calls)}
                                      for name, (seconds, calls) in _TOTALS.items()}, ensure_ascii=False),
                          encoding="utf-8")
    _TOTALS.clear()
