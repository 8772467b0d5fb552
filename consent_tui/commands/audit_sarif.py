"""``consent-tui audit --format sarif``: SARIF 2.1.0 for GitHub code scanning.

One run; the tool's rules carry the audit's rule metadata; every result has
a location on the catalogue (its line, or the file's top for an undeclared
item; relative to ``%SRCROOT%``, the working folder, as code scanning reads
it) and ``partialFingerprints`` that do not depend on lines, so code scanning
follows a finding across edits. Ignored items are results with an
in-source suppression carrying the reason.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from consent_tui import __version__
from consent_tui.commands.audit_known import fact_data, fact_text
from consent_tui.commands.audit_output import Context, evidence_data, evidence_text
from consent_tui.core.audit import RULES, Finding, Ignored
from consent_tui.core.audit.places import ignored_place
from consent_tui.core.matching.domains import registrable

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "consentTuiFinding/v1"
_LEVELS = {"error": "error", "warning": "warning"}


def artifact_uri(path: str) -> tuple[str, str | None]:
    """A URI for ``path``: relative to the working folder when inside it, else ``file:``."""
    full = Path(os.path.abspath(path))
    try:
        relative = full.relative_to(Path.cwd())
    except ValueError:
        return full.as_uri(), None
    return quote(relative.as_posix()), "%SRCROOT%"


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("-"))


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": rule.id,
            "name": _pascal(rule.id),
            "shortDescription": {"text": rule.title},
            "fullDescription": {"text": rule.summary},
            "help": {
                "text": f"{rule.summary}\n\nWhy: {rule.why}\n\nFix: {rule.fix}",
                "markdown": f"{rule.summary}\n\n**Why:** {rule.why}\n\n**Fix:** {rule.fix}",
            },
            "defaultConfiguration": {"level": _LEVELS[rule.severity]},
            "properties": {"tags": ["privacy", "cookies", "consent"], "precision": "high"},
        }
        for rule in RULES
    ]


def _fingerprint(*parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


def finding_fingerprint(f: Finding) -> str:
    site = registrable(f.domain) if f.domain else None
    if f.service_id is not None:
        return _fingerprint(f.rule, f.service_id, f.declared_name, f.kind)
    return _fingerprint(f.rule, f.kind, f.name, site)


def _location(uri: str, base: str | None, line: int, col: int) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": uri}
    if base is not None:
        artifact["uriBaseId"] = base
    return {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": line, "startColumn": col},
        }
    }


def _result(f: Finding, place: tuple[int, int], uri: str, base: str | None) -> dict[str, Any]:
    index = next(i for i, rule in enumerate(RULES) if rule.id == f.rule)
    text = f.message
    if f.evidence is not None:
        text += "\n" + evidence_text(f.evidence, f.occurrences, f.files)
    if f.known is not None:
        text += "\n" + fact_text(f.known)
    if f.hint:
        text += f"\nhint: {f.hint}"
    return {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": _LEVELS[f.severity],
        "message": {"text": text},
        "locations": [_location(uri, base, *place)],
        "partialFingerprints": {FINGERPRINT: finding_fingerprint(f)},
        "properties": {
            "service": f.service_id,
            "cookieIndex": f.cookie_index,
            "observedName": f.name,
            "type": f.kind,
            "domain": f.domain,
            "occurrences": f.occurrences,
            "evidence": evidence_data(f.evidence),
            "known": fact_data(f.known),
        },
    }


def _suppressed(
    item: Ignored, place: tuple[int, int], uri: str, base: str | None
) -> dict[str, Any]:
    index = next(i for i, rule in enumerate(RULES) if rule.id == "undeclared")
    return {
        "ruleId": "undeclared",
        "ruleIndex": index,
        "level": "error",
        "message": {
            "text": f"{item.kind} `{item.name}` on {item.domain} is not declared "
            f"(ignored: {item.reason})"
        },
        "locations": [_location(uri, base, *place)],
        "partialFingerprints": {
            FINGERPRINT: _fingerprint("undeclared", item.kind, item.name, registrable(item.domain))
        },
        "suppressions": [{"kind": "inSource", "justification": item.reason or "ignored"}],
    }


def sarif(ctx: Context) -> str:
    uri, base = artifact_uri(ctx.catalogue)
    results = [_result(f, place, uri, base) for f, place in ctx.places()]
    results += [_suppressed(i, ignored_place(i, ctx.source), uri, base) for i in ctx.report.ignored]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "consent-tui",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": _rules(),
            }
        },
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    if ctx.known is not None:
        run["properties"] = {"knownCookies": ctx.known.as_dict()}
    data = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    # Compact: the standard library encodes it in C (an indented dump is pure Python,
    # several times slower for the thousands of results of a large recording).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
