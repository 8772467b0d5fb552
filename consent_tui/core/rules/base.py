"""What every rule family shares: rule records, places, and the collecting context.

A family module declares its :class:`Rule` records and a ``check(ctx)``
function that walks the catalogue once and calls :meth:`Context.report` for
each finding. Lines and columns are looked up only for the problems kept, so
a clean catalogue never pays for reading its source text.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from consent_tui.core.model import Catalogue
from consent_tui.core.reference import langtags
from consent_tui.core.rules.problem import Problem, ProblemEntity, Severity
from consent_tui.core.store import KeyPath, SourceMap, Statement
from consent_tui.core.values import printable


@dataclass(frozen=True, slots=True)
class Rule:
    """A documented check with a stable kebab-case id and a fixed severity."""

    id: str
    severity: Severity
    family: str
    summary: str  # what it checks, one sentence
    why: str  # why it matters
    fix: str  # how to fix it (also the default hint)
    source: str = ""  # the regulation or standard behind it, if any
    bad: str = ""  # a TOML fragment that triggers it
    good: str = ""  # the same fragment, fixed


# Order of the parts of a catalogue, for problems sorted as the file reads.
CATALOGUE, POLICY, BANNER, CATEGORIES, PURPOSES, SERVICES = range(6)


@dataclass(frozen=True, slots=True)
class Loc:
    """Where an entity is: its kind and id, its TOML path, its place in the model."""

    kind: ProblemEntity
    id: str | None
    path: KeyPath
    order: tuple[int, int, int]
    label: str  # how messages name it: "service `ods-auth`"


def policy_loc() -> Loc:
    return Loc("policy", None, ("policy",), (POLICY, 0, -1), "[policy]")


def document_loc() -> Loc:
    """``[policy.document]``: problems belong to the policy entity."""
    return Loc("policy", None, ("policy", "document"), (POLICY, 0, -1), "[policy.document]")


def changelog_loc(index: int) -> Loc:
    """``[[policy.changelog]]`` entry ``index``: problems belong to the policy entity."""
    path = ("policy", "changelog", index)
    return Loc("policy", None, path, (POLICY, 0, index), f"changelog entry #{index + 1}")


def banner_loc() -> Loc:
    return Loc("banner", None, ("banner",), (BANNER, 0, -1), "[banner]")


def catalogue_loc() -> Loc:
    return Loc("catalogue", None, (), (CATALOGUE, 0, -1), "the catalogue")


def category_loc(index: int, cid: str) -> Loc:
    return Loc("category", cid, ("categories", cid), (CATEGORIES, index, -1), f"category `{cid}`")


def purpose_loc(index: int, pid: str) -> Loc:
    return Loc("purpose", pid, ("purposes", pid), (PURPOSES, index, -1), f"purpose `{pid}`")


def service_loc(index: int, sid: str) -> Loc:
    return Loc("service", sid, ("services", sid), (SERVICES, index, -1), f"service `{sid}`")


def cookie_loc(s_index: int, sid: str, c_index: int, name: str | None) -> Loc:
    what = f"cookie `{name}`" if name else f"cookie #{c_index + 1}"
    return Loc(
        "cookie",
        f"{sid}/{c_index}",
        ("services", sid, "cookies", c_index),
        (SERVICES, s_index, c_index),
        f"{what} of service `{sid}`",
    )


@dataclass(slots=True)
class _Pending:
    order: tuple[int, int, int]
    seq: int
    fields: tuple[str, Severity, str, ProblemEntity, str | None, str | None, str | None]
    language: str | None
    path: KeyPath
    alt: KeyPath | None


_HINTS: dict[str, str] = {}  # a rule's default hint, by id


class Context:
    """The catalogue under check, with shared lookups and the problems found.

    ``wanted`` (rule ids) keeps only those rules' problems: a report of any
    other rule is dropped before anything is made of it.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        baseline: Catalogue | None = None,
        wanted: frozenset[str] | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.baseline = baseline  # what ``validate --baseline`` compares with
        self.lang = catalogue.default_language
        self.languages = catalogue.languages
        self.declared = frozenset(self.languages)
        # The declared languages a text is expected in: valid codes, each once.
        self.expected = tuple(dict.fromkeys(t for t in self.languages if langtags.is_valid(t)))
        self.wanted = wanted
        self._pending: list[_Pending] = []

    def report(
        self,
        rule: Rule,
        loc: Loc,
        message: str,
        *,
        field: str | None = None,
        key: KeyPath = (),
        hint: str | None = None,
        language: str | None = None,
        alt: KeyPath | None = None,
    ) -> None:
        """Record a problem of ``rule`` on ``loc``.

        ``key`` is the path of the value inside the entity (``(field,)`` by
        default); the problem takes the line of that key, else of ``alt``,
        else of the closest enclosing table in the file.
        """
        if self.wanted is not None and rule.id not in self.wanted:
            return
        if not key and field is not None:
            key = (field,)
        if hint is None:
            shown = _HINTS.get(rule.id)
            if shown is None:
                shown = _HINTS[rule.id] = as_hint(rule.fix)
        else:
            shown = printable(hint)
        fields = (rule.id, rule.severity, printable(message), loc.kind, loc.id, field, shown)
        alt_path = loc.path + alt if alt is not None else None
        self._pending.append(
            _Pending(loc.order, len(self._pending), fields, language, loc.path + key, alt_path)
        )

    def problems(self, source: SourceMap | None) -> list[Problem]:
        """The problems in model order, with lines and columns from ``source``."""
        pending = sorted(self._pending, key=lambda p: (p.order, p.seq))
        if source is None:
            return [Problem(*p.fields, language=p.language) for p in pending]
        out = []
        for p in pending:
            stmt = _locate(source, p.path, p.alt)
            if stmt is None:
                out.append(Problem(*p.fields, language=p.language))
            else:
                out.append(Problem(*p.fields, stmt.line, stmt.col, p.language))
        return out


