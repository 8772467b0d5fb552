"""Database categories to a catalogue's own category ids, and entries as catalogue suggestions."""

from __future__ import annotations

from consent_tui.core.known.index import KnownIndex
from consent_tui.core.known.mapping import category_mapping, fold
from consent_tui.core.known.read import read_path
from consent_tui.core.known.suggest import Suggestion, suggest
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load, load_text
from tests.conftest import SAMPLES
from tests.core.known_support import SMALL_CSV


def _catalogue(categories: str) -> Catalogue:
    return load_text(f"format_version = 1\n\n{categories}", "t.toml")


def _targets(catalogue: Catalogue) -> dict[str, str]:
    return dict(category_mapping(catalogue).targets)


def test_the_news_site_sample_maps_every_category() -> None:
    catalogue = load(SAMPLES / "news-site.toml").catalogue
    assert _targets(catalogue) == {
        "Functional": "necessary",
        "Personalization": "preferences",
        "Analytics": "statistics",
        "Marketing": "marketing",
        "Security": "necessary",
    }


def test_a_catalogue_with_one_category() -> None:
    catalogue = load(SAMPLES / "minimal.toml").catalogue
    assert _targets(catalogue) == {"Functional": "necessary", "Security": "necessary"}
    mapping = category_mapping(catalogue)
    assert mapping.category_for("Marketing") is None
    assert mapping.known_for("necessary") == ("Functional", "Security")


def test_titles_in_any_language_and_ids_count() -> None:
    catalogue = _catalogue(
        """\
[categories.c1]
title = { fr = "Mesure d'audience", en = "Visits" }

[categories.c2]
title = "Publicité ciblée"

[categories.c3]
title = { fr = "Cookies indispensables" }

[categories.securite]
title = "Protection"

[categories.prefs]
title = "Vos préférences"
"""
    )
    assert _targets(catalogue) == {
        "Functional": "c3",
        "Personalization": "prefs",
        "Analytics": "c1",
        "Marketing": "c2",
        "Security": "securite",
    }


def test_necessary_wins_functional_then_functional_holds_preferences() -> None:
    catalogue = _catalogue(
        """\
[categories.functional]
title = "Functional cookies"

[categories.essential]
title = "Strictly necessary"
"""
    )
    assert _targets(catalogue) == {
        "Functional": "essential",
        "Personalization": "functional",
        "Security": "essential",
    }


def test_words_match_at_the_start_of_a_word_only() -> None:
    catalogue = _catalogue('[categories.loads]\ntitle = "Unnecessary uploads"\n')
    assert _targets(catalogue) == {}


def test_known_categories_override_the_defaults() -> None:
    catalogue = _catalogue(
        """\
[categories.necessary]
title = "Necessary"

[categories.statistics]
title = "Statistics"
known_categories = ["Analytics", "personalization"]

[categories.ads]
title = "Advertising"
known_categories = ["Security", "Analytics"]
"""
    )
    mapping = category_mapping(catalogue)
    assert dict(mapping.targets) == {
        "Analytics": "statistics",  # the first category that lists it
        "Personalization": "statistics",
        "Security": "ads",
        "Functional": "necessary",
        "Marketing": "ads",
    }
    assert mapping.declared == {"Analytics", "Personalization", "Security"}
    assert mapping.category_for("analytics") == "statistics"
    assert mapping.category_for("Statistics") == "statistics"  # an "also known as" name
    assert mapping.category_for("Tracking pixels") is None


def test_an_off_list_category_can_be_declared() -> None:
    catalogue = _catalogue(
        '[categories.px]\ntitle = "Pixels"\nknown_categories = ["Tracking pixels"]\n'
    )
    assert category_mapping(catalogue).category_for("tracking PIXELS") == "px"


def test_fold() -> None:
    assert fold("Mesure d'AUDIENCE — Publicité") == "mesure d audience publicite"


def test_suggestions_for_the_news_site() -> None:
    catalogue = load(SAMPLES / "news-site.toml").catalogue
    index = KnownIndex(read_path(SMALL_CSV).entries)
    [fbp] = index.lookup("_fbp")
    assert suggest(fbp, catalogue) == Suggestion(
        entry=fbp,
        service_id="facebook",
        provider="Meta",
        category="marketing",
        privacy_policy="https://www.facebook.com/privacy/policy/",
        party="third",
        cookie_name="_fbp",
        duration="3 months",
        refresh=None,
        description="Identifies browsers for advertising.",
    )
    [session] = index.lookup("_pk_ses.1.abc")
    hint = suggest(session, catalogue)
    assert (hint.service_id, hint.cookie_name, hint.duration, hint.refresh, hint.party) == (
        "matomo",
        "_pk_ses.*",
        "30 minutes",
        True,
        None,
    )
    assert hint.category == "statistics"


def test_suggestions_leave_out_what_the_database_lacks() -> None:
    index = KnownIndex(read_path(SMALL_CSV).entries)
    gamma = next(e for e in index.lookup("sid") if e.platform == "Gamma Chat")
    hint = suggest(gamma)  # no catalogue: no category
    assert (hint.category, hint.privacy_policy, hint.duration) == (None, None, None)
    [cart] = index.lookup("cart")
    assert suggest(cart).privacy_policy is None  # empty in the database
    [zt] = index.lookup("zt9_uid")
    assert (suggest(zt).cookie_name, suggest(zt).duration) == ("zt*_uid", "persistent")
