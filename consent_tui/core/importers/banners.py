"""A banner configuration file -> catalogue data: find the configuration's data, then read it.

A JSON file is the configuration itself. In a script, the object given to
``klaroConfig = {…}`` (``var``, ``window.`` …) or to ``CookieConsent.run({…})``
(directly, or through a ``const`` it names) is read as data (:mod:`jsdata`),
never run; the script's other code is not read. consent-tui's own exports
carry more: the service labels per language (``serviceLabels``) and the
runtime plan (Google consent mode, storage to clear), read when present.
"""

from __future__ import annotations

import re
from typing import Any

from consent_tui.core.importers.errors import SourceError
from consent_tui.core.importers.jsdata import read_json_or_js, read_value
from consent_tui.core.importers.notes import Notes
from consent_tui.core.importers.reading import Source

_KLARO = (
    re.compile(r"\bklaroConfig\s*=\s*(?=[{\[])"),
    re.compile(r"\bklaro\s*\.\s*setup\s*\(\s*(?=\{)"),
    re.compile(r"\bexport\s+default\s+(?=\{)"),
)
_RUN = re.compile(r"\.\s*run\s*\(\s*(?:(?=\{)|([A-Za-z_$][\w$]*)\s*\))")
_PLAN = re.compile(r"\}\)\(\s*(?:globalThis|window)\s*,\s*(?=\{)")
_LABELS = re.compile(r"\bserviceLabels\s*=\s*(?=\{)")


def _declared(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:var|let|const)\s+{re.escape(name)}\s*=\s*(?=\{{)")


def _at(text: str, source: Source, pattern: re.Pattern[str]) -> tuple[Any, list[str]] | None:
    found = pattern.search(text)
    if found is None:
        return None
    value, skipped, _end = read_value(text, source.name, found.end())
    return value, skipped


def _config(source: Source, kind: str) -> tuple[dict[str, Any], list[str]]:
    text = source.text
    if text.lstrip().startswith(("{", "[")):
        value = read_json_or_js(text, source.name)
        if isinstance(value, dict):
            return value, []
        raise SourceError("the file is JSON, but not a configuration object", path=source.name)
    found = None
    if kind == "klaro":
        for pattern in _KLARO:
            found = _at(text, source, pattern)
            if found is not None:
                break
    else:
        run = _RUN.search(text)
        if run is not None and run.group(1):
            found = _at(text, source, _declared(run.group(1)))
        elif run is not None:
            found = _at(text, source, re.compile(re.escape(run.group(0))))
        found = found or _at(text, source, _declared("config"))
    if found is None:
        what = "klaroConfig = {…}" if kind == "klaro" else "CookieConsent.run({…})"
        raise SourceError(f"no {what} object found in the script", path=source.name)
    value, skipped = found
    if not isinstance(value, dict):
        raise SourceError("the configuration is not an object", path=source.name)
    return value, skipped


def import_config(source: Source, kind: str, lang: str | None) -> tuple[dict[str, Any], Notes]:
    """The catalogue data of a Klaro or vanilla-cookieconsent configuration, and its notes."""
    config, skipped = _config(source, kind)
    plan = _at(source.text, source, _PLAN)
    plan_data = plan[0] if plan and isinstance(plan[0], dict) else None
    if kind == "klaro":
        from consent_tui.core.importers.klaroimport import import_klaro

        draft = import_klaro(config, plan_data, lang)
    else:
        from consent_tui.core.importers.ccimport import import_cookieconsent

        labels = _at(source.text, source, _LABELS)
        label_data = labels[0] if labels and isinstance(labels[0], dict) else None
        draft = import_cookieconsent(config, label_data, plan_data, lang)
    for where in skipped:
        draft.notes.remark(f"{where} is code (a function): not read")
    data = draft.data()
    if not data["services"] and not data["categories"]:
        raise SourceError(f"the {kind} configuration declares no services", path=source.name)
    return data, draft.notes
