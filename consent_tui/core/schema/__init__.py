"""The published JSON Schemas, shipped as package data.

``catalogue.schema.json`` describes the TOML catalogue format (for editors such as
Taplo / Even Better TOML); ``export.schema.json`` describes the JSON export.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Final

CATALOGUE: Final = "catalogue.schema.json"
EXPORT: Final = "export.schema.json"


def schema_text(name: str) -> str | None:
    """The text of schema file ``name``, or ``None`` when the package does not ship it."""
    resource = resources.files(__package__ or __name__).joinpath(name)
    if not resource.is_file():
        return None
    return resource.read_text(encoding="utf-8")


def catalogue_schema_text() -> str:
    """The catalogue format's JSON Schema, as published."""
    text = schema_text(CATALOGUE)
    if text is None:  # pragma: no cover - a broken installation
        raise FileNotFoundError(f"consent_tui/core/schema/{CATALOGUE} is missing")
    return text


def catalogue_schema() -> dict[str, Any]:
    """The catalogue format's JSON Schema, parsed."""
    data: dict[str, Any] = json.loads(catalogue_schema_text())
    return data
