"""How ``consent-tui diff`` prints the changes: text, JSON, Markdown or GitHub annotations."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from consent_tui.commands.validate_output import Painter
from consent_tui.core.changes import Change, Comparison
from consent_tui.core.model import ChangelogEntry
from consent_tui.core.store import SourceMap, Statement

DIFF_VERSION: Final = 1


@dataclass
class Report:
    """One comparison as the command ran it: names, texts, and what it wrote."""

    old_name: str
    new_name: str
    new_file: str  # the path of NEW, for annotations
    comparison: Comparison
    old_text: str
    new_text: str
    bumped: tuple[int | None, int] | None = None  # revision before and after --bump
    entry: ChangelogEntry | None = None  # the entry --changelog wrote
    _maps: dict[str, SourceMap] = field(default_factory=dict)

    def _map(self, which: str) -> SourceMap:
        found = self._maps.get(which)
        if found is None:
            text = self.new_text if which == "new" else self.old_text
            found = self._maps[which] = SourceMap(text.removeprefix("\ufeff"))
        return found

    def position(self, change: Change, which: str = "new") -> Statement | None:
        """Where ``change`` stands in the new (or old) file, if it stands there."""
        path = change.path if which == "new" else change.old_path
        if not path:
            return None
        try:
            return self._map(which).nearest(path)
        except Exception:  # a scanner failure costs the position, never the report
            return None

    def anchor(self, change: Change) -> Statement | None:
        """A line of the new file for an annotation: the change's, else its entity's."""
        found = self.position(change)
        if found is None and change.entity in ("service", "cookie") and change.id:
            sid = change.id.split("/")[0]
            try:
                found = self._map("new").find(("services", sid))
            except Exception:
                found = None
        return found


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _counts(comparison: Comparison) -> str:
    counts = comparison.counts()
    return (
        f"{_plural(counts['material'], 'material change')}, {counts['informational']} informational"
    )


def advice(report: Report) -> str:
    """What the revision says about the changes, in one sentence."""
    comparison = report.comparison
    old, new = comparison.old_revision, comparison.new_revision
    if report.bumped is not None:
        return f"[banner] revision raised {report.bumped[0] or 0} → {report.bumped[1]} (--bump)."
    if not comparison.is_material:
        return "Nothing needs fresh consent."
    if comparison.revision_raised:
        return f"[banner] revision raised {old or 0} → {new}: the banners will ask visitors again."
    target = max(old or 0, new or 0) + 1
    return (
        f"[banner] revision was not raised ({new if new is not None else 'none'}): raise it to "
        f"{target} (or run with --bump) so that the banners ask every visitor again."
    )


def _grouped(changes: Iterable[Change]) -> dict[str, list[Change]]:
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.group, []).append(change)
    return groups


def _line(change: Change) -> str:
    return f"{change.subject}: {change.detail}" if change.subject else change.detail


# -- text


def text(report: Report, paint: Painter) -> str:
    comparison = report.comparison
    head = f"{report.old_name} → {report.new_name}"
    if not comparison.changes:
        return (
            f"{head}: {paint('ok', 'no changes')} (comments, layout and order are not compared).\n"
        )
    out = [f"{head}: {_counts(comparison)}", ""]
    for title, style, changes in (
        ("Material: visitors must be asked again", "warning", comparison.material),
        ("Informational", "info", comparison.informational),
    ):
        if not changes:
            continue
        out.append(paint(style, title))
        for group, items in _grouped(changes).items():
            out.append(f"  {paint('place', group)}")
            out += [f"    {_line(c)} {paint('rule', '[' + c.rule + ']')}" for c in items]
        out.append("")
    style = "error" if comparison.needs_revision and report.bumped is None else "ok"
    out.append(paint(style, advice(report)))
    if report.entry is not None:
        out.append(f"Changelog entry of {_date(report.entry)} written into {report.new_name}.")
    return "\n".join(out) + "\n"


def _date(entry: ChangelogEntry) -> str:
    return entry.date.isoformat() if entry.date else "(undated)"


# -- JSON


def _where(found: Statement | None) -> tuple[int | None, int | None]:
    return (found.line, found.col) if found is not None else (None, None)


def change_data(report: Report, change: Change) -> dict[str, Any]:
    line, col = _where(report.position(change))
    old_line, old_col = _where(report.position(change, "old"))
    return {
        "rule": change.rule,
        "impact": change.impact,
        "kind": change.kind,
        "entity": change.entity,
        "id": change.id,
        "old_id": change.old_id,
        "field": change.field,
        "language": change.language,
        "old": change.old,
        "new": change.new,
        "message": change.message,
        "reason": change.reason,
        "path": list(change.path) if change.path is not None else None,
        "old_path": list(change.old_path) if change.old_path is not None else None,
        "line": line,
        "col": col,
        "old_line": old_line,
        "old_col": old_col,
    }


def as_json(report: Report) -> str:
    comparison = report.comparison
    data = {
        "diff_version": DIFF_VERSION,
        "old": {"source": report.old_name, "revision": comparison.old_revision},
        "new": {"source": report.new_name, "revision": comparison.new_revision},
        "material": comparison.is_material,
        "revision_raised": comparison.revision_raised,
        "needs_revision": comparison.needs_revision,
        "counts": comparison.counts(),
        "bumped": None
        if report.bumped is None
        else {"from": report.bumped[0], "to": report.bumped[1]},
        "changelog_entry": None
        if report.entry is None
        else {
            "date": _date(report.entry),
            "text": dict(report.entry.text.values) if report.entry.text else None,
        },
        "changes": [change_data(report, c) for c in comparison.changes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- Markdown, for a pull-request comment

_SPAN: Final = re.compile(r"`([^`]*)`")


def md(message: str) -> str:
    """A message as Markdown: its ```names``` as code, everything else shown literally."""
    from consent_tui.core.export.escape import md_code, md_inline

    out = []
    for i, part in enumerate(_SPAN.split(message)):
        if i % 2:
            out.append(md_code(part) or md_inline(part))
        else:
            out.append(md_inline(part))
    return "".join(out)


def _table(changes: Iterable[Change]) -> list[str]:
    rows = ["| Where | Change | Rule |", "| --- | --- | --- |"]
    for c in changes:
        where = f"{c.group}, {c.subject}" if c.subject else c.group
        rows.append(f"| {md(where)} | {md(c.detail)} | `{c.rule}` |")
    return rows


def markdown(report: Report) -> str:
    comparison = report.comparison
    names = f"{md('`' + report.old_name + '`')} → {md('`' + report.new_name + '`')}"
    out = ["### Cookie catalogue changes", ""]
    if not comparison.changes:
        out.append(f"{names}: no changes (comments, layout and order are not compared).")
        return "\n".join(out) + "\n"
    counts = comparison.counts()
    material = _plural(counts["material"], "material change")
    out.append(f"{names}: **{material}**, {counts['informational']} informational.")
    out.append("")
    if comparison.is_material:
        kind = "WARNING" if comparison.needs_revision and report.bumped is None else "NOTE"
        said = advice(report).replace("[banner] revision", "`[banner] revision`")
        out += [f"> [!{kind}]", f"> {md(said.replace('--bump', '`--bump`'))}", ""]
        out += ["#### Material: visitors must be asked again", "", *_table(comparison.material)]
        out.append("")
    if comparison.informational:
        n = len(comparison.informational)
        out += [f"<details><summary>{_plural(n, 'informational change')}</summary>", ""]
        out += [*_table(comparison.informational), "", "</details>", ""]
    return "\n".join(out).rstrip("\n") + "\n"


# -- GitHub Actions annotations on the new file


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: Report) -> str:
    comparison = report.comparison
    unmet = comparison.needs_revision and report.bumped is None
    lines = []
    for change in comparison.changes:
        level = ("error" if unmet else "warning") if change.material else "notice"
        props = [f"file={_escape_property(report.new_file)}"]
        found = report.anchor(change)
        if found is not None:
            props += [f"line={found.line}", f"col={found.col}"]
        props.append(f"title={_escape_property(change.impact + ' change: ' + change.rule)}")
        message = f"{change.message}\n{change.reason}"
        lines.append(f"::{level} {','.join(props)}::{_escape_data(message)}")
    if unmet:
        props = [f"file={_escape_property(report.new_file)}"]
        try:
            found = SourceMap(report.new_text.removeprefix("\ufeff")).nearest(
                ("banner", "revision")
            )
        except Exception:
            found = None
        if found is not None:
            props += [f"line={found.line}", f"col={found.col}"]
        props.append("title=revision-not-raised")
        lines.append(f"::error {','.join(props)}::{_escape_data(advice(report))}")
    return "".join(line + "\n" for line in lines)
