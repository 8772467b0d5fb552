"""How ``consent-tui audit`` prints its report: grouped text, JSON or GitHub annotations.

Every untrusted text (names, domains, URLs, file names) is escaped by the core
or here (:func:`printable`), so nothing in a recording can move the cursor or
colour the terminal; values are never part of a report, only their length.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from consent_tui.commands.audit_known import fact_data, fact_text
from consent_tui.core.audit import BY_ID, RULES, AuditReport, Evidence, Finding, Ignored
from consent_tui.core.audit.places import finding_place, ignored_place
from consent_tui.core.audit.words import kind_word, shown
from consent_tui.core.evidence import FORMAT_NAMES
from consent_tui.core.store import SourceMap
from consent_tui.core.values import printable

if TYPE_CHECKING:
    from consent_tui.commands.audit_known import KnownStatus
    from consent_tui.commands.validate_output import Painter

JSON_FORMAT = "consent-tui-audit"
JSON_VERSION = 1


@dataclass(frozen=True, slots=True)
class Context:
    """The report with what every format needs around it."""

    catalogue: str
    report: AuditReport
    source: SourceMap | None
    skipped: list[tuple[str, str]]
    known: KnownStatus | None = None  # the known-cookie database, when one was looked for

    def places(self) -> Iterator[tuple[Finding, tuple[int, int]]]:
        for finding in self.report.findings:
            yield finding, finding_place(finding, self.source)


def _time(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def evidence_text(e: Evidence, occurrences: int, files: tuple[str, ...]) -> str:
    """``seen: file where, set by URL, at TIME, value 12 characters; 3 times in 2 files``."""
    parts = [f"{printable(e.file)} {printable(e.where)}"]
    if e.url:
        verb = "sent to" if e.origin == "request-cookie" else "from"
        url = printable(e.url)
        parts.append(f"{verb} {url if len(url) <= 120 else url[:119] + '…'}")
    if e.seen_at is not None:
        parts.append(f"at {_time(e.seen_at)}")
    parts.append(f"value {_plural(e.value_size, 'character')}")
    text = "seen: " + ", ".join(parts)
    if occurrences > 1:
        text += f"; {occurrences:,} times" + (f" in {len(files)} files" if len(files) > 1 else "")
    return text


def _header(ctx: Context) -> list[str]:
    report = ctx.report
    lines = [
        f"Audit of {printable(ctx.catalogue)} against {_plural(len(report.files), 'recording')}: "
        f"{_plural(report.observations, 'item')} seen, {report.matched:,} matched to the catalogue"
        + (f" (site {printable(report.site)})" if report.site else " (no [policy] site_url)")
    ]
    for f in report.files:
        what = FORMAT_NAMES.get(f.format, f.format)
        lines.append(
            f"  {f.state:<15} {printable(f.path)}  {what}, {_plural(len(f.observations), 'item')}"
        )
    return lines


def text(ctx: Context, paint: Painter) -> str:
    """The findings grouped by rule, each with its evidence and a hint; then the summary."""
    lines = _header(ctx)
    name = printable(ctx.catalogue)
    by_rule: dict[str, list[tuple[Finding, tuple[int, int]]]] = {}
    for finding, place in ctx.places():
        by_rule.setdefault(finding.rule, []).append((finding, place))
    for rule in RULES:
        found = by_rule.get(rule.id)
        if not found:
            continue
        lines += ["", paint("place", f"{rule.title} ({len(found)})")]
        for f, (line, col) in found:
            severity = paint(f.severity, f.severity)
            lines.append(
                f"  {paint('place', f'{name}:{line}:{col}')}: {severity}"
                f"{paint('rule', f'[{f.rule}]')}: {f.message}"
            )
            if f.evidence is not None:
                lines.append("      " + evidence_text(f.evidence, f.occurrences, f.files))
            if f.known is not None:
                lines.append("      " + fact_text(f.known))
            if f.hint:
                lines.append(f"      {paint('hint', 'hint:')} {f.hint}")
    if ctx.report.ignored:
        lines += ["", paint("place", f"Ignored ({len(ctx.report.ignored)})")]
        for item in ctx.report.ignored:
            line, col = ignored_place(item, ctx.source)
            lines.append(
                f"  {name}:{line}:{col}: {kind_word(item.kind)} {shown(item.name)} on "
                f"{printable(item.domain)}: ignored ({printable(item.reason) or 'no reason given'})"
            )
            lines.append("      " + evidence_text(item.evidence, item.occurrences, item.files))
    lines += ["", summary(ctx.report, paint)]
    if any(f.known is not None for f in ctx.report.findings) and ctx.known and ctx.known.source:
        info = ctx.known.source
        lines.append(
            f"(known: Open Cookie Database, {printable(info.licence)}, retrieved "
            f"{printable(info.retrieved[:10])})"
        )
    return "\n".join(lines) + "\n"


def summary(report: AuditReport, paint: Painter) -> str:
    errors, warnings = report.count("error"), report.count("warning")
    if not report.findings:
        text_ = "No findings: the recordings match the catalogue."
        if report.ignored:
            text_ = text_[:-1] + f" ({_plural(len(report.ignored), 'ignored item')})."
        return paint("ok", text_)
    parts = [_plural(errors, "error"), _plural(warnings, "warning")]
    if report.ignored:
        parts.append(f"{len(report.ignored):,} ignored")
    return paint("error" if errors else "warning", ", ".join(parts) + ".")


# -- JSON


def evidence_data(e: Evidence | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {
        "file": e.file,
        "where": e.where,
        "consent": e.state,
        "how": e.origin,
        "url": e.url,
        "seen_at": _time(e.seen_at),
        "value_size": e.value_size,
    }


def finding_data(f: Finding, place: tuple[int, int], catalogue: str) -> dict[str, Any]:
    observed = None
    if f.name is not None:
        observed = {
            "name": f.name,
            "type": f.kind,
            "domain": f.domain,
            "party": f.party,
            "lifetime_seconds": f.observed_lifetime,
            "session": f.observed_session,
        }
    return {
        "rule": f.rule,
        "severity": f.severity,
        "title": BY_ID[f.rule].title,
        "message": f.message,
        "hint": f.hint,
        "file": catalogue,
        "line": place[0],
        "col": place[1],
        "service": f.service_id,
        "cookie_index": f.cookie_index,
        "declared_name": f.declared_name,
        "declared_lifetime_seconds": f.declared_lifetime,
        "observed": observed,
        "evidence": evidence_data(f.evidence),
        "occurrences": f.occurrences,
        "files": list(f.files),
        "suggested_pattern": f.suggested_pattern,
        "known": fact_data(f.known),
    }


def ignored_data(item: Ignored, place: tuple[int, int]) -> dict[str, Any]:
    return {
        "name": item.name,
        "type": item.kind,
        "domain": item.domain,
        "reason": item.reason,
        "pattern": item.pattern,
        "entry": item.entry,
        "line": place[0],
        "col": place[1],
        "occurrences": item.occurrences,
        "files": list(item.files),
        "evidence": evidence_data(item.evidence),
    }


def as_json(ctx: Context) -> str:
    report = ctx.report
    data = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "catalogue": ctx.catalogue,
        "site": report.site,
        "summary": {
            "errors": report.count("error"),
            "warnings": report.count("warning"),
            "ignored": len(report.ignored),
            "recordings": len(report.files),
            "observations": report.observations,
            "matched": report.matched,
        },
        "recordings": [
            {
                "file": f.path,
                "format": f.format,
                "consent": f.state,
                "items": len(f.observations),
                "kinds": sorted(f.kinds),
                "has_cookie_data": f.has_cookie_data,
                "site": f.site,
                "pages": list(f.pages),
                "third_party_cookies": f.third_party_cookies,
                "recorded_at": _time(f.recorded_at),
                "notes": list(f.notes),
            }
            for f in report.files
        ],
        "skipped": [{"file": p, "reason": r} for p, r in ctx.skipped],
        "findings": [finding_data(f, place, ctx.catalogue) for f, place in ctx.places()],
        "ignored": [ignored_data(i, ignored_place(i, ctx.source)) for i in report.ignored],
        "known": ctx.known.as_dict() if ctx.known else None,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- GitHub workflow commands

_LEVELS = {"error": "error", "warning": "warning"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(ctx: Context) -> str:
    """One annotation per finding, on the catalogue's line (its top for undeclared items)."""
    out = []
    path = _escape_property(printable(ctx.catalogue))
    for f, (line, col) in ctx.places():
        message = f.message
        if f.evidence is not None:
            message += "\n" + evidence_text(f.evidence, f.occurrences, f.files)
        if f.known is not None:
            message += "\n" + fact_text(f.known)
        if f.hint:
            message += f"\nhint: {f.hint}"
        props = f"file={path},line={line},col={col},title={_escape_property(f.rule)}"
        out.append(f"::{_LEVELS[f.severity]} {props}::{_escape_data(message)}\n")
    return "".join(out)
