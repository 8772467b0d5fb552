"""Model -> plain TOML data (the dicts ``tomllib`` would return for the file).

Each table's keys come from its description (core/fields), in its order; an
inline part (the layout of ``[policy.document]``) adds its keys to its host's
table. Absent fields (``None``, or what the model holds for a key left out) are
left out; values kept in ``extra`` are written back as they came.
``to_data(load_text(t)) == tomllib.loads(t)`` for any catalogue text: an empty
``[categories]``, ``[policy]``, ``cookies = []`` or ``sections = {}`` holds
nothing the model can tell from an absent one, but the loader notes it in the
entity's ``extra`` (:func:`~consent_tui.core.model.written_empty`) and it is
written back while it stays empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from consent_tui.core.fields import entity as describe
from consent_tui.core.model import (
    Banner,
    Catalogue,
    Category,
    Cookie,
    DocumentSettings,
    Policy,
    Purpose,
    Service,
    Text,
    written_empty,
)
from consent_tui.core.model.layout import Layout
from consent_tui.core.store.read_plan import absent

Data = dict[str, Any]
TextData = Callable[[Text], Any]


def text_data(text: Text, default: str) -> str | dict[str, str]:
    """A bare string when the file wrote one and it holds only ``default``, else a table.

    A bare string means the default language, so a plain text in any other
    language (or in several) is written as a table and keeps its language.
    """
    if text.plain and list(text.values) == [default]:
        return text.values[default]
    return dict(text.values)


# (key, type, ref, what the model holds when the key is left out: None unless it differs)
_Plan = tuple[tuple[str, str, str, Any], ...]
_PLANS: dict[str, tuple[object, _Plan]] = {}


def _plan(kind: str) -> _Plan:
    """(key, type, ref, absent) of each value of ``kind``, read from its description once."""
    desc = describe(kind)
    cached = _PLANS.get(kind)
    if cached is None or cached[0] is not desc:
        left_out = absent(desc.model)
        plan = tuple((f.key, f.type, f.ref, left_out.get(f.key)) for f in desc.values)
        _PLANS[kind] = cached = (desc, plan)
    return cached[1]


def _data(kind: str, entity: Any, text: TextData, cookies: bool = True) -> Data:
    out: Data = {}
    extra = getattr(entity, "extra", None)
    for key, type_, ref, left_out in _plan(kind):
        value = getattr(entity, key)
        if value is None:
            continue
        cls = value.__class__
        if cls is Text:
            out[key] = text(value)
        elif cls is tuple and type_ != "tables":
            out[key] = list(value)
        elif left_out is not None and value == left_out:
            written = extra is not None and key in written_empty(extra)
            if written and (cookies or type_ != "tables"):
                out[key] = [] if type_ == "tables" else {}
        elif type_ == "tables":
            if cookies:
                out[key] = [_data(ref, item, text) for item in value]
        elif type_ == "table":
            out[key] = _data(ref, value, text)
        elif type_ == "inline":
            out.update(_data(ref, value, text))
        elif type_ == "texts":
            out[key] = {k: text(v) for k, v in value.items()}
        elif type_ == "entities":
            out[key] = {k: _data(ref, v, text) for k, v in value.items()}
        else:
            out[key] = value
    if extra:
        out.update(extra)
    return out


def entity_data(kind: str, entity: Any, default: str, *, cookies: bool = True) -> Data:
    """One entity's table, its keys in the order its description (core/fields) gives.

    Texts are written for ``default``, the catalogue's default language;
    ``cookies=False`` leaves out a service's cookies (its header compared alone).
    """
    return _data(kind, entity, lambda value: text_data(value, default), cookies)


def layout_data(layout: Layout, text: TextData) -> Data:
    """The layout's keys of ``[policy.document]`` (``text`` writes each :class:`Text`)."""
    return _data("layout", layout, text)


def document_data(doc: DocumentSettings, default: str) -> Data:
    return entity_data("document", doc, default)


def policy_data(policy: Policy) -> Data:
    """``[policy]``; its texts are written for its own default language."""
    return entity_data("policy", policy, policy.default_language)


def category_data(category: Category, default: str) -> Data:
    return entity_data("category", category, default)


def purpose_data(purpose: Purpose, default: str) -> Data:
    return entity_data("purpose", purpose, default)


def cookie_data(cookie: Cookie, default: str) -> Data:
    return entity_data("cookie", cookie, default)


def service_data(service: Service, default: str, *, cookies: bool = True) -> Data:
    return entity_data("service", service, default, cookies=cookies)


def banner_data(banner: Banner, default: str) -> Data:
    return entity_data("banner", banner, default)


def to_data(catalogue: Catalogue) -> Data:
    """The whole catalogue as plain TOML data, in the description's order."""
    default = catalogue.default_language
    empty = written_empty(catalogue.extra)
    out: Data = {}
    for field in describe("catalogue").values:
        key, value = field.key, getattr(catalogue, field.key)
        if field.type == "entities":
            if value or key in empty:
                out[key] = {k: entity_data(field.ref, v, default) for k, v in value.items()}
        elif key == "policy":
            policy = policy_data(value)
            if policy or key in empty:
                out[key] = policy
        elif field.type == "table":
            if value is not None:
                out[key] = entity_data(field.ref, value, default)
        else:
            out[key] = value
    out.update(catalogue.extra)
    return out
