"""``[audit]`` and its ``[[audit.ignore]]`` entries: settings of ``consent-tui audit``, once."""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.kinds import choices
from consent_tui.core.fields.spec import Entity, Field, words
from consent_tui.core.model import STORAGE_TYPES, AuditIgnore, AuditSettings

# Observed items always have a storage type; a pixel stores nothing to observe.
OBSERVED: Final = choices(
    tuple(t for t in STORAGE_TYPES if t != "pixel"),
    {
        "http_cookie": "HTTP cookies only.",
        "local_storage": "window.localStorage items only.",
        "session_storage": "window.sessionStorage items only.",
        "indexed_db": "IndexedDB databases only.",
    },
)
INCOMPLETE: Final = "incomplete-audit-ignore"

AUDIT: Final = Entity(
    "audit",
    AuditSettings,
    "[audit]",
    ("audit settings", "audit settings"),
    "The `[audit]` table: settings of `consent-tui audit`, which compares what a browser "
    "recorded on the site with this catalogue (see docs/audit.md).",
    (
        Field(
            "ignore",
            "tables",
            words("Ignored names"),
            ref="audit_ignore",
            doc="Names the team decided not to declare, each with its reason "
            "(`[[audit.ignore]]`): the audit reports them as ignored instead of undeclared.",
        ),
    ),
)

AUDIT_IGNORE: Final = Entity(
    "audit_ignore",
    AuditIgnore,
    "[[audit.ignore]]",
    ("ignored name", "ignored names"),
    "A cookie or storage name (or a pattern where * stands for any text) that `consent-tui "
    "audit` does not report as undeclared.",
    (
        Field(
            "name",
            "string",
            words("Name"),
            doc='The exact name, or a pattern where * stands for any text ("__cf_*").',
            required=True,
            required_by=INCOMPLETE,
            init=True,
            expected='a string (a cookie or storage name, or a pattern such as "_hj*")',
            example='"__cf_bm"',
        ),
        Field(
            "reason",
            "string",
            words("Reason"),
            doc="Why it is not declared; shown beside every ignored item in audit reports.",
            required=True,
            required_by=INCOMPLETE,
            init=True,
            example='"…"',
        ),
        Field(
            "type",
            "enum",
            words("Type"),
            doc="Only this kind of storage. Default: every kind.",
            choices=OBSERVED,
            default="every kind",
            expected='a string ("http_cookie", "local_storage", ...)',
        ),
        Field(
            "domain",
            "domain",
            words("Domain"),
            doc='Only on this domain and its subdomains, e.g. ".example-cdn.com". Default: any '
            "domain.",
            placeholder=".example-cdn.com",
        ),
    ),
    title_key="name",
)
