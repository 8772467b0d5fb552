"""Which cookie is which: reordering, renamed patterns, typos, types, duplicates, moves."""

from __future__ import annotations

import pytest

from consent_tui.core.changes.cookies import MAX_LEFT, likeness, line_up
from consent_tui.core.model import Cookie, Text
from tests.core.changes_support import BASE, found, sub


def cookie(name: str, duration: str = "1 day", **fields: object) -> Cookie:
    return Cookie(name=name, duration=duration, **fields)  # type: ignore[arg-type]


def test_reordered_cookies_are_the_same_cookies() -> None:
    old = [cookie("a"), cookie("b", "2 days"), cookie("c")]
    new = [old[2], old[0], old[1]]
    pairs, gone, came = line_up(old, new)
    assert sorted(pairs) == [(0, 1), (1, 2), (2, 0)]
    assert gone == came == []


def test_reordering_the_array_in_the_file_is_no_change() -> None:
    first = '[[services.stats.cookies]]\nname = "_st_id"\nduration = "6 months"\n'
    first += 'description = { en = "Visitor id", fr = "Identifiant" }\n'
    second = '[[services.stats.cookies]]\nname = "_st_ses_*"\nduration = "30 minutes"\n'
    swapped = sub(first + "\n" + second, second + "\n" + first)
    assert found(swapped) == []


def test_a_changed_field_keeps_the_cookie_by_name_and_type() -> None:
    old = [cookie("a"), cookie("b")]
    new = [cookie("b", "3 days"), cookie("a")]
    assert line_up(old, new) == ([(1, 0), (0, 1)], [], [])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("_ga_ABC123", "_ga_*"),  # a pattern written for a family of names
        ("_ga_*", "_ga_ABC123"),  # and back
        ("_pk_id.1.abcd", "_pk_id.*"),
        ("_hj*", "_hjSession*"),  # a pattern narrowed: the old one matches the new
        ("sesionid", "sessionid"),  # a typo
    ],
)
def test_renamed_cookies_are_paired(before: str, after: str) -> None:
    pairs, gone, came = line_up([cookie(before), cookie("other")], [cookie("other"), cookie(after)])
    assert sorted(pairs) == [(0, 1), (1, 0)] and gone == came == []


@pytest.mark.parametrize(
    ("before", "after"),
    [("_pk_id", "_pk_ses"), ("_ga", "_gid"), ("csrftoken", "sessionid"), ("a", "b")],
)
def test_different_cookies_are_not_taken_for_renames(before: str, after: str) -> None:
    """Another cookie in its place is a removal and an addition (material if it needs consent)."""
    assert line_up([cookie(before)], [cookie(after)]) == ([], [0], [0])


def test_only_the_name_changed_with_a_description_is_a_rename() -> None:
    text = Text({"en": "Remembers the basket"})
    old = [cookie("basket", description=text)]
    assert line_up(old, [cookie("cart", description=text)]) == ([(0, 0)], [], [])
    bare = [cookie("basket")]
    assert line_up(bare, [cookie("cart")]) == ([], [0], [0])  # nothing to tell it by


def test_same_name_with_another_type_is_the_same_cookie() -> None:
    old = [cookie("prefs")]
    new = [cookie("prefs", type="local_storage")]
    assert line_up(old, new) == ([(0, 0)], [], [])
    assert found(sub('name = "csrf"', 'name = "csrf"\ntype = "local_storage"')) == [
        ("field-changed", "site/1", "type")
    ]


def test_http_cookie_written_or_left_out_is_the_same_type() -> None:
    assert found(sub('name = "csrf"', 'name = "csrf"\ntype = "http_cookie"')) == []


def test_duplicate_names_pair_by_domain_then_in_order() -> None:
    old = [cookie("id", domain="a.example"), cookie("id", domain="b.example")]
    new = [cookie("id", "2 days", domain="b.example"), cookie("id", "3 days", domain="a.example")]
    assert line_up(old, new) == ([(1, 0), (0, 1)], [], [])


def test_the_best_rename_wins() -> None:
    """Both old names match the new pattern; the one with more fields alike is taken."""
    old = [cookie("_ga_XYZ", "2 years"), cookie("_ga_ABC", "13 months")]
    new = [cookie("_ga_*", "13 months")]
    pairs, gone, came = line_up(old, new)
    assert pairs == [(1, 0)] and gone == [0] and came == []
    assert likeness(old[1], new[0]) > likeness(old[0], new[0]) > 0


def test_many_left_overs_skip_the_rename_step() -> None:
    side = int(MAX_LEFT**0.5) + 1
    old = [cookie(f"old_{i}_x") for i in range(side)]
    new = [cookie(f"old_{i}_y") for i in range(side)]
    pairs, gone, came = line_up(old, new)
    assert pairs == [] and len(gone) == len(came) == side


def test_a_cookie_moved_and_changed_is_one_move_and_one_change() -> None:
    ses = '\n[[services.stats.cookies]]\nname = "_st_ses_*"\nduration = "30 minutes"\n'
    moved = sub(
        ses,
        "",
        '[[services.site.cookies]]\nname = "csrf"',
        '[[services.site.cookies]]\nname = "_st_ses_*"\nduration = "2 hours"\n\n'
        '[[services.site.cookies]]\nname = "csrf"',
    )
    assert found(moved) == [
        ("cookie-moved", "site/1", "service"),
        ("lifetime-longer", "site/1", "duration"),
    ]


def test_cookies_of_a_renamed_service_stay_paired() -> None:
    renamed = sub(
        "[services.stats]", "[services.audience]",
        '[[services.stats.cookies]]\nname = "_st_id"\nduration = "6 months"',
        '[[services.audience.cookies]]\nname = "_st_id"\nduration = "7 months"',
        '[[services.stats.cookies]]\nname = "_st_ses_*"',
        '[[services.audience.cookies]]\nname = "_st_ses_*"',
    )  # fmt: skip
    # not the same content (a longer lifetime): removed and added, nothing paired across
    assert found(renamed) == [
        ("service-added", "audience", None),
        ("service-removed", "stats", None),
    ]


def test_removed_cookies_follow_their_service() -> None:
    text = BASE + '\n[[services.stats.cookies]]\nname = "_st_more"\nduration = "1 day"\n'
    changes = found(lambda t: t.replace(BASE, BASE.replace('name = "csrf"', 'name = "xsrf"')), text)
    assert changes == [
        ("cookie-added-without-consent", "site/1", None),
        ("cookie-removed", "site/1", None),
    ]
