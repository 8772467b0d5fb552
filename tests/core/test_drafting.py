"""Drafting a catalogue from evidence: what goes where, hostile names, the text read back."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from consent_tui.core.audit import audit
from consent_tui.core.drafting import DraftError, draft, render
from consent_tui.core.drafting.comments import DATABASE_TEXT
from consent_tui.core.evidence import EvidenceFile, Observation
from consent_tui.core.store import load_text
from consent_tui.core.validation import validate
from tests.conftest import DATA
from tests.core.evidence.support import AUDIT, read
from tests.core.known_support import installed_index

SITE = "https://www.petit-four.example/"


def _site_files() -> list[EvidenceFile]:
    return [
        *read(AUDIT / "accept.har"),
        *read(AUDIT / "before.har", "before-consent"),
        *read(AUDIT / "reject.json", "after-reject"),
        *read(DATA / "init" / "known.har"),
    ]


def _file(*observations: Observation, site: str | None = SITE) -> EvidenceFile:
    return EvidenceFile("rec.json", "storage-state", "unknown", observations, site=site)


def _cookie(name: str, host: str = "www.petit-four.example", **more: object) -> Observation:
    return Observation(name, "http_cookie", host, "rec.json", "cookies[0]", **more)  # type: ignore[arg-type]


def test_known_cookies_go_to_their_platforms_unknown_ones_to_review() -> None:
    drafted = draft(_site_files(), index=installed_index())
    services = drafted.catalogue.services
    ga = services["google-analytics"]
    assert (ga.provider, ga.category, ga.purposes, ga.party) == (
        "Google",
        "statistics",
        ("audience-measurement",),
        "first",
    )
    assert [(c.name, c.duration) for c in ga.cookies] == [
        ("_ga", "2 years"),
        ("_ga_*", "2 years"),
        ("_gid", "24 hours"),
    ]
    assert ga.review is None
    facebook = services["facebook"]
    assert facebook.party == "third"  # fr on .facebook.com
    assert [(c.name, c.domain) for c in facebook.cookies] == [
        ("_fbp", None),
        ("fr", ".facebook.com"),
    ]
    # One platform in two categories is two services.
    assert services["example-shop-necessary"].category == "necessary"
    shop = services["example-shop-marketing"]
    assert (shop.category, shop.party, shop.privacy_policy, shop.review) == (
        "marketing",
        "third",
        "https://shop.example/",  # guessed from the database's domain, and marked
        True,
    )
    # Nothing to go on for zt_sync's lifetime: a placeholder, and the service is marked.
    zeta = services["zeta-ads"]
    assert (zeta.cookies[0].duration, zeta.review) == ("persistent", True)
    # The evidence beats the database when the cookie lives longer than it says.
    matomo = {c.name: c for c in services["matomo"].cookies}
    assert matomo["_pk_id.*"].duration == "2 years"  # the database says 13 months
    assert (matomo["_pk_ses.*"].duration, matomo["_pk_ses.*"].refresh) == ("1 hour", None)
    unreviewed = services["unreviewed"]
    assert (unreviewed.category, unreviewed.party, unreviewed.review) == (
        "marketing",
        "first",
        True,
    )
    names = [c.name for c in unreviewed.cookies]
    assert "sid" in names  # three platforms list it: not identified
    assert "_hjSessionUser_*" not in names
    assert services["hotjar"].cookies[0].name == "_hjSessionUser_*"  # two names, one pattern
    tube = services["unreviewed-tube-example"]
    assert (tube.party, tube.privacy_policy) == ("third", "https://tube.example/")
    assert list(services)[-4:] == [
        "unreviewed",
        "unreviewed-adnet-example",
        "unreviewed-other-example",
        "unreviewed-tube-example",
    ]
    assert drafted.counts.known + drafted.counts.unreviewed == drafted.counts.cookies


def test_the_draft_is_valid_and_matches_its_own_evidence() -> None:
    files = _site_files()
    drafted = draft(files, index=installed_index())
    problems = validate(drafted.catalogue)
    assert [p.rule for p in problems if p.severity == "error"] == []
    report = audit(drafted.catalogue, files)
    # Only what consent says of the site's behaviour is left: nothing undeclared, no
    # lifetime, domain or party the evidence contradicts.
    assert {f.rule for f in report.findings} == {
        "set-before-consent",
        "kept-after-refusal",
        "undeclared",
    }
    # ... but the one name no browser stores, which the draft leaves out.
    assert [f.name for f in report.findings if f.rule == "undeclared"] == [
        n for n, _w in drafted.skipped
    ]


def test_without_a_database_every_cookie_is_to_review() -> None:
    drafted = draft(_site_files())
    assert all(s.review for s in drafted.catalogue.services.values())
    assert drafted.counts.known == 0 and drafted.database is None
    text = render(drafted)
    assert "No known-cookie database was installed" in text
    assert DATABASE_TEXT not in text
    # Families of generated names are still folded; names that are words are not.
    names = [c.name for c in drafted.catalogue.services["unreviewed"].cookies]
    assert "_hjSessionUser_*" in names
    assert "pf_session" in names and "pf_theme" in names and "pf_*" not in names


def test_descriptions_from_the_database_are_marked_or_only_quoted() -> None:
    en = draft(_site_files(), index=installed_index())
    ga = en.catalogue.services["google-analytics"].cookies[0]
    assert ga.description is not None
    assert dict(ga.description.values) == {"en": "Tells visitors apart for the statistics."}
    text = render(en)
    assert f'# {DATABASE_TEXT}\ndescription = "Tells visitors apart' in text
    fr = draft(_site_files(), lang="fr", index=installed_index())
    assert all(
        c.description is None for s in fr.catalogue.services.values() for c in s.cookies
    )  # a French catalogue gets no English text as its own: a comment only
    quoted = '# The Open Cookie Database describes it (in English): "Tells visitors apart for the'
    assert quoted in render(fr)
    assert fr.catalogue.categories["necessary"].title.values == {"fr": "Strictement nécessaires"}  # type: ignore[union-attr]


def test_the_text_reads_back_and_is_stable() -> None:
    drafted = draft(_site_files(), index=installed_index())
    text = render(drafted)
    assert load_text(text) == drafted.catalogue
    assert render(draft(_site_files(), index=installed_index())) == text


def test_hostile_names_and_urls_stay_inside_their_strings_and_comments() -> None:
    names = ['a"b', "back\\slash", "rtl\u202eevil", "tab\there"]
    observations = [
        _cookie(n, url="https://www.petit-four.example/x\n[services.evil]\nprovider='x'")
        for n in names
    ]
    observations.append(
        Observation(
            "line\nbreak = 1",
            "local_storage",
            "www.petit-four.example",
            "file\n[policy]\nname.json",
            "origins[0]",
            url="https://www.petit-four.example/?token=SECRET#frag",
        )
    )
    observations.append(_cookie("bad;name"))  # no browser stores it: left out
    drafted = draft([_file(*observations)])
    text = render(drafted)
    data = tomllib.loads(text)
    assert set(data["services"]) == {"unreviewed"}
    cookies = data["services"]["unreviewed"]["cookies"]
    assert sorted(c["name"] for c in cookies) == sorted([*names, "line\nbreak = 1"])
    assert "SECRET" not in text and "frag" not in text
    assert "\u202e" not in text and "\\u202E" in text
    assert drafted.skipped == (
        ("bad;name", "no browser stores a cookie of that name (a control character, ; or =)"),
    )
    for line in text.splitlines():
        assert line == "" or line.startswith(("#", "[", "format_version")) or " = " in line


def test_the_site_comes_from_the_option_or_the_first_recording() -> None:
    files = [_file(_cookie("x"), site=None), _file(_cookie("y"), site="https://shop.example/a")]
    drafted = draft(files)
    assert drafted.catalogue.policy.site_url == "https://shop.example"
    assert drafted.catalogue.policy.site_name == "shop.example"
    # Cookies on www.petit-four.example are another site's now.
    assert set(drafted.catalogue.services) == {"unreviewed-petit-four-example"}
    given = draft(files, site="https://www.petit-four.example")
    assert given.catalogue.policy.site_name == "petit-four.example"
    assert set(given.catalogue.services) == {"unreviewed"}
    other = draft([_file(_cookie("y")), _file(_cookie("z"), site="https://elsewhere.example/")])
    assert other.site.others == ("elsewhere.example",)


@pytest.mark.parametrize(
    ("files", "kwargs", "message"),
    [
        ([], {}, "the evidence does not say which site"),
        ([_file(_cookie("x"), site=None)], {}, "give it with --site https://"),
        ([_file(_cookie("x"))], {"site": "www.example.org"}, "has no scheme"),
        ([_file(_cookie("x"))], {"lang": "de"}, "--lang 'de': the standard texts exist in en, fr"),
        ([_file()], {}, "the evidence holds no cookie or storage item"),
        ([_file(_cookie("a=b"))], {}, "the evidence holds no cookie or storage item"),
    ],
)
def test_nothing_to_draft(files: list[EvidenceFile], kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(DraftError) as caught:
        draft(files, **kwargs)  # type: ignore[arg-type]
    assert message in caught.value.message


def test_a_lifetime_nobody_shows_is_a_marked_placeholder() -> None:
    drafted = draft([_file(_cookie("seen_only_sent", origin="request-cookie"))])
    cookie = drafted.catalogue.services["unreviewed"].cookies[0]
    assert cookie.duration == "persistent"
    assert '"persistent" until you check it' in render(drafted)


def test_storage_and_session_cookies_take_their_kinds_lifetimes() -> None:
    when = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    drafted = draft(
        [
            _file(
                _cookie("s", session=True, seen_at=when),
                _cookie("p", lifetime=30 * 86400, session=False),
                Observation("k", "session_storage", "www.petit-four.example", "r", "w"),
                Observation("db", "indexed_db", "www.petit-four.example", "r", "w"),
            )
        ]
    )
    got = {c.name: (c.type, c.duration) for c in drafted.catalogue.services["unreviewed"].cookies}
    assert got == {
        "s": (None, "session"),
        "p": (None, "30 days"),
        "k": ("session_storage", "session"),
        "db": ("indexed_db", "persistent"),
    }
