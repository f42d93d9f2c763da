"""What the preview server (`mkdocs serve`) does differently from a build, beyond generating incrementally:
when Python's cycle collector runs, and how saved files are noticed.

Cycle collection. The preview keeps the last generation in memory for the next save, so the process
holds millions of objects; a full pass of the cycle collector over them, which Python starts by itself
whenever enough new objects have survived, lands in the middle of a save's rebuild and delays the page
by about a second. After the first build the preview turns automatic collection off and collects a few
seconds after each rebuild instead, while the editor reads the page; a collection due while a rebuild
runs waits for the next pause.

Noticing saves. MkDocs' server polls every watched folder twice a second, listing every file of them
(all of docs/ and data/) each time: on a large site that costs the server a share of a core all the time,
and a save waits for the next poll. Where the system offers file notifications (inotify on Linux), the
same watches are moved to watchdog's notifying observer; anywhere else, or if anything fails, polling
stays as MkDocs set it up.
"""
from __future__ import annotations

import gc
import logging
import threading
from typing import Any

IDLE_SECONDS = 3.0          # after a rebuild, before collecting: the browser has reloaded the page by then


class IdleCollector:
    def __init__(self) -> None:
        self.active = False           # set for the preview: a build leaves collection as Python does it
        self._lock = threading.Lock()
        self._building = False
        self._timer: threading.Timer | None = None

    def building(self) -> None:
        if not self.active:
            return
        with self._lock:
            self._building = True
            self._cancel()

    def built(self) -> None:
        """A rebuild ended (successfully or not): automatic collection stays off; collect when idle."""
        if not self.active:
            return
        gc.disable()
        with self._lock:
            self._building = False
            self._cancel()
            self._timer = threading.Timer(IDLE_SECONDS, self._collect)
            self._timer.daemon = True
            self._timer.start()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _collect(self) -> None:
        with self._lock:
            if self._building:
                return
            self._timer = None
            gc.collect()              # under the lock: a rebuild that starts meanwhile waits for it


def notify_on_save(server: Any, log: logging.Logger) -> None:
    """Before MkDocs' live-reload `server` starts serving (every watch added by then), move its watches from
    polling to notifications, if notifications work here."""
    serve = server.serve

    def serve_notified(*args: Any, **kwargs: Any) -> Any:
        _move_watches(server, log)
        return serve(*args, **kwargs)

    server.serve = serve_notified


def _move_watches(server: Any, log: logging.Logger) -> None:
    notifying = None
    try:
        from watchdog.events import FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver
        polling = server.observer
        notifying = Observer()
        if isinstance(notifying, PollingObserver) or polling.is_alive():
            return
        refs = server._watch_refs
        # What polling reports, and no more: a notifying observer also reports files opened and closed
        # without a change, and every rebuild opens the watched files (it would rebuild again and again).
        changes: list = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent]
        moved = {path: notifying.schedule(handler, path, recursive=watch.is_recursive, event_filter=changes)
                 for path, watch in refs.items() for handler in polling._handlers[watch]}
        notifying.start()
    except Exception as exc:          # no notifications here, or an internal of MkDocs or watchdog changed
        if notifying is not None and notifying.is_alive():
            notifying.stop()
        log.info("预览：无法使用文件变动通知（%s），仍每 0.5 秒检查一次文件。", exc)
        return
    refs.update(moved)
    notifying.start = lambda: None     # type: ignore[method-assign]  # started here; serve() starts its observer
    server.observer = notifying
    log.info("预览：用文件变动通知发现保存的文件（不再每 0.5 秒检查一遍所有文件）。")
