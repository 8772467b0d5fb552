"""``consent-mode``: a standalone script sending Google consent mode signals from the catalogue.

For sites whose banner is neither Klaro nor vanilla-cookieconsent, and for
pages that load Google tags before an ES module could run. Put first in
``<head>``, it sets every mapped consent type to ``denied`` with
``gtag('consent', 'default', …)`` (defining ``dataLayer`` and ``gtag`` when the
page has not), and gives the page ``consentTuiConsentMode.update({categories,
services})`` to call with what the visitor accepted, on each choice and on each
page load. The Klaro and cookieconsent exports send no second default after it.
"""

from __future__ import annotations

from consent_tui.core import consentmode
from consent_tui.core.export import banner_common as common
from consent_tui.core.export import banner_runtime
from consent_tui.core.export.registry import Exporter, ExportOptions, ExportResult
from consent_tui.core.model import Catalogue, Service

USAGE = """\
// Load it first in the page head, before any Google tag, as a classic script (no defer,
// no async) or inline; see docs/banners.md. Then, on every choice of the visitor and on
// every page load once a choice is stored, call:
//   consentTuiConsentMode.update({ categories: ["statistics"], services: [] });
// with the ids of the accepted categories and services of the catalogue.
"""


def _name(service: Service) -> str:
    return service.id


def _category(service: Service) -> str:
    return service.category or ""


def render(catalogue: Catalogue, options: ExportOptions) -> ExportResult:
    notes: list[str] = []
    if not consentmode.uses_consent_mode(catalogue):
        notes.append(
            "consent-mode: no category or service has consent_mode, so the snippet sends "
            "nothing; see docs/format.md"
        )
    plan = banner_runtime.consent_plan(catalogue, _name, _category, empty_categories=True)
    plan["storage"] = []
    text = common.header_comment() + USAGE + banner_runtime.script(plan) + ";\n"
    return ExportResult(text, tuple(notes))


EXPORTER = Exporter(
    name="consent-mode",
    extension="js",
    description="Google consent mode snippet (gtag consent default and update), for any banner",
    render=render,
    per_language=False,
)
