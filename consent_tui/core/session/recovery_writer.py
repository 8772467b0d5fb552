"""Keep a session's recovery copy up to date, a few seconds behind the edits.

The writer listens to a :class:`~consent_tui.core.session.Session`. After a
change it waits ``delay`` seconds (further changes do not push the write back,
so steady typing still loses at most ``delay`` seconds) and then renders and
writes the copy in a background thread. ``flush()`` writes at once, in the
calling thread: the editor calls it on SIGTERM/SIGHUP, after a crash and
before it exits. When the session becomes clean again (saved, or every change
undone) the live copy is removed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from consent_tui.core.session import recovery
from consent_tui.core.session.session import Session, recovery_text

ErrorHandler = Callable[[Exception], None]


class RecoveryWriter:
    """Writes ``session``'s recovery copy in the background while it is dirty."""

    def __init__(
        self, session: Session, *, delay: float = 2.0, on_error: ErrorHandler | None = None
    ) -> None:
        self.session = session
        self.delay = delay
        self.on_error = on_error
        self.last_error: Exception | None = None
        self.writes = 0
        self._lock = threading.RLock()
        self._timer: threading.Timer | None = None
        self._generation = 0
        self._written = 0
        self._closed = False
        session.subscribe(self._changed)
        if session.dirty:  # text not on disk yet (fixed after a parse error)
            self._changed(session)

    # -- listening

    def _changed(self, session: Session) -> None:
        with self._lock:
            self._generation += 1
            if self._closed:
                return
            if session.dirty:
                if self._timer is None:
                    self._timer = threading.Timer(self.delay, self._write_later)
                    self._timer.daemon = True
                    self._timer.start()
                return
            self._cancel()
            self._written = self._generation
        self._guard(lambda: recovery.discard(session.path, kept=False))

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    # -- writing

    def _write_later(self) -> None:
        with self._lock:
            self._timer = None
        self._write()

    def _write(self) -> recovery.RecoveryCopy | None:
        with self._lock:
            session = self.session
            generation = self._generation
            if self._closed or not session.dirty or generation <= self._written:
                return None
            document, catalogue = session.document, session.catalogue
        text = recovery_text(document, catalogue)  # slow for big files: not under the lock
        with self._lock:
            # A save (or a newer write) since the snapshot makes this one stale.
            if self._closed or not session.dirty or generation <= self._written:
                return None
            fingerprint = document.fingerprint
            copy = self._guard(lambda: recovery.write(document.path, text, fingerprint))
            if copy is not None:
                self._written = generation
                self.writes += 1
            return copy

    def _guard(
        self, action: Callable[[], recovery.RecoveryCopy | None]
    ) -> recovery.RecoveryCopy | None:
        try:
            result = action()
        except OSError as exc:
            first = self.last_error is None  # report a failure once, not every few seconds
            self.last_error = exc
            if first and self.on_error is not None:
                self.on_error(exc)
            return None
        self.last_error = None
        return result

    def flush(self) -> recovery.RecoveryCopy | None:
        """Write the copy now if there is unwritten work; returns it (or ``None``)."""
        with self._lock:
            self._cancel()
        return self._write()

    @property
    def pending(self) -> bool:
        """True while there are changes not yet in the recovery copy."""
        with self._lock:
            return self.session.dirty and self._generation > self._written

    def close(self) -> None:
        """Stop listening; no further background writes."""
        with self._lock:
            self._closed = True
            self._cancel()
        self.session.unsubscribe(self._changed)
