"""How ``consent-tui validate`` prints problems: text, JSON or GitHub annotations."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from consent_tui.core.validation import SEVERITIES, Problem, Rule, Severity
from consent_tui.core.values import printable


@dataclass(frozen=True, slots=True)
class FileReport:
    """The problems of one file, as the user named it."""

    path: str
    problems: list[Problem]
    unreadable: bool = False


def sort_key(problem: Problem) -> tuple[int, int]:
    """File order: problems without a place first, then by line and column."""
    return (problem.line or 0, problem.col or 0)


# -- colour: plain ANSI, on a terminal only, never when NO_COLOR is set

_RESET = "\x1b[0m"
_STYLES: dict[str, str] = {
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "info": "\x1b[1;36m",
    "place": "\x1b[1m",
    "rule": "\x1b[2m",
    "hint": "\x1b[1;32m",
    "ok": "\x1b[1;32m",
}


def use_colour(choice: str, stream: TextIO) -> bool:
    """``--color auto`` means: a terminal, and neither NO_COLOR nor TERM=dumb."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Painter:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, style: str, text: str) -> str:
        return f"{_STYLES[style]}{text}{_RESET}" if self.enabled else text


# -- formats


def _place(path: str, problem: Problem) -> str:
    shown = printable(path)  # a file name must not drive the terminal
    if problem.line is None:
        return shown
    return f"{shown}:{problem.line}:{problem.col or 1}"


def text(reports: Sequence[FileReport], paint: Painter, strict: bool) -> str:
    """Compiler-style lines, a hint under each, and a summary line."""
    lines: list[str] = []
    for report in reports:
        for p in sorted(report.problems, key=sort_key):
            severity = paint(p.severity, p.severity)
            rule = paint("rule", f"[{p.rule}]")
            lines.append(f"{paint('place', _place(report.path, p))}: {severity}{rule}: {p.message}")
            if p.hint:
                lines.append(f"    {paint('hint', 'hint:')} {p.hint}")
    if lines:
        lines.append("")
    lines.append(summary(reports, paint, strict))
    return "\n".join(lines) + "\n"


def _plural(n: int, word: str) -> str:
    if word == "info":
        return f"{n} info"
    return f"{n} {word}" + ("" if n == 1 else "s")


def summary(reports: Sequence[FileReport], paint: Painter, strict: bool) -> str:
    files = _plural(len(reports), "file")
    totals = {s: 0 for s in SEVERITIES}
    for report in reports:
        for p in report.problems:
            totals[p.severity] += 1
    if not any(totals.values()):
        return paint("ok", f"Checked {files}: no problems.")
    parts = [_plural(totals[s], s) for s in SEVERITIES]
    failing = totals["error"] or (strict and totals["warning"])
    text_ = f"Checked {files}: {', '.join(parts)}."
    unreadable = sum(1 for r in reports if r.unreadable)
    if unreadable:
        text_ += f" {_plural(unreadable, 'file')} could not be read as a catalogue."
    if strict and totals["warning"]:
        text_ += " (--strict: warnings fail)"
    return paint("error" if failing else "ok", text_)


def as_json(reports: Sequence[FileReport]) -> str:
    """A JSON list of problem objects, each naming its file."""
    items = []
    for report in reports:
        for p in sorted(report.problems, key=sort_key):
            items.append({"file": report.path, **p.as_dict()})
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


_LEVELS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(reports: Sequence[FileReport]) -> str:
    """GitHub Actions workflow commands: one annotation per problem."""
    lines = []
    for report in reports:
        for p in sorted(report.problems, key=sort_key):
            props = [f"file={_escape_property(report.path)}"]
            if p.line is not None:
                props.append(f"line={p.line}")
                props.append(f"col={p.col or 1}")
            props.append(f"title={_escape_property(p.rule)}")
            message = p.message + (f"\nhint: {p.hint}" if p.hint else "")
            lines.append(f"::{_LEVELS[p.severity]} {','.join(props)}::{_escape_data(message)}")
    return "".join(line + "\n" for line in lines)


def explain(rule: Rule) -> str:
    """The documentation of one rule, for ``--explain``."""
    out = [f"{rule.id} ({rule.severity}, {rule.family})", "", rule.summary, "", f"Why: {rule.why}"]
    if rule.source:
        out += ["", f"Source: {rule.source}"]
    out += ["", f"Fix: {rule.fix}"]
    if rule.bad:
        out += ["", "Example (problem):", *("    " + x for x in rule.bad.splitlines())]
    if rule.good:
        out += ["", "Fixed:", *("    " + x for x in rule.good.splitlines())]
    return "\n".join(out) + "\n"


def rule_table(rules: Sequence[Rule]) -> str:
    width = max(len(r.id) for r in rules)
    return "".join(f"{r.id:<{width}}  {r.severity:<7}  {r.summary}\n" for r in rules)
