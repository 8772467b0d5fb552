"""Table rows built from the catalogue: plain, display-safe strings only.

The field cells come from the field description (``views/columns``); each
view adds its computed cells (counts, who uses a purpose, problems).

Cookie rows are cached per service *object*: the model shares unchanged
services between versions, so after an edit only the edited service's rows are
rebuilt, even in a catalogue of ten thousand cookies.
"""

from __future__ import annotations

from consent_tui.core.fields import entity
from consent_tui.core.model import Catalogue, Service
from consent_tui.ui.problems import ProblemIndex
from consent_tui.ui.text import visible
from consent_tui.ui.views.columns import Cells
from consent_tui.ui.views.columns import duration_sort_key as duration_sort_key
from consent_tui.ui.widgets.grid import Row


def service_rows(cat: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
    cells = Cells(entity("service"), lang, cat.default_language)
    return [
        Row(
            s.id,
            (
                *cells(s),
                str(len(s.cookies)),
                problems.cell("service", s.id, with_cookies=True),
            ),
        )
        for s in cat.services.values()
    ]


_Hit = tuple[Service, ProblemIndex, str, list[Row]]


class CookieRows:
    """Builds cookie rows, reusing those of services that did not change."""

    def __init__(self) -> None:
        self._cache: dict[str, _Hit] = {}

    def build(self, cat: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
        rows: list[Row] = []
        cache: dict[str, _Hit] = {}
        cells = Cells(entity("cookie"), lang, cat.default_language)
        for sid, service in cat.services.items():
            hit = self._cache.get(sid)
            if hit is not None and hit[0] is service and hit[1] is problems and hit[2] == lang:
                made = hit[3]
            else:
                made = self._service(service, problems, cells)
            cache[sid] = (service, problems, lang, made)
            rows.extend(made)
        self._cache = cache
        return rows

    @staticmethod
    def _service(service: Service, problems: ProblemIndex, cells: Cells) -> list[Row]:
        sid = service.id
        out = []
        for index, c in enumerate(service.cookies):
            key = f"{sid}/{index}"
            out.append(Row(key, (*cells(c, sid), problems.cell("cookie", key))))
        return out


def purpose_rows(cat: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
    cells = Cells(entity("purpose"), lang, cat.default_language)
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
                (*cells(p), visible(used_by), problems.cell("purpose", p.id)),
            )
        )
    return rows


def category_rows(cat: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
    cells = Cells(entity("category"), lang, cat.default_language)
    counts: dict[str, int] = {}
    for service in cat.services.values():
        if service.category:
            counts[service.category] = counts.get(service.category, 0) + 1
    return [
        Row(c.id, (*cells(c), str(counts.get(c.id, 0)), problems.cell("category", c.id)))
        for c in cat.categories.values()
    ]


def leading_number(cell: str) -> tuple[int, int]:
    head = cell.split(":", 1)[0]
    return (0, int(head)) if head.isdigit() else (1, 0)
