"""Which catalogue field each column of a table holds: by its header's words, then by its cells.

A header is matched whole against the words of :mod:`vocabulary` (score 3),
then by a word inside it (score 2: "Maximum storage duration", "Cookie type");
"Service"-like headers name the provider when nothing better does (score 1).
The cells then settle what headers leave open: a *Type* column of "First party"
/ "Third party" holds the party, one of "HTTP Cookie" / "HTML Local Storage" the
storage type. A table without a header row is read by its cells alone. Each
role goes to one column; a column left without one is a user column of the
layout (``own_columns``), so nothing is dropped. ``--map`` overrides all this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from consent_tui.core.importers import vocabulary as vocab
from consent_tui.core.importers.lifetimes import read_lifetime
from consent_tui.core.importers.names import split_names
from consent_tui.core.importers.tables import Slot, SourceCell, SourceTable, grid

OWN: Final = "own"
IGNORE: Final = "ignore"
MAP_TARGETS: Final = (*vocab.ROLES, OWN, IGNORE)
_TECHNICAL = re.compile(r"[_\d.\-$*#{}\[\]<>]|[a-z][A-Z]")
_HOST = re.compile(r"\.?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}", re.IGNORECASE)
_URL = re.compile(r"https?://\S+\Z", re.IGNORECASE)


@dataclass
class Column:
    """A column of a source table and what the import makes of it.

    ``role`` is the field it holds (:data:`vocabulary.ROLES`), ``None`` for a
    user column. ``level`` says whether its cells belong to a cookie or to a
    service; ``as_written`` that the field is filled but the column shows the
    cells as written (a user column), because the field cannot show them.
    """

    index: int
    header: str | None
    role: str | None
    why: str
    level: str = "cookie"
    as_written: bool = False
    own: str | None = None
    ignored: bool = False

    @property
    def shown_as_own(self) -> bool:
        return self.role is None or self.as_written

    def own_level(self, per_cookie: bool) -> str:
        """Where a user column showing it keeps its values: the service in a row per service."""
        return self.level if per_cookie else "service"


def header_role(text: str) -> tuple[str, int] | None:
    """The role a header's words name, with how sure: 3 whole, 2 by a word, 1 a service."""
    folded = vocab.fold(text)
    if not folded:
        return None
    tokens = folded.split()
    if len(tokens) <= 2 and any(token in vocab.SERVICE_WORDS for token in tokens):
        return "provider", 1
    role = vocab.tables()[0].get(folded)
    if role is not None:
        return role, 3
    for role, words in vocab.KEYWORDS:
        for word in words:
            if " " in word or len(word) >= 5:
                if word in folded:
                    return role, 2
            elif any(token.startswith(word) for token in tokens):
                return role, 2
    return None


def looks_like_header(cells: tuple[SourceCell, ...]) -> bool:
    """A first row written as data that names columns ("Name", "Provider", "Expiry" in bold)."""
    roles = [found[0] for found in (header_role(c.text) for c in cells) if found is not None]
    return ("name" in roles and len(roles) >= 2) or len(set(roles)) >= 3


def _rate(values: list[str], test: object) -> float:
    if not values:
        return 0.0
    check = test if callable(test) else None
    assert check is not None
    return sum(1 for v in values if check(v)) / len(values)


def _technical(value: str) -> bool:
    names, _ = split_names(value)
    return bool(names) and all(" " not in n for n in names) and bool(_TECHNICAL.search(value))


SAMPLE = 400  # cells of a column looked at to tell what it holds


def profile(values: list[str]) -> dict[str, float]:
    """For each role, the share of the non-empty cells that look like it (a sample of them)."""
    filled = [v for v in values if v]
    if len(filled) > SAMPLE:
        step = len(filled) / SAMPLE
        filled = [filled[int(i * step)] for i in range(SAMPLE)]
    if not filled:
        return {}
    return {
        "duration": _rate(filled, lambda v: read_lifetime(v) is not None),
        "party": _rate(filled, lambda v: vocab.party(v) is not None),
        "type": _rate(filled, lambda v: vocab.storage_type(v) is not None),
        "name": _rate(filled, _technical),
        "domain": _rate(filled, lambda v: bool(_HOST.fullmatch(v.strip()))),
        "privacy_policy": _rate(filled, lambda v: bool(_URL.match(v.strip()))),
        "long": sum(len(v) for v in filled) / len(filled),
    }


