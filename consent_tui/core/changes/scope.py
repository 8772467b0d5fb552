"""Recording changes: where they stand (a :class:`Scope`) and the field comparers.

A scope is one entity as the messages name it, with its paths in both files;
:class:`Recorder` compares fields within it (texts per language, durations,
plain values, unknown keys) and records a :class:`Change` for each difference.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from consent_tui.core.changes.canon import same
from consent_tui.core.changes.record import (
    Change,
    ChangeEntity,
    Kind,
    Path,
    as_json,
    escaped,
    excerpts,
    shown,
)
from consent_tui.core.durations import try_parse
from consent_tui.core.model import Text


@dataclass(frozen=True, slots=True)
class Scope:
    """An entity being compared: its kind and id, how messages name it, its paths."""

    entity: ChangeEntity
    id: str | None
    group: str
    subject: str = ""
    old_id: str | None = None
    path: Path | None = None  # in the new file; None when the entity is gone
    old_path: Path | None = None  # in the old file; None when the entity is new
    prefix: str = ""  # field names start with it ("document." in [policy.document])

    def within(self, key: str, prefix: str) -> Scope:
        """The sub-table ``key`` of this scope, its fields named ``prefix…``."""
        return replace(
            self,
            path=None if self.path is None else (*self.path, key),
            old_path=None if self.old_path is None else (*self.old_path, key),
            prefix=self.prefix + prefix,
        )


def _at(base: Path | None, key: tuple[str | int, ...]) -> Path | None:
    return None if base is None else (*base, *key)


class Recorder:
    """Collects the changes found, in the order they are found."""

    def __init__(self) -> None:
        self.changes: list[Change] = []

    def add(
        self,
        scope: Scope,
        rule: str,
        kind: Kind,
        detail: str,
        *,
        field: str | None = None,
        language: str | None = None,
        old: Any = None,
        new: Any = None,
        key: tuple[str | int, ...] = (),
    ) -> None:
        """Record one change; ``key`` is where it stands inside the scope's table."""
        self.changes.append(
            Change(
                rule=rule,
                kind=kind,
                entity=scope.entity,
                id=scope.id,
                group=scope.group,
                subject=scope.subject,
                detail=detail,
                old_id=scope.old_id,
                field=scope.prefix + field if field else None,
                language=language,
                old=as_json(old),
                new=as_json(new),
                path=_at(scope.path, key) if scope.path is not None else None,
                old_path=_at(scope.old_path, key),
            )
        )

    # -- fields

    def value(
        self, scope: Scope, field: str, old: Any, new: Any, rule: str = "field-changed"
    ) -> None:
        """A plain value: recorded when its meaning changed."""
        if same(old, new):
            return
        name = scope.prefix + field
        if old is None:
            detail = f"{name} set to {shown(as_json(new))}"
        elif new is None:
            detail = f"{name} removed (was {shown(as_json(old))})"
        elif isinstance(old, str) and isinstance(new, str):
            was, now = excerpts(old, new)
            detail = f"{name} {was} → {now}"
        else:
            detail = f"{name} {shown(as_json(old))} → {shown(as_json(new))}"
        self.add(scope, rule, "changed", detail, field=field, old=old, new=new, key=(field,))

    def text(
        self,
        scope: Scope,
        field: str,
        old: Text | None,
        new: Text | None,
        rule: str = "text-changed",
        key: tuple[str | int, ...] | None = None,
    ) -> None:
        """A translatable text: one change per language added, changed or removed."""
        was = dict(old.values) if old is not None else {}
        now = dict(new.values) if new is not None else {}
        if was == now:
            return
        name = scope.prefix + field
        where = key or (field,)
        for lang in [*now, *(k for k in was if k not in now)]:
            before, after = was.get(lang), now.get(lang)
            if before == after:
                continue
            if before is None:
                detail = f"{name} ({escaped(lang)}) added: {shown(after)}"
            elif after is None:
                detail = f"{name} ({escaped(lang)}) removed (was {shown(before)})"
            else:
                quoted = excerpts(before, after)
                detail = f"{name} ({escaped(lang)}) {quoted[0]} → {quoted[1]}"
            self.add(
                scope,
                rule,
                "changed",
                detail,
                field=field,
                language=lang,
                old=before,
                new=after,
                key=(*where, lang),
            )

    def extra(self, scope: Scope, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        """Unknown keys and values of the wrong type, key by key."""
        if not old and not new:
            return
        for key in [*new, *(k for k in old if k not in new)]:
            self.value(scope, key, old.get(key), new.get(key))

    def duration(
        self,
        scope: Scope,
        field: str,
        old: str | None,
        new: str | None,
        longer: str = "lifetime-longer",
        shorter: str = "lifetime-shorter",
    ) -> None:
        """A lifetime: longer and shorter told apart by the parsed durations."""
        if old == new:
            return
        was, now = try_parse(old), try_parse(new)
        if was is None or now is None:
            self.value(scope, field, old, new)  # cannot be compared: a plain change
            return
        a, b = was.seconds, now.seconds  # None: persistent, longer than any fixed time
        name = scope.prefix + field
        if a == b:
            rule, how = "lifetime-reworded", "same length"
        elif a is not None and (b is None or b > a):
            rule, how = longer, "longer"
        else:
            rule, how = shorter, "shorter"
        detail = f"{name} {shown(old)} → {shown(new)} ({how})"
        self.add(scope, rule, "changed", detail, field=field, old=old, new=new, key=(field,))
