"""What the comparer finds: :class:`Change` records, gathered in a :class:`Comparison`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

from consent_tui.core.changes.rules import RULES, Impact
from consent_tui.core.model import Text

Kind = Literal["added", "removed", "renamed", "moved", "changed"]
ChangeEntity = Literal["catalogue", "policy", "banner", "category", "purpose", "service", "cookie"]
Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """One change from the old catalogue to the new one, in words and as data.

    ``id`` names the entity in the new catalogue (in the old one when it was
    removed): a category, purpose or service id, or ``"<service id>/<index>"``
    for a cookie, as validation problems do; ``old_id`` is its id in the old
    catalogue when that differs (renamed, moved). ``old``/``new`` are JSON-ready
    values (``None`` when absent). ``path`` is where the change stands in the
    new file (``None`` for a removal), ``old_path`` in the old one.

    ``group`` names the top entity the change belongs to (``service `ga```),
    ``subject`` what changed inside it (``cookie `_ga```; empty for the entity
    itself) and ``detail`` what happened, so that ``message`` reads on its own.
    """

    rule: str
    kind: Kind
    entity: ChangeEntity
    id: str | None
    group: str
    detail: str
    subject: str = ""
    old_id: str | None = None
    field: str | None = None
    language: str | None = None
    old: Any = None
    new: Any = None
    path: Path | None = None
    old_path: Path | None = None

    @property
    def impact(self) -> Impact:
        return RULES[self.rule].impact

    @property
    def material(self) -> bool:
        return RULES[self.rule].material

    @property
    def reason(self) -> str:
        return RULES[self.rule].reason

    @property
    def message(self) -> str:
        """``cookie `_ga` of service `ga`: duration "13 months" → "2 years" (longer)``."""
        where = f"{self.subject} of {self.group}" if self.subject else self.group
        return f"{where}: {self.detail}"


@dataclass(frozen=True, slots=True)
class Comparison:
    """Every change between two catalogues, in file order, and their revisions."""

    changes: tuple[Change, ...]
    old_revision: int | None = None
    new_revision: int | None = None

    @property
    def material(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.material)

    @property
    def informational(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if not c.material)

    @property
    def is_material(self) -> bool:
        return any(c.material for c in self.changes)

    @property
    def revision_raised(self) -> bool:
        """The new ``[banner] revision`` is higher than the old one (absent counts as 0)."""
        return (self.new_revision or 0) > (self.old_revision or 0)

    @property
    def needs_revision(self) -> bool:
        """Material changes, and a revision that was not raised: the banners would not ask."""
        return self.is_material and not self.revision_raised

    def counts(self) -> dict[Impact, int]:
        material = sum(1 for c in self.changes if c.material)
        return {"material": material, "informational": len(self.changes) - material}


# -- values and words shared by the comparers


def as_json(value: Any) -> Any:
    """A model value as JSON data: texts as tables, tuples as lists, dates as ISO strings."""
    if isinstance(value, Text):
        return dict(value.values)
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [as_json(v) for v in value]
    return value


_UNPRINTABLE: Final = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)
LIMIT: Final = 60


def shown(value: Any, limit: int = LIMIT) -> str:
    """A value for a message: strings quoted, control and bidi characters escaped, shortened."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        return '"' + escaped(value, limit - 2) + '"'
    elif isinstance(value, list | tuple):
        text = "[" + ", ".join(shown(v, limit) for v in value) + "]"
    else:
        text = str(as_json(value))
    return escaped(text, limit)


def escaped(text: str, limit: int = LIMIT) -> str:
    """``text`` with control and bidi characters escaped, shortened to ``limit``."""
    text = _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def excerpts(before: str, after: str, limit: int = LIMIT) -> tuple[str, str]:
    """Both texts quoted for a message, from a little before where they first differ."""
    if len(before) <= limit - 2 and len(after) <= limit - 2:
        return shown(before, limit), shown(after, limit)
    same = 0
    while same < min(len(before), len(after)) and before[same] == after[same]:
        same += 1
    start = max(0, same - 20)
    if start:
        space = before.rfind(" ", 0, start + 1)
        start = space + 1 if space > start - 15 else start
    lead = "…" if start else ""
    return (
        '"' + lead + escaped(before[start:], limit - 2 - len(lead)) + '"',
        '"' + lead + escaped(after[start:], limit - 2 - len(lead)) + '"',
    )


def code(name: str | None) -> str:
    """An id or a name as messages write it: ```name```, escaped; ``(unnamed)`` for none.

    A backtick in the name is written ``\\u0060``, so a span always ends where it seems to.
    """
    if not name:
        return "(unnamed)"
    return "`" + escaped(name).replace("`", "\\u0060") + "`"


def listed(names: list[str], most: int = 5) -> str:
    """``a, b and c``; ``a, b, c, d, e and 3 more`` beyond ``most``."""
    if len(names) > most:
        return ", ".join(names[:most]) + f" and {len(names) - most} more"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
