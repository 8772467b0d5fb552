"""Change a catalogue's languages without changing what its texts mean.

A text written as a bare string means "in the default language" (the first of
``[policy] languages``). When the default language changes, such a string would
silently change language on the next save; :func:`set_languages` writes those
texts as tables instead (``{ en = "…" }``), so each keeps its language.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar

from consent_tui.core.model import Catalogue, Text, replace

E = TypeVar("E")


def set_languages(catalogue: Catalogue, languages: tuple[str, ...] | None) -> Catalogue:
    """``catalogue`` with ``[policy] languages`` set to ``languages`` (``None`` removes it).

    Texts written as bare strings in a language that is no longer the default
    become explicit tables; everything else is shared with ``catalogue``.
    """
    policy = replace(catalogue.policy, languages=languages)
    new_default = policy.default_language
    if new_default == catalogue.default_language:
        return replace(catalogue, policy=policy)
    fix = _Unplain(new_default)
    policy = fix.entity(policy)
    if policy.document is not None:
        document = fix.entity(policy.document)
        sections = fix.mapping(document.sections)
        if sections is not document.sections:
            document = replace(document, sections=sections)
        if document is not policy.document:
            policy = replace(policy, document=document)
    services = {}
    for key, service in catalogue.services.items():
        service = fix.entity(service)
        cookies = tuple(fix.entity(c) for c in service.cookies)
        if any(a is not b for a, b in zip(cookies, service.cookies, strict=True)):
            service = replace(service, cookies=cookies)
        services[key] = service
    banner = fix.entity(catalogue.banner) if catalogue.banner is not None else None
    return replace(
        catalogue,
        policy=policy,
        banner=banner,
        categories={k: fix.entity(v) for k, v in catalogue.categories.items()},
        purposes={k: fix.entity(v) for k, v in catalogue.purposes.items()},
        services=services,
    )


class _Unplain:
    """Turns plain texts that are not in ``default`` into tables, sharing the rest."""

    def __init__(self, default: str) -> None:
        self.default = default

    def text(self, value: Any) -> Any:
        if isinstance(value, Text) and value.plain and list(value.values) != [self.default]:
            return Text(value.values, plain=False)
        return value

    def entity(self, entity: E) -> E:
        changes = {}
        for f in dataclasses.fields(entity):  # type: ignore[arg-type]
            value = getattr(entity, f.name)
            fixed = self.text(value)
            if fixed is not value:
                changes[f.name] = fixed
        return replace(entity, **changes) if changes else entity

    def mapping(self, texts: Mapping[str, Text]) -> Mapping[str, Text]:
        fixed = {k: self.text(v) for k, v in texts.items()}
        if all(fixed[k] is texts[k] for k in texts):
            return texts
        return fixed