def column_values(table: SourceTable, cells: list[list[Slot]] | None = None) -> list[list[str]]:
    """The texts of each column's cells (each merged cell once)."""
    width = table.width
    out: list[list[str]] = [[] for _ in range(width)]
    for row in cells if cells is not None else grid(table.rows, width):
        for c, slot in enumerate(row):
            if slot.origin:
                out[c].append(slot.cell.text)
    return out


def header_texts(table: SourceTable) -> list[str | None]:
    """The header text over each column; ``None`` without a header row."""
    width = table.width
    if table.header is None:
        return [None] * width
    texts: list[str | None] = []
    for slot in grid((table.header,), width)[0]:
        texts.append(slot.cell.text.replace("\n", " ") if slot.origin else "")
    return texts


def _by_content(role: str, rates: dict[str, float], strict: bool) -> bool:
    bar = 0.8 if strict else 0.6
    if role == "description":
        return rates.get("long", 0) >= 25
    return rates.get(role, 0.0) >= bar


def assign(
    table: SourceTable,
    overrides: dict[str, str] | None = None,
    cells: list[list[Slot]] | None = None,
) -> list[Column]:
    """The columns of ``table`` with their roles (``cells``: its grid, when made already)."""
    headers = header_texts(table)
    values = column_values(table, cells)
    rates = [profile(v) for v in values]
    columns = [Column(i, h, None, "") for i, h in enumerate(headers)]
    wanted: dict[int, tuple[str, int, str]] = {}
    for column in columns:
        forced = _override(column, overrides or {})
        if forced is not None:
            if forced == IGNORE:
                column.ignored, column.why = True, "--map"
            elif forced != OWN:
                wanted[column.index] = (forced, 9, "--map")
            else:
                column.why = "--map"
            continue
        if column.header:
            found = header_role(column.header)
            if found is not None:
                settled = _settled(found[0], rates[column.index])
                if settled is not None:
                    wanted[column.index] = (settled, found[1], f"header {column.header!r}")
    taken: dict[str, int] = {}
    for index, (role, _score, why) in sorted(wanted.items(), key=lambda kv: (-kv[1][1], kv[0])):
        if role in taken:
            continue
        taken[role] = index
        columns[index].role, columns[index].why = role, why
    for role in ("name", "duration", "party", "type", "domain", "privacy_policy", "description"):
        if role in taken:
            continue
        for column in columns:
            if column.role is not None or column.ignored or column.why == "--map":
                continue
            if _by_content(role, rates[column.index], strict=column.header is not None):
                column.role, column.why = role, "its cells"
                taken[role] = column.index
                break
    return columns


def _settled(role: str, rates: dict[str, float]) -> str | None:
    """What a *Type*, *Party* or *Category* header holds, by its cells."""
    if role not in ("type", "party", "category") or not rates:
        return role
    if rates.get("party", 0) >= 0.6:
        return "party"
    if rates.get("type", 0) >= 0.6:
        return "type"
    if role == "category":
        return role
    return None  # "Type: Persistent / Session", "Type: Analytics": a user column


def _override(column: Column, overrides: dict[str, str]) -> str | None:
    number = str(column.index + 1)
    if number in overrides:
        return overrides[number]
    if column.header is not None:
        return overrides.get(vocab.fold(column.header))
    return None


def is_cookie_table(columns: list[Column], *, headers_only: bool = False) -> bool:
    """A column of names, and another known column or a header that says "cookie".

    ``headers_only``: judged by the header row alone (a table without rows).
    """
    if headers_only:
        columns = [c for c in columns if c.why.startswith("header")]
    names = [c for c in columns if c.role == "name"]
    if not names:
        return False
    others = [c for c in columns if c.role not in (None, "name")]
    header = vocab.fold(names[0].header or "")
    return bool(others) or any(w in header for w in ("cookie", "traceur", "key", "storage"))
