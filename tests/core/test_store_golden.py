"""Adding, removing and renaming tables writes text pinned by golden files.

Each golden file is the whole text ``render`` gives for one edit of one
fixture from ``tests/data/roundtrip``. To refresh them after a deliberate
change, run with ``CONSENT_TUI_UPDATE_GOLDEN=1`` and read the diff before
committing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from consent_tui.core import store
from consent_tui.core.model import Catalogue, Service, Text, replace
from tests.core.store_support import (
    GOLDEN,
    ROUNDTRIP,
    add,
    add_cookie,
    first_service,
    new_category,
    new_cookie,
    new_purpose,
    new_service,
    put_service,
    remove,
    remove_cookie,
    rename_service,
    rendered,
)

Edit = Callable[[Catalogue], Catalogue]


def _duplicate_first(catalogue: Catalogue) -> Catalogue:
    """What the editor's "duplicate" does: the copy right after the original."""
    original = first_service(catalogue)
    services: dict[str, Service] = {}
    for key, value in catalogue.services.items():
        services[key] = value
        if key == original.id:
            services["copy"] = replace(original, id="copy", provider="Copied Ltd")
    return replace(catalogue, services=services)


def _gain_language(catalogue: Catalogue) -> Catalogue:
    """A new language in the policy, and the first service's function translated into it."""
    lang = "fr" if "fr" not in catalogue.languages else "de"
    policy = replace(catalogue.policy, languages=(*catalogue.languages, lang))
    service = first_service(catalogue)
    assert service.function is not None
    function = service.function.with_value(lang, f"Fonction ({lang})")
    return put_service(replace(catalogue, policy=policy), replace(service, function=function))


def _last_key(items: dict[str, object] | object) -> str:
    return list(items)[-1]  # type: ignore[call-overload,no-any-return]


EDITS: dict[str, Edit] = {
    "add-service": lambda c: add(c, "services", new_service(c)),
    "remove-service": lambda c: remove(c, "services", first_service(c).id),
    "rename-service": lambda c: rename_service(c, first_service(c).id, "renamed-service"),
    "duplicate-service": _duplicate_first,
    "add-cookie": lambda c: add_cookie(c, first_service(c).id, new_cookie(c)),
    "add-cookie-first": lambda c: add_cookie(c, first_service(c).id, new_cookie(c), at=0),
    "remove-cookie": lambda c: remove_cookie(c, first_service(c).id, 0),
    "add-purpose": lambda c: add(c, "purposes", new_purpose(c)),
    "remove-purpose": lambda c: remove(c, "purposes", _last_key(c.purposes)),
    "add-category": lambda c: add(c, "categories", new_category(c)),
    "remove-category": lambda c: remove(c, "categories", _last_key(c.categories)),
    "gain-language": _gain_language,
    "policy-intro": lambda c: replace(
        c, policy=replace(c.policy, intro=Text({lang: f"Intro ({lang})" for lang in c.languages}))
    ),
}

CASES = [
    *((f, e) for f in ("comments", "spacing", "subtables") for e in EDITS),
    *(("crlf", e) for e in ("add-service", "add-cookie", "remove-cookie", "gain-language")),
    *(("bom", e) for e in ("add-cookie", "rename-service", "policy-intro")),
    *(("quoting", e) for e in ("add-service", "gain-language", "remove-service")),
    *(
        ("inline-arrays", e)
        for e in ("add-cookie", "remove-cookie", "gain-language", "add-service")
    ),
    *(("dotted", e) for e in ("add-cookie", "add-category", "remove-category", "gain-language")),
    *(("split", e) for e in ("add-cookie", "rename-service", "remove-service")),
    *(
        ("empty-arrays", e)
        for e in ("add-cookie", "add-service", "rename-service", "remove-service", "policy-intro")
    ),
    *(
        ("dotted-services", e)
        for e in ("add-cookie", "remove-cookie", "add-service", "remove-purpose")
    ),
]


@pytest.mark.parametrize(("fixture", "edit"), CASES, ids=[f"{f}-{e}" for f, e in CASES])
def test_edit_matches_golden(fixture: str, edit: str) -> None:
    document = store.load(ROUNDTRIP / f"{fixture}.toml")
    out = rendered(document, EDITS[edit](document.catalogue)).encode("utf-8")
    golden = GOLDEN / fixture / f"{edit}.toml"
    if os.environ.get("CONSENT_TUI_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(out)
    assert golden.exists(), f"no golden file {golden}; run with CONSENT_TUI_UPDATE_GOLDEN=1"
    assert out == golden.read_bytes()


def test_every_golden_file_is_used() -> None:
    used = {GOLDEN / f / f"{e}.toml" for f, e in CASES}
    assert set(Path(GOLDEN).glob("*/*.toml")) <= used
