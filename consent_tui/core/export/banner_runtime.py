"""The script the banner exports add: Google consent mode signals and refused storage cleared.

``banner_runtime.js`` is one constant function, the same in every output; the
catalogue reaches it only as a *plan*, plain data written by
:func:`jsstring.dumps` (so every text is escaped as in the rest of the file):

- ``types``: the consent types sent (:func:`consentmode.sent_types`), and
  ``holders``: who grants them (``{category, service, types, required}``);
- ``wait``, ``region``, ``redaction``, ``passthrough``: the ``[banner`` options;
- ``storage``: per service, its local and session storage names
  (``{category, service, required, local, session}``), patterns as ``RegExp``.

The function sends ``gtag('consent', 'default', …)`` at once (defining
``dataLayer`` and ``gtag`` when the page has not, and not again when an earlier
consent-tui script on the page already did), and returns the callbacks each
library's configuration is given.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources

from consent_tui.core import consentmode
from consent_tui.core.export import jsstring
from consent_tui.core.export.banner_common import needs_consent, unusable_name
from consent_tui.core.export.jsstring import JsValue, Regex
from consent_tui.core.model import Catalogue, Service

Plan = dict[str, JsValue]
_STORES = {"local_storage": "local", "session_storage": "session"}


@cache
def runtime_source() -> str:
    """The runtime function's JavaScript source, as shipped in the package."""
    folder = resources.files("consent_tui.core.export")
    return folder.joinpath("banner_runtime.js").read_text(encoding="utf-8").rstrip("\n")


def consent_plan(
    catalogue: Catalogue,
    name: Callable[[Service], str],
    category: Callable[[Service], str],
    *,
    empty_categories: bool,
) -> Plan:
    """The consent mode part of a plan; ``name`` and ``category`` say what the library calls
    a service and its category. ``empty_categories``: a category without services can be
    accepted (cookieconsent), else it is left out (Klaro asks per service)."""
    holders: list[JsValue] = []
    for holder in consentmode.holders(catalogue):
        if holder.service is None and not empty_categories:
            continue
        if holder.service is None:
            service_name: str | None = None
            group = holder.category or ""
        else:
            service = catalogue.services[holder.service]
            service_name, group = name(service), category(service)
        holders.append(
            {
                "category": group,
                "service": service_name,
                "types": list(holder.types),
                "required": not holder.needs_consent,
            }
        )
    banner = catalogue.banner_settings
    region = consentmode.region_codes(banner.region) if banner.region else None
    types = consentmode.sent_types(catalogue) if holders else ()
    return {
        "types": list(types),
        "holders": holders,
        "wait": banner.wait_for_update,
        "region": list(region) if region else None,
        "redaction": banner.ads_data_redaction,
        "passthrough": banner.url_passthrough,
    }


def storage_plan(
    catalogue: Catalogue,
    name: Callable[[Service], str],
    category: Callable[[Service], str],
    notes: list[str],
) -> list[JsValue]:
    """Each service's local and session storage names, for clearing what is refused."""
    entries: list[JsValue] = []
    for service in catalogue.services.values():
        found: dict[str, list[JsValue]] = {"local": [], "session": []}
        for cookie in service.cookies:
            store = _STORES.get(cookie.storage_type)
            if store is None:
                continue
            problem = unusable_name(cookie.name)
            if problem:
                notes.append(
                    f"service {service.id!r}: a {cookie.storage_type} item {problem}; "
                    "not cleared by the banner"
                )
                continue
            key = cookie.name or ""
            found[store].append(Regex.from_pattern(key) if cookie.is_pattern else key)
        if found["local"] or found["session"]:
            entries.append(
                {
                    "category": category(service),
                    "service": name(service),
                    "required": not needs_consent(catalogue, service),
                    **found,
                }
            )
    return entries


def needed(plan: Plan) -> bool:
    """Whether the plan has anything to do (a consent type to send, storage to clear)."""
    return bool(plan["types"]) or bool(plan["storage"])


def script(plan: Plan) -> str:
    """A JavaScript expression running the runtime with ``plan``; its value holds the
    libraries' callbacks (``.klaro(config)``, ``.cookieconsent(library, config)``)."""
    return f"({runtime_source()})(globalThis, {jsstring.dumps(plan)})"
