"""``[audit]`` read from parsed TOML into :class:`~consent_tui.core.model.AuditSettings`.

As everywhere in the model, a value of the wrong type is kept in ``extra``
(validation reports it) and unknown keys too; ``ignore`` that is not an
array of tables is kept whole in the settings' ``extra``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from consent_tui.core.model import AuditIgnore, AuditSettings

IGNORE_KEYS: Final = ("name", "reason", "type", "domain")

Shallow = Callable[[dict[str, Any], int], None]  # refuses values nested too deeply


def read_audit(
    document: dict[str, Any], kept: dict[str, Any], shallow: Shallow
) -> AuditSettings | None:
    """The document's ``[audit]``; ``None`` when absent, or not a table (kept in ``kept``)."""
    if "audit" not in document:
        return None
    data = document["audit"]
    if not isinstance(data, dict):
        kept["audit"] = data
        return None
    extra: dict[str, Any] = {k: v for k, v in data.items() if k != "ignore"}
    raw = data.get("ignore", [])
    entries: list[AuditIgnore] = []
    if isinstance(raw, list) and all(isinstance(item, dict) for item in raw):
        entries = [_ignore(item, shallow) for item in raw]
    else:
        extra["ignore"] = raw
    if extra:
        shallow(extra, 2)
    return AuditSettings(ignore=tuple(entries), extra=extra)


def _ignore(data: dict[str, Any], shallow: Shallow) -> AuditIgnore:
    extra: dict[str, Any] = {}
    values: dict[str, str | None] = {}
    for key in IGNORE_KEYS:
        value = data.get(key)
        if value is None or isinstance(value, str):
            values[key] = value
        else:
            extra[key] = value
            values[key] = None
    for key, value in data.items():
        if key not in IGNORE_KEYS:
            extra[key] = value
    if extra:
        shallow(extra, 4)
    return AuditIgnore(extra=extra, **values)
