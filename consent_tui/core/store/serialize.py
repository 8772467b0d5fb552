"""Model -> plain TOML data (the dicts ``tomllib`` would return for the file).

Absent fields (``None``) are left out; values kept in ``extra`` are written back
as they came. ``to_data(load_text(t)) == tomllib.loads(t)`` for any catalogue
text: an empty ``[categories]``, ``[policy]``, ``cookies = []`` or
``sections = {}`` holds nothing the model can tell from an absent one, but the
loader notes it in the entity's ``extra`` (:func:`~consent_tui.core.model.written_empty`)
and it is written back while it stays empty.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from consent_tui.core.model import (
    AuditSettings,
    Banner,
    Catalogue,
    Category,
    ChangelogEntry,
    Cookie,
    DocumentSettings,
    Policy,
    Purpose,
    Service,
    Text,
    written_empty,
)
from consent_tui.core.store.layout_io import layout_data

Data = dict[str, Any]


def text_data(text: Text, default: str) -> str | dict[str, str]:
    """A bare string when the file wrote one and it holds only ``default``, else a table.

    A bare string means the default language, so a plain text in any other
    language (or in several) is written as a table and keeps its language.
    """
    if text.plain and list(text.values) == [default]:
        return text.values[default]
    return dict(text.values)


def _fields(pairs: Iterable[tuple[str, Any]], extra: Any, default: str) -> Data:
    out: Data = {}
    for key, value in pairs:
        if value is None:
            continue
        if isinstance(value, Text):
            out[key] = text_data(value, default)
        elif isinstance(value, tuple):
            out[key] = list(value)
        else:
            out[key] = value
    for key, value in extra.items():
        out[key] = value
    return out


def document_data(doc: DocumentSettings, default: str) -> Data:
    sections: Data | None = {k: text_data(v, default) for k, v in doc.sections.items()}
    if not sections and "sections" not in written_empty(doc.extra):
        sections = None
    out = _fields([("columns", doc.columns), ("sections", sections)], doc.extra, default)
    if doc.layout is not None:
        out.update(layout_data(doc.layout, lambda text: text_data(text, default)))
    return out


def changelog_data(entry: ChangelogEntry, default: str) -> Data:
    return _fields([("date", entry.date), ("text", entry.text)], entry.extra, default)


def policy_data(policy: Policy) -> Data:
    """``[policy]``; its texts are written for its own default language."""
    default = policy.default_language
    document = document_data(policy.document, default) if policy.document else None
    changelog: list[Data] | None = [changelog_data(e, default) for e in policy.changelog]
    if not changelog and "changelog" not in written_empty(policy.extra):
        changelog = None
    pairs = [
        ("title", policy.title),
        ("site_name", policy.site_name),
        ("site_url", policy.site_url),
        ("controller", policy.controller),
        ("contact", policy.contact),
        ("languages", policy.languages),
        ("updated", policy.updated),
        ("intro", policy.intro),
        ("document", document),
        ("changelog", changelog),
        ("review", policy.review),
    ]
    return _fields(pairs, policy.extra, default)


def category_data(category: Category, default: str) -> Data:
    pairs = [
        ("title", category.title),
        ("description", category.description),
        ("consent", category.consent),
        ("known_categories", category.known_categories),
        ("consent_mode", category.consent_mode),
    ]
    return _fields(pairs, category.extra, default)


def purpose_data(purpose: Purpose, default: str) -> Data:
    pairs = [
        ("title", purpose.title),
        ("description", purpose.description),
        ("legal_basis", purpose.legal_basis),
        ("tcf_purposes", purpose.tcf_purposes),
    ]
    return _fields(pairs, purpose.extra, default)


def cookie_data(cookie: Cookie, default: str) -> Data:
    pairs = [
        ("name", cookie.name),
        ("type", cookie.type),
        ("domain", cookie.domain),
        ("path", cookie.path),
        ("duration", cookie.duration),
        ("duration_note", cookie.duration_note),
        ("refresh", cookie.refresh),
        ("description", cookie.description),
        ("display_name", cookie.display_name),
        ("duration_text", cookie.duration_text),
    ]
    return _fields(pairs, cookie.extra, default)


def service_data(service: Service, default: str, *, cookies: bool = True) -> Data:
    pairs: list[tuple[str, Any]] = [
        ("provider", service.provider),
        ("function", service.function),
        ("location", service.location),
        ("category", service.category),
        ("purposes", service.purposes),
        ("party", service.party),
        ("privacy_policy", service.privacy_policy),
        ("country", service.country),
        ("safeguard", service.safeguard),
        ("description", service.description),
    ]
    pairs.append(("consent_mode", service.consent_mode))
    pairs.append(("review", service.review))
    if cookies and (service.cookies or "cookies" in written_empty(service.extra)):
        pairs.append(("cookies", [cookie_data(c, default) for c in service.cookies]))
    return _fields(pairs, service.extra, default)


def banner_data(banner: Banner, default: str) -> Data:
    pairs = [
        ("consent_lifetime", banner.consent_lifetime),
        ("revision", banner.revision),
        ("policy_url", banner.policy_url),
        ("wait_for_update", banner.wait_for_update),
        ("ads_data_redaction", banner.ads_data_redaction),
        ("url_passthrough", banner.url_passthrough),
        ("region", banner.region),
    ]
    return _fields(pairs, banner.extra, default)


def audit_data(audit: AuditSettings) -> Data:
    """``[audit]``, its ``[[audit.ignore]]`` entries in order."""
    out: Data = {}
    if audit.ignore:
        out["ignore"] = [
            _fields(
                [("name", i.name), ("reason", i.reason), ("type", i.type), ("domain", i.domain)],
                i.extra,
                "",
            )
            for i in audit.ignore
        ]
    out.update(audit.extra)
    return out


def to_data(catalogue: Catalogue) -> Data:
    """The whole catalogue as plain TOML data, in the model's order."""
    out: Data = {"format_version": catalogue.format_version}
    default = catalogue.default_language
    empty = written_empty(catalogue.extra)
    policy = policy_data(catalogue.policy)
    if policy or "policy" in empty:
        out["policy"] = policy
    if catalogue.categories or "categories" in empty:
        out["categories"] = {k: category_data(v, default) for k, v in catalogue.categories.items()}
    if catalogue.purposes or "purposes" in empty:
        out["purposes"] = {k: purpose_data(v, default) for k, v in catalogue.purposes.items()}
    if catalogue.services or "services" in empty:
        out["services"] = {k: service_data(v, default) for k, v in catalogue.services.items()}
    if catalogue.banner is not None:
        out["banner"] = banner_data(catalogue.banner, default)
    if catalogue.audit is not None:
        out["audit"] = audit_data(catalogue.audit)
    out.update(catalogue.extra)
    return out
