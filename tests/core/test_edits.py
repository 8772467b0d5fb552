"""Pure catalogue edits: references follow renames, deletions report referrers."""

from __future__ import annotations

import pytest

from consent_tui.core.model import Catalogue, Cookie, Purpose, Service, replace
from consent_tui.core.store import (
    EditError,
    delete_category,
    delete_cookie,
    delete_purpose,
    delete_service,
    deletion,
    duplicate_category,
    duplicate_cookie,
    duplicate_purpose,
    duplicate_service,
    fresh_id,
    id_problem,
    load_text,
    put_cookie,
    put_policy,
    put_purpose,
    put_service,
    rename_category,
    rename_purpose,
    rename_service,
    set_cookie_field,
    set_field,
)
from tests.conftest import SAMPLES


@pytest.fixture
def cat() -> Catalogue:
    return load_text((SAMPLES / "opendatasoft.toml").read_text(encoding="utf-8"))


def test_rename_purpose_updates_services(cat: Catalogue) -> None:
    new = rename_purpose(cat, "api", "api-security")
    assert list(new.purposes) == [
        "authentication",
        "language",
        "api-security",
        "cookie-preferences",
    ]
    assert new.services["ods-csrf"].purposes == ("api-security",)
    assert new.purposes["api-security"].id == "api-security"
    # untouched services are shared, not copied
    assert new.services["ods-auth"] is cat.services["ods-auth"]
    assert cat.services["ods-csrf"].purposes == ("api",)  # the old version is unchanged


def test_rename_purpose_onto_an_undefined_listed_one_keeps_one(cat: Catalogue) -> None:
    svc = replace(cat.services["ods-auth"], purposes=("authentication", "ghost"))
    cat = put_service(cat, "ods-auth", svc)
    new = rename_purpose(cat, "authentication", "ghost")
    assert new.services["ods-auth"].purposes == ("ghost",)


def test_rename_category_updates_services(cat: Catalogue) -> None:
    new = rename_category(cat, "necessary", "essential")
    assert list(new.categories) == ["essential"]
    assert {s.category for s in new.services.values()} == {"essential"}


def test_rename_service_keeps_position(cat: Catalogue) -> None:
    new = rename_service(cat, "ods-language", "lang")
    assert list(new.services) == ["ods-auth", "lang", "ods-csrf", "ods-cookie-preferences"]
    assert new.services["lang"].cookies == cat.services["ods-language"].cookies


def test_rename_to_a_taken_id_is_refused(cat: Catalogue) -> None:
    with pytest.raises(EditError, match="already used"):
        rename_service(cat, "ods-language", "ods-auth")
    with pytest.raises(EditError, match="already used"):
        put_purpose(cat, None, Purpose("api"))


def test_delete_purpose_drops_references(cat: Catalogue) -> None:
    info = deletion(cat, "purpose", "api")
    assert info.referred_by == ("ods-csrf",)
    new = delete_purpose(cat, "api")
    assert "api" not in new.purposes
    assert new.services["ods-csrf"].purposes == ()


def test_delete_category_clears_services(cat: Catalogue) -> None:
    info = deletion(cat, "category", "necessary")
    assert info.referred_by == tuple(cat.services)
    new = delete_category(cat, "necessary")
    assert all(s.category is None for s in new.services.values())


def test_delete_service_lists_its_cookies(cat: Catalogue) -> None:
    info = deletion(cat, "service", "ods-csrf")
    assert info.contains == ("csrftoken",)
    new = delete_service(cat, "ods-csrf")
    assert "ods-csrf" not in new.services
    with pytest.raises(EditError):
        delete_service(new, "ods-csrf")


def test_duplicate_service_gets_fresh_id_after_original(cat: Catalogue) -> None:
    new, new_id = duplicate_service(cat, "ods-auth")
    assert new_id == "ods-auth-copy"
    assert list(new.services)[:2] == ["ods-auth", "ods-auth-copy"]
    again, second = duplicate_service(new, "ods-auth-copy")
    assert second == "ods-auth-copy-2"
    assert again.services[second].cookies == cat.services["ods-auth"].cookies


def test_duplicate_purpose_and_category(cat: Catalogue) -> None:
    new, pid = duplicate_purpose(cat, "api")
    assert pid == "api-copy" and list(new.purposes).index("api-copy") == 3
    new, cid = duplicate_category(new, "necessary")
    assert cid == "necessary-copy" and new.categories[cid].consent is False


def test_cookie_edits(cat: Catalogue) -> None:
    new = set_cookie_field(cat, "ods-csrf", 0, "duration", "2 years")
    assert new.services["ods-csrf"].cookies[0].duration == "2 years"
    new, index = duplicate_cookie(new, "ods-csrf", 0)
    assert index == 1
    assert [c.name for c in new.services["ods-csrf"].cookies] == ["csrftoken", "csrftoken_copy"]
    new, _ = duplicate_cookie(new, "ods-csrf", 0)
    assert [c.name for c in new.services["ods-csrf"].cookies][1] == "csrftoken_copy-2"
    new = delete_cookie(new, "ods-csrf", 1)
    assert [c.name for c in new.services["ods-csrf"].cookies] == ["csrftoken", "csrftoken_copy"]


def test_put_cookie_appends_and_moves(cat: Catalogue) -> None:
    new, where, index = put_cookie(cat, "ods-auth", None, Cookie(name="extra"))
    assert (where, index) == ("ods-auth", 1)
    moved, where, index = put_cookie(
        new, "ods-auth", 0, new.services["ods-auth"].cookies[0], to_service="ods-csrf"
    )
    assert (where, index) == ("ods-csrf", 1)
    assert [c.name for c in moved.services["ods-auth"].cookies] == ["extra"]
    assert [c.name for c in moved.services["ods-csrf"].cookies] == ["csrftoken", "sessionid"]


def test_set_field_drops_misplaced_value() -> None:
    cookie = Cookie(name="x", extra={"duration": 5, "note": "kept"})
    fixed = set_field(cookie, "duration", "1 day")
    assert fixed.duration == "1 day"
    assert dict(fixed.extra) == {"note": "kept"}


def test_id_problem() -> None:
    assert id_problem("", ["a"]) == "an id is required"
    assert id_problem("a b", []) is not None
    assert id_problem("a", ["a"]) == "'a' is already used"
    assert id_problem("a", ["a"], current="a") is None
    assert fresh_id(["x", "x-2"], "x") == "x-3"


def test_put_policy_returns_same_catalogue_when_unchanged(cat: Catalogue) -> None:
    assert put_policy(cat, cat.policy) is cat
    changed = put_policy(cat, replace(cat.policy, site_name="Other"))
    assert changed.policy.site_name == "Other"


def test_service_added_at_end(cat: Catalogue) -> None:
    new = put_service(cat, None, Service("new-one"))
    assert list(new.services)[-1] == "new-one"
