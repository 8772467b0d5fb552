"""The Open Cookie Database JSON: ``{platform: [record, ...]}`` with the CSV's fields per record.

Record keys: ``id, category, cookie, domain, description, retentionPeriod,
dataController, privacyLink, wildcardMatch``. A document of another shape is
refused; a record that is not an object, or holds a value other than a string
(``wildcardMatch`` may also be a number or a boolean), is skipped with a
counted warning, as is a missing key (read as empty).
"""

from __future__ import annotations

import json
from typing import Any

from consent_tui.core.known.entry import KnownEntry
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.normalise import FIELDS, Normaliser
from consent_tui.core.known.report import ReadReport
from consent_tui.core.values import TOO_LONG

_KEYS = {key: ours for ours, (_column, key) in FIELDS.items() if ours != "platform"}


def read_json(text: str, name: str) -> tuple[list[KnownEntry], ReadReport]:
    """Entries and report of a JSON text (decoded, see :mod:`.files`)."""
    repeated: list[str] = []
    try:
        data = json.loads(text, object_pairs_hook=lambda pairs: _object(pairs, repeated))
    except json.JSONDecodeError as exc:
        raise KnownDataError(
            f"not valid JSON: {exc.msg} (column {exc.colno})", path=name, line=exc.lineno
        ) from None
    except ValueError:  # not a syntax error: Python's cap on a number's digits
        raise KnownDataError(f"not readable: {TOO_LONG}", path=name) from None
    except RecursionError:
        raise KnownDataError(
            "not the Open Cookie Database: nested far too deeply", path=name
        ) from None
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise KnownDataError(
            "not the Open Cookie Database JSON: expected an object of platform names, "
            "each with a list of entries",
            path=name,
        )
    normaliser = Normaliser()
    for platform in repeated:
        normaliser.report.warn(
            f"platform {platform!r}", "repeated-platform", "listed twice: both lists kept"
        )
    for platform, records in data.items():
        for number, record in enumerate(records, 1):
            where = f"platform {platform!r}, entry {number}"
            fields = _fields(record, where, normaliser)
            if fields is not None:
                normaliser.add(where, {"platform": platform, **fields})
    return normaliser.finish()


def _object(pairs: list[tuple[str, Any]], repeated: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out and isinstance(out[key], list) and isinstance(value, list):
            repeated.append(key)
            out[key] = out[key] + value
        else:
            out[key] = value
    return out


def _fields(record: object, where: str, normaliser: Normaliser) -> dict[str, str] | None:
    if not isinstance(record, dict):
        normaliser.skip(where, "not-an-object", "not an object: skipped")
        return None
    fields: dict[str, str] = {}
    missing: list[str] = []
    for key, ours in _KEYS.items():
        value = record.get(key)
        if value is None:
            missing.append(key)
            value = ""
        elif ours == "wildcard" and isinstance(value, int):  # also true, false
            value = str(int(value))
        if not isinstance(value, str):
            normaliser.skip(where, "wrong-type", f"{key} is not a string: skipped")
            return None
        fields[ours] = value
    if missing and "cookie" not in missing:
        normaliser.report.warn(where, "missing-field", f"no {', '.join(missing)}: read as empty")
    return fields
