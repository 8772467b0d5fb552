"""The loader on broken input: a clear error with a place, or a model; never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from consent_tui.commands.common import load_or_report
from consent_tui.core.errors import CatalogueError, NotACatalogueError, ParseError
from consent_tui.core.store import decode, load, load_text

HEAD = 'format_version = 1\n[policy]\nsite_name = "Site"\n'


def _error(text: str) -> CatalogueError:
    with pytest.raises(CatalogueError) as info:
        load_text(text, "cat.toml")
    return info.value


# -- invalid TOML: line and column


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        ('format_version = 1\n[policy]\nsite_name = "x\n', 3, 15, "illegal character"),
        ("format_version = 1\n[policy\n", 2, 8, "expected ']'"),
        ("format_version = 1\nsite_name = x\n", 2, 13, "invalid value"),
        ("format_version = 1\nformat_version = 1\n", 2, 1, "cannot overwrite a value"),
        ("format_version = 1\n[policy]\n  [policy]\n", 3, 3, "cannot declare `policy` twice"),
        ('[services."a.b"]\n[services."a.b"]\n', 2, 1, 'cannot declare `services."a.b"` twice'),
        ("format_version = 1\nx = [1,\n", 3, 1, "invalid value"),
    ],
)
def test_invalid_toml_names_line_and_column(text: str, line: int, col: int, words: str) -> None:
    error = _error(text)
    assert isinstance(error, ParseError)
    assert (error.line, error.col) == (line, col)
    assert words in error.message.lower()
    assert str(error).startswith(f"cat.toml:{line}:{col}: invalid TOML: ")


def test_binary_junk_is_a_parse_error_at_the_start() -> None:
    error = _error("\x00\x01\x02\x7f garbage")
    assert isinstance(error, ParseError)
    assert str(error) == "cat.toml:1:1: invalid TOML: invalid statement"


def test_random_bytes_are_refused_as_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "junk.toml"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ParseError) as info:
        load(path)
    # byte 10 is a line break: 0x80 is the 118th character of line 2
    assert str(info.value) == (
        f"{path}:2:118: the file is not UTF-8 text (byte 0x80 cannot be decoded)"
    )


@pytest.mark.parametrize(
    ("data", "line", "col"),
    [
        (b"\xff\xfe\x00", 1, 1),
        (b'format_version = 1\n[policy]\nsite_name = "caf\xe9"\n', 3, 17),
        # the column counts characters, not bytes: two "é" before the bad byte
        (b'format_version = 1\nx = "\xc3\xa9\xc3\xa9\xff"\n', 2, 8),
        # a BOM is no column
        (b"\xef\xbb\xbfab\xff", 1, 3),
    ],
)
def test_invalid_utf8_names_the_bad_byte(data: bytes, line: int, col: int) -> None:
    with pytest.raises(ParseError) as info:
        decode(data, "cat.toml")
    assert (info.value.line, info.value.col) == (line, col)
    assert info.value.message.startswith("the file is not UTF-8 text (byte 0x")


def test_latin1_file_is_refused_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes((HEAD + 'controller = "Société"\n').encode("latin-1"))
    with pytest.raises(ParseError) as info:
        load(path)
    assert str(info.value) == (
        f"{path}:4:19: the file is not UTF-8 text (byte 0xe9 cannot be decoded)"
    )


# -- not a catalogue


@pytest.mark.parametrize("text", ["", "\n\n   \n", "# only a comment\n", "\ufeff"])
def test_empty_file_says_so(text: str) -> None:
    error = _error(text)
    assert isinstance(error, NotACatalogueError)
    assert error.message.startswith("the file is empty")
    assert "format_version = 1" in error.message


def test_other_toml_is_not_a_catalogue() -> None:
    error = _error('[tool.poetry]\nname = "x"\n')
    assert isinstance(error, NotACatalogueError)
    assert "not a consent-tui catalogue" in error.message


def test_missing_format_version_says_how_to_fix() -> None:
    error = _error('[policy]\nsite_name = "x"\n')
    assert error.message == "format_version is missing; add `format_version = 1` at the top"


def test_newer_format_version_is_refused_saying_so() -> None:
    error = _error('format_version = 2\n[policy]\nsite_name = "x"\n')
    assert isinstance(error, NotACatalogueError)
    assert (error.line, error.col) == (1, 1)
    assert error.message == (
        "this catalogue uses format version 2, but this consent-tui reads version 1 at most; "
        "upgrade consent-tui to edit it"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"1"', "format_version must be an integer, not a string"),
        ("true", "format_version must be an integer, not a boolean"),
        ("1.0", "format_version must be an integer, not a float"),
        ("0", "format_version 0 does not exist"),
        ("-3", "format_version -3 does not exist"),
    ],
)
def test_bad_format_version(value: str, message: str) -> None:
    error = _error(f"format_version = {value}\n")
    assert error.message == message
    assert error.line == 1


def test_an_entry_that_is_not_a_table_is_refused_with_its_place() -> None:
    error = _error("format_version = 1\n[services]\nga = 1\n")
    assert isinstance(error, NotACatalogueError)
    assert str(error) == (
        "cat.toml:3:1: services.ga must be a table (the service 'ga'), not an integer"
    )


def test_an_entry_written_as_an_array_of_tables_is_refused_at_its_first_header() -> None:
    error = _error("format_version = 1\n\n[[categories.en]]\na = 1\n[[categories.en]]\n")
    assert str(error) == (
        "cat.toml:3:1: categories.en must be a table (the category 'en'), not an array"
    )


def test_missing_sections_load_as_empty() -> None:
    catalogue = load_text("format_version = 1\n")
    assert catalogue.policy.site_name is None
    assert dict(catalogue.categories) == dict(catalogue.purposes) == dict(catalogue.services) == {}
    assert catalogue.banner is None
    assert catalogue.languages == ("en",)


# -- wrong types: kept in extra for validation to report, never a crash


@pytest.mark.parametrize(
    ("text", "where", "key", "value"),
    [
        ("format_version = 1\nservices = 3\n", "catalogue", "services", 3),
        ("format_version = 1\npolicy = 1\n", "catalogue", "policy", 1),
        ('format_version = 1\ncategories = ["a"]\n', "catalogue", "categories", ["a"]),
        ("format_version = 1\nbanner = true\n", "catalogue", "banner", True),
        ('format_version = 1\n[services.a]\ncookies = "x"\n', "service", "cookies", "x"),
        (
            'format_version = 1\n[services.a]\ncookies = [{ name = "x" }, 3]\n',
            "service",
            "cookies",
            [{"name": "x"}, 3],
        ),
        ('format_version = 1\n[services.a]\npurposes = "ga"\n', "service", "purposes", "ga"),
        ("format_version = 1\n[services.a]\nprovider = 7\n", "service", "provider", 7),
        ('format_version = 1\n[categories.a]\nconsent = "yes"\n', "category", "consent", "yes"),
        ("format_version = 1\n[categories.a]\ntitle = {}\n", "category", "title", {}),
        (
            "format_version = 1\n[categories.a]\ntitle = { en = 1 }\n",
            "category",
            "title",
            {"en": 1},
        ),
        (
            "format_version = 1\n[purposes.a]\ntcf_purposes = [true]\n",
            "purpose",
            "tcf_purposes",
            [True],
        ),
        ('format_version = 1\n[policy]\nlanguages = "en"\n', "policy", "languages", "en"),
        (
            'format_version = 1\n[policy]\nupdated = "2026-01-01"\n',
            "policy",
            "updated",
            "2026-01-01",
        ),
        ("format_version = 1\n[policy]\ndocument = 1\n", "policy", "document", 1),
        ("format_version = 1\n[banner]\nrevision = true\n", "banner", "revision", True),
        ("format_version = 1\n[banner]\npolicy_url = 1\n", "banner", "policy_url", 1),
    ],
)
def test_wrong_types_are_kept_in_extra(text: str, where: str, key: str, value: object) -> None:
    catalogue = load_text(text)
    entity = {
        "catalogue": catalogue,
        "policy": catalogue.policy,
        "banner": catalogue.banner,
        "service": catalogue.services.get("a"),
        "category": catalogue.categories.get("a"),
        "purpose": catalogue.purposes.get("a"),
    }[where]
    assert entity is not None
    assert entity.extra[key] == value
    if where != "catalogue":
        assert getattr(entity, key) in (None, ())


def test_a_cookie_field_of_the_wrong_type_stays_with_its_cookie() -> None:
    text = 'format_version = 1\n[[services.a.cookies]]\nname = "x"\nduration = 30\n'
    (cookie,) = load_text(text).services["a"].cookies
    assert cookie.name == "x"
    assert cookie.duration is None
    assert dict(cookie.extra) == {"duration": 30}


def test_a_bad_section_text_keeps_the_whole_sections_table() -> None:
    text = 'format_version = 1\n[policy.document]\nsections = { intro = "Hi", outro = 3 }\n'
    document = load_text(text).policy.document
    assert document is not None
    assert dict(document.sections) == {}
    assert document.extra["sections"] == {"intro": "Hi", "outro": 3}


def test_unknown_keys_are_kept_everywhere() -> None:
    text = (
        "format_version = 1\nowner = 'me'\n[policy]\nsite_name = 'S'\nnote = 1\n"
        "[services.a]\nprovider = 'P'\nteam = 'web'\n"
        "[[services.a.cookies]]\nname = 'c'\nsecure = true\n"
    )
    catalogue = load_text(text)
    assert dict(catalogue.extra) == {"owner": "me"}
    assert dict(catalogue.policy.extra) == {"note": 1}
    assert dict(catalogue.services["a"].extra) == {"team": "web"}
    assert dict(catalogue.services["a"].cookies[0].extra) == {"secure": True}


# -- encodings and line endings


def test_bom_is_accepted_and_errors_count_lines_without_it() -> None:
    catalogue = load_text("\ufeff" + HEAD)
    assert catalogue.policy.site_name == "Site"
    error = _error("\ufeffformat_version = 1\n[policy\n")
    assert (error.line, error.col) == (2, 8)


def test_crlf_line_endings_load_the_same() -> None:
    crlf = HEAD.replace("\n", "\r\n") + 'intro = """two\r\nlines"""\r\n'
    catalogue = load_text(crlf)
    assert catalogue.policy.site_name == "Site"
    assert catalogue.policy.intro is not None
    assert catalogue.policy.intro.values == {"en": "two\nlines"}
    error = _error("format_version = 1\r\n[policy]\r\nsite_name = x\r\n")
    assert (error.line, error.col) == (3, 13)


def test_store_load_keeps_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "cat.toml"
    path.write_bytes(("\ufeff" + HEAD.replace("\n", "\r\n")).encode())
    document = load(path)
    assert document.has_bom
    assert document.newline == "\r\n"
    assert document.catalogue.policy.site_name == "Site"


# -- files


def test_a_folder_or_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="is a folder"):
        load(tmp_path)
    with pytest.raises(CatalogueError) as info:
        load(tmp_path / "nope.toml")
    assert str(info.value) == f"{tmp_path / 'nope.toml'}: no such file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    path = tmp_path / "secret.toml"
    path.write_text(HEAD)
    path.chmod(0)
    with pytest.raises(CatalogueError, match="permission denied"):
        load(path)


def test_load_or_report_prints_compiler_style(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('format_version = 1\n[policy]\nsite_name = "x\n', encoding="utf-8")
    assert load_or_report(str(path)) is None
    err = capsys.readouterr().err
    assert err == f"{path}:3:15: error: invalid TOML: illegal character '\\n'\n"


@pytest.mark.parametrize("digits", [4301, 5000, 20000])
def test_an_integer_too_long_for_python_is_a_toml_error_at_its_place(digits: int) -> None:
    text = 'format_version = 1\n[policy]\nsite_name = "x"\n  big = -' + "1" * digits + "\n"
    with pytest.raises(ParseError) as caught:
        load_text(text, "cat.toml")
    assert (caught.value.line, caught.value.col) == (4, 9)
    assert "more than 4,300 digits" in caught.value.message
