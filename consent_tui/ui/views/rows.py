"""Table rows built from the catalogue: plain, display-safe strings only.

Cookie rows are cached per service *object*: the model shares unchanged
services between versions, so after an edit only the edited service's rows are
rebuilt, even in a catalogue of ten thousand cookies.
"""

from __future__ import annotations

from consent_tui.core.model import Catalogue, Service, text_in
from consent_tui.ui.problems import ProblemIndex
from consent_tui.ui.text import visible
from consent_tui.ui.widgets.grid import Row


def service_rows(cat: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
    default = cat.default_language
    return [
        Row(
            s.id,
            (
                visible(s.id),
                visible(s.provider),
                visible(text_in(s.function, lang, default)),
                visible(s.category),
                visible(s.party),
                str(len(s.cookies)),
                problems.cell("service", s.id, with_cookies=True),
            ),
        )
        for s in cat.services.values()
    ]


class CookieRows:
    """Builds cookie rows, reusing those of services that did not change."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[Service, ProblemIndex, list[Row]]] = {}

    def build(self, cat: Catalogue, problems: ProblemIndex) -> list[Row]:
        rows: list[Row] = []
        cache: dict[str, tuple[Service, ProblemIndex, list[Row]]] = {}
        for sid, service in cat.services.items():
            hit = self._cache.get(sid)
            if hit is not None and hit[0] is service and hit[1] is problems:
                made = hit[2]
            else:
                made = self._service(service, problems)
            cache[sid] = (service, problems, made)
            rows.extend(made)
        self._cache = cache
        return rows

    @staticmethod
    def _service(service: Service, problems: ProblemIndex) -> list[Row]:
        sid = visible(service.id)
        out = []
        for index, c in enumerate(service.cookies):
            key = f"{service.id}/{index}"
            out.append(
                Row(
                    key,
                    (
                        visible(c.name),
                        sid,
                        visible(c.duration),
                        visible(c.type),
                        visible(c.domain),
                        problems.cell("cookie", key),
                    ),
                )
            )
        return out


def purpose_rows(cat: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
    default = cat.default_language
    users: dict[str, list[str]] = {pid: [] for pid in cat.purposes}
    for service in cat.services.values():
        for pid in service.purposes or ():
            users.setdefault(pid, []).append(service.id)
    rows = []
    for p in cat.purposes.values():
        used = users.get(p.id, [])
        used_by = f"{len(used)}: {', '.join(used)}" if used else "0"
        rows.append(
            Row(
                p.id,
                (
                    visible(p.id),
                    visible(text_in(p.title, lang, default)),
                    visible(p.legal_basis),
                    visible(used_by),
                    problems.cell("purpose", p.id),
                ),
            )
        )
    return rows


def category_rows(cat: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
    default = cat.default_language
    counts: dict[str, int] = {}
    for service in cat.services.values():
        if service.category:
            counts[service.category] = counts.get(service.category, 0) + 1
    consent = {True: "required", False: "not required", None: ""}
    return [
        Row(
            c.id,
            (
                visible(c.id),
                visible(text_in(c.title, lang, default)),
                consent[c.consent],
                str(counts.get(c.id, 0)),
                problems.cell("category", c.id),
            ),
        )
        for c in cat.categories.values()
    ]


def duration_sort_key(cell: str) -> tuple[int, float]:
    """Sessions first, then by length, then persistent, then unreadable."""
    from consent_tui.core.durations import try_parse

    parsed = try_parse(cell)
    if parsed is None:
        return (3, 0.0)
    seconds = parsed.seconds
    if seconds is None:
        return (2, 0.0)
    return (0 if seconds == 0 else 1, float(seconds))


def leading_number(cell: str) -> tuple[int, int]:
    head = cell.split(":", 1)[0]
    return (0, int(head)) if head.isdigit() else (1, 0)
