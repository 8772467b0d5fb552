"""Store benchmarks: load, edit-and-save, peak memory, against ``tomllib.loads``.

Bars from the issue: load to model <= 1.5x ``tomllib.loads`` of the same text;
edit one cookie field and save (render, verify, atomic write) <= 1.0x; peak
memory of a load <= 2x that of ``tomllib.loads`` alone. The save is measured
on a freshly loaded document, so it pays for indexing the file's headers.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from benchmarks.generate import generate
from benchmarks.harness import Case
from consent_tui.core import store
from consent_tui.core.model import Catalogue, Cookie, Service, replace

_FOLDER = Path(tempfile.mkdtemp(prefix="consent-bench-"))
atexit.register(shutil.rmtree, _FOLDER, True)


def _middle(catalogue: Catalogue) -> tuple[str, Service, int]:
    ids = list(catalogue.services)
    service = catalogue.services[ids[len(ids) // 2]]
    return service.id, service, len(service.cookies) // 2


def edit_cookie(catalogue: Catalogue) -> Catalogue:
    """The editor's "change one cookie's duration": new objects along one path."""
    key, service, k = _middle(catalogue)
    cookies = list(service.cookies)
    cookies[k] = replace(cookies[k], duration="3 months")
    services = dict(catalogue.services)
    services[key] = replace(service, cookies=tuple(cookies))
    return replace(catalogue, services=services)


def add_cookie(catalogue: Catalogue) -> Catalogue:
    key, service, _ = _middle(catalogue)
    extra = Cookie(name="bench_added", type="http_cookie", duration="1 day")
    services = dict(catalogue.services)
    services[key] = replace(service, cookies=(*service.cookies, extra))
    return replace(catalogue, services=services)


class _Saving:
    """Reset the file and reload it (untimed) before each timed edit-and-save.

    The document is dropped once saved: a model left alive would make the
    garbage collector's passes during the next floor slower, and the ratio
    flattering.
    """

    def __init__(self, path: Path, text: str, edit: Any) -> None:
        self.path, self.text, self.edit = path, text, edit
        self.document: store.Document | None = None

    def setup(self) -> None:
        self.path.write_text(self.text, encoding="utf-8")
        self.document = store.load(self.path)

    def run(self) -> object:
        document, self.document = self.document, None  # not kept alive into the next floor
        assert document is not None
        return store.save(document, self.edit(document.catalogue))


def _repeats(size: int) -> int:
    """Enough runs for a stable median on a busy machine, about 10 s a case at most.

    Floor and operation alternate, so a burst of load elsewhere hits both; an
    odd count makes the median one real run.
    """
    return 31 if size <= 100 else 15 if size <= 1_000 else 9


def cases(sizes: tuple[int, ...]) -> list[Case]:
    out: list[Case] = []
    for size in sizes:
        text = generate(size)
        path = _FOLDER / f"catalogue-{size}.toml"
        path.write_text(text, encoding="utf-8")
        repeats = _repeats(size)

        def floor(text: str = text) -> object:
            return tomllib.loads(text)

        def load(path: Path = path) -> object:
            return store.load(path)

        out.append(
            Case("load to model", size, floor, load, repeats, bar=1.5, quick_repeats=repeats)
        )
        edit = _Saving(_FOLDER / f"edit-{size}.toml", text, edit_cookie)
        name = "edit one cookie field + save"
        out.append(
            Case(name, size, floor, edit.run, repeats, edit.setup, bar=1.0, quick_repeats=repeats)
        )
        added = _Saving(_FOLDER / f"add-{size}.toml", text, add_cookie)
        out.append(
            Case(
                "add a cookie + save",
                size,
                floor,
                added.run,
                repeats,
                added.setup,
                quick_repeats=repeats,
            )
        )
        out.append(Case("peak memory of load", size, floor, load, 1, metric="memory", bar=2.0))
    return out
