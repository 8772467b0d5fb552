"""Session benchmarks: the bookkeeping around an edit, and keeping work safe.

- "apply one edit": ``Session.apply`` (history, the dirty check against the
  saved version) against the floor of building the edited catalogue itself;
  the bookkeeping should be noise.
- "recovery copy of one edit": what the background writer does a few seconds
  after an edit (render the text, write it atomically to the state folder),
  against ``tomllib.loads`` of the same text.
- "save after one edit": ``Session.save`` (the store's render, check, atomic
  write) against ``tomllib.loads``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import tomllib
from pathlib import Path

from benchmarks.bench_store import edit_cookie
from benchmarks.generate import generate
from benchmarks.harness import Case
from consent_tui.core.session import Session, recovery

_FOLDER = Path(tempfile.mkdtemp(prefix="consent-bench-session-"))
atexit.register(shutil.rmtree, _FOLDER, True)
os.environ["XDG_STATE_HOME"] = str(_FOLDER / "state")  # recovery copies stay in the temp folder


class _Edited:
    """A freshly opened session of the file and its edited catalogue (made untimed)."""

    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text
        self.session: Session | None = None

    def fresh(self) -> None:
        self.path.write_text(self.text, encoding="utf-8")
        self.session = Session.open(self.path)

    def edited(self) -> None:
        self.fresh()
        assert self.session is not None
        self.session.apply(edit_cookie(self.session.catalogue), "Edit a cookie")

    def build(self) -> object:
        assert self.session is not None
        return edit_cookie(self.session.catalogue)

    def apply(self) -> object:
        assert self.session is not None
        self.session.apply(edit_cookie(self.session.catalogue), "Edit a cookie")
        return self.session.dirty

    def recovery_copy(self) -> object:
        session = self.session
        assert session is not None
        text = session.render()
        return recovery.write(session.path, text, session.document.fingerprint)

    def save(self) -> object:
        assert self.session is not None
        self.session.save()
        return None


def cases(sizes: tuple[int, ...]) -> list[Case]:
    out: list[Case] = []
    for size in sizes:
        text = generate(size)
        repeats = 5 if size <= 1_000 else 3

        def floor(text: str = text) -> object:
            return tomllib.loads(text)

        applying = _Edited(_FOLDER / f"apply-{size}.toml", text)
        applying.fresh()
        out.append(
            Case(
                "apply one edit (history, dirty)",
                size,
                applying.build,
                applying.apply,
                repeats,
                floor_name="building the edited catalogue",
            )
        )
        copying = _Edited(_FOLDER / f"copy-{size}.toml", text)
        name = "recovery copy of one edit"
        out.append(Case(name, size, floor, copying.recovery_copy, repeats, copying.edited))
        saving = _Edited(_FOLDER / f"save-{size}.toml", text)
        out.append(Case("save after one edit", size, floor, saving.save, repeats, saving.edited))
    return out