def _locate(source: SourceMap, path: KeyPath, alt: KeyPath | None) -> Statement | None:
    try:
        stmt = source.find(path)
        if stmt is None and alt is not None:
            stmt = source.find(alt)
        if stmt is None and path:
            stmt = source.nearest(path)
        return stmt
    except Exception:  # a scanner failure costs the position, never the problem
        return None


# -- small helpers for messages

_KINDS: Final = (
    (bool, "a boolean"),
    (int, "an integer"),
    (float, "a float"),
    (str, "a string"),
    (dt.datetime, "a date-time"),
    (dt.date, "a date"),
    (dt.time, "a time"),
    (list, "an array"),
    (dict, "a table"),
)


def kind_of(value: object) -> str:
    """How TOML calls the type of ``value`` ("a string", "an array", ...)."""
    if isinstance(value, dict) and not value:
        return "an empty table"
    if isinstance(value, list) and not value:
        return "an empty array"
    for cls, name in _KINDS:
        if isinstance(value, cls):
            return name
    return type(value).__name__


def quote(value: object, limit: int = 60) -> str:
    """``value`` as TOML-ish text for a message, shortened when long."""
    text = f'"{value}"' if isinstance(value, str) else repr(value)
    if isinstance(value, bool):
        text = "true" if value else "false"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def language(tag: str) -> str:
    """A language for a message: ``français (fr)``; the tag in quotes when it has no name."""
    return langtags.label(tag) if langtags.name(tag) else quote(tag)


def did_you_mean(value: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to ``value`` (ignoring case), if one is close."""
    options = list(choices)
    lowered = {c.lower(): c for c in options}
    if value.lower() in lowered:
        return lowered[value.lower()]
    low_value = value.lower()
    for related in (
        [c for low, c in lowered.items() if value and low.startswith(low_value)],
        [c for low, c in lowered.items() if len(low) >= 3 and low_value.startswith(low)],
    ):
        if len(related) == 1:  # "local" -> "local_storage", "introduction" -> "intro"
            return related[0]
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def one_of(values: Sequence[str]) -> str:
    """``"a", "b" or "c"`` for a hint."""
    quoted = [f'"{v}"' for v in values]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def as_hint(text: str) -> str:
    """A rule's fix sentence as a hint: "add …" rather than "Add …"."""
    text = text.removesuffix(".")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def is_blank(value: str) -> bool:
    return not value or value.isspace()
