"""Typed, immutable model of a cookie catalogue; no I/O.

Every entity is a frozen dataclass. An edit builds a new entity with
``dataclasses.replace`` and a new :class:`Catalogue` around it, so unchanged
parts are shared between versions: undo is keeping the old root, and the store
finds what changed by identity. Mappings and tuples held by an entity are never
mutated in place.

Values of the wrong type found in a file are kept, untouched, in an entity's
``extra`` mapping under their key, beside unknown keys; validation reports both
and saving writes them back as they were.

The package's modules: ``text`` (:class:`Text`, a translatable text),
``layout`` (the document layout of ``[policy.document]``) and ``entities``
(everything else). Import from the package: ``from consent_tui.core.model
import Catalogue``; the layout's names from ``consent_tui.core.model.layout``.
"""

from __future__ import annotations

from consent_tui.core.model.entities import (
    CONSENT_TYPES,
    DEFAULT_COLUMNS,
    DEFAULT_CONSENT_LIFETIME,
    DOCUMENT_COLUMNS,
    FORMAT_VERSION,
    LEGAL_BASES,
    PARTIES,
    STORAGE_TYPES,
    AuditIgnore,
    AuditSettings,
    Banner,
    Catalogue,
    Category,
    ChangelogEntry,
    Cookie,
    DocumentSettings,
    EntityKind,
    Extra,
    Policy,
    Purpose,
    Service,
    replace,
    written_empty,
)
from consent_tui.core.model.text import Text, text_in

__all__ = [
    "CONSENT_TYPES",
    "DEFAULT_COLUMNS",
    "DEFAULT_CONSENT_LIFETIME",
    "DOCUMENT_COLUMNS",
    "FORMAT_VERSION",
    "LEGAL_BASES",
    "PARTIES",
    "STORAGE_TYPES",
    "AuditIgnore",
    "AuditSettings",
    "Banner",
    "Catalogue",
    "Category",
    "ChangelogEntry",
    "Cookie",
    "DocumentSettings",
    "EntityKind",
    "Extra",
    "Policy",
    "Purpose",
    "Service",
    "Text",
    "replace",
    "text_in",
    "written_empty",
]
