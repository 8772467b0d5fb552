"""The top level of a catalogue file: its version and its tables, described once."""

from __future__ import annotations

from typing import Final

from consent_tui.core.fields.spec import Entity, Field, words
from consent_tui.core.model import Catalogue

CATALOGUE: Final = Entity(
    "catalogue",
    Catalogue,
    "the catalogue",
    ("catalogue", "catalogues"),
    "A website's cookie catalogue: its policy settings, the categories a visitor can accept or "
    "refuse, the purposes, and the services with the cookies and other browser storage they "
    "set. Keys this schema does not list are allowed: consent-tui keeps them on save and "
    "`consent-tui validate` reports them as warnings. See docs/format.md.",
    (
        Field(
            "format_version",
            "int",
            words("Format version"),
            doc="The version of this file format. Required. This schema describes version 1; "
            "consent-tui refuses files from a newer version.",
            required=True,
            init=True,
            form=False,
        ),
        Field("policy", "table", words("Policy"), ref="policy", required=True, init=True),
        Field(
            "categories",
            "entities",
            words("Categories"),
            ref="category",
            doc="The categories shown to visitors, keyed by category id "
            "(`[categories.necessary]`), in display order.",
        ),
        Field(
            "purposes",
            "entities",
            words("Purposes"),
            ref="purpose",
            doc="Why data is stored or read, keyed by purpose id (`[purposes.authentication]`).",
        ),
        Field(
            "services",
            "entities",
            words("Services"),
            ref="service",
            doc="The services that store or read data on the visitor's device, keyed by service "
            "id (`[services.ods-auth]`), in document order.",
        ),
        Field("banner", "table", words("Banner"), ref="banner"),
        Field("audit", "table", words("Audit settings"), ref="audit"),
    ),
)
