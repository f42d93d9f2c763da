"""A second process for the build's side work (QR codes, the audit of the written pages), on the other core
while MkDocs renders on this one."""
from __future__ import annotations

import signal
import site
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context, resource_tracker
from pathlib import Path


def helper_process() -> ProcessPoolExecutor | None:
    """A pool of one worker process, or None where processes cannot be started.

    spawn, not fork: `mkdocs serve` runs threads, and a forked copy of a threaded process can hang.
    The worker imports this package from its folder: MkDocs removes the hooks folder from sys.path once
    the hook module is loaded, so the worker puts it back first. It is started with Ctrl-C blocked in
    this thread, and a process keeps its signal mask across fork and exec: the worker never receives
    Ctrl-C from its first instant on (the build handles Ctrl-C and stops it, and an editor sees no
    traceback of the worker's own). Ctrl-C is only blocked here, never ignored: the build has other
    threads (the background file writer), a Ctrl-C to the process goes to one of them while this thread
    blocks it, and an ignored signal would be dropped there — the preview then went on serving. Taken
    by another thread, it interrupts this one all the same (Python runs signal handlers in the main
    thread), so the pool is closed on any exception. multiprocessing's resource tracker is started
    first: starting it unblocks Ctrl-C on its way out.
    """
    try:
        resource_tracker.ensure_running()
    except OSError:
        return None
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    pool = None
    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"), initializer=site.addsitedir,
                                   initargs=(str(Path(__file__).resolve().parents[2]),))
        pool.submit(int)          # the worker and the pool's own thread start now, with Ctrl-C blocked
        return pool
    except (OSError, NotImplementedError, RuntimeError):
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        # No process semaphores here (some containers have no /dev/shm): the work is done in place.
        return None
    finally:
        try:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)     # a Ctrl-C meanwhile is handled here
        except BaseException:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            raise
