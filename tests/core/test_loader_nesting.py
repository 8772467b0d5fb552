"""Files nested absurdly deep are refused with a place, never a RecursionError.

``tomllib`` recurses once per bracket, and so do the store, validation and the
exports once a value is loaded: the loader refuses anything nested beyond
``nesting.MAX_DEPTH`` levels, by brackets, inline tables, dotted keys or headers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consent_tui.cli import main
from consent_tui.core import store
from consent_tui.core.errors import NotACatalogueError
from consent_tui.core.export import registry
from consent_tui.core.model import replace
from consent_tui.core.store import load_text, nesting
from consent_tui.core.validation import validate
from tests.conftest import SAMPLES

LIMIT = nesting.MAX_DEPTH
HEAD = "format_version = 1\n"


def arrays(n: int) -> str:
    return "[" * n + "]" * n


def inline(n: int) -> str:
    return "{a=" * n + "1" + "}" * n


# (text, line, col of the first bracket or key part beyond the limit)
DEEP = {
    "arrays 500": (HEAD + "x = " + arrays(500) + "\n", 2, 5 + LIMIT),
    "inline tables 5000": (HEAD + "x = " + inline(5_000) + "\n", 2, 5 + 3 * LIMIT),
    "arrays just over": (HEAD + "x = " + arrays(LIMIT + 1) + "\n", 2, 5 + LIMIT),
    "dotted key": (HEAD + ".".join(["x"] * 3_000) + " = 1\n", 2, 1 + 2 * (LIMIT + 1)),
    "header": (HEAD + "[" + ".".join(["x"] * 3_000) + "]\ny = 1\n", 2, 2 + 2 * LIMIT),
    # a cookie's table is at level 4: its unknown key's array at 5
    "in a cookie": (
        HEAD
        + '[services.a]\nprovider = "p"\n\n[[services.a.cookies]]\nname = "n"\n'
        + 'note = "[[[[ not brackets ]]]]"  # [[[[ nor these\n'
        + "x = [\n  "
        + arrays(LIMIT - 3)
        + "\n]\n",
        9,
        3 + LIMIT - 5,
    ),
    # a known field of the wrong type is kept in extra too: checked like the others
    "a service's field": (
        HEAD + "[services.a]\nprovider = " + arrays(LIMIT) + "\ncookies = []\n",
        3,
        12 + LIMIT - 2,
    ),
}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deep.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(DEEP))
def test_store_load_refuses_with_a_place(tmp_path: Path, name: str) -> None:
    text, line, col = DEEP[name]
    with pytest.raises(NotACatalogueError) as caught:
        store.load(write(tmp_path, text))
    error = caught.value
    assert (error.line, error.col) == (line, col)
    assert f"nested more than {LIMIT} levels deep" in error.message
    assert str(error).startswith(f"{tmp_path / 'deep.toml'}:{line}:{col}: ")


@pytest.mark.parametrize("name", ["arrays 500", "inline tables 5000", "dotted key"])
def test_cli_validate_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text, line, col = DEEP[name]
    path = write(tmp_path, text)
    assert main(["validate", str(path)]) == 2
    out, err = capsys.readouterr()
    assert f"{path}:{line}:{col}: error[not-a-catalogue]: " in out
    assert f"nested more than {LIMIT} levels deep" in out
    assert "Traceback" not in out + err and "RecursionError" not in out + err


@pytest.mark.parametrize("name", ["arrays 500", "inline tables 5000", "header"])
def test_cli_export_says_where(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text, line, col = DEEP[name]
    path = write(tmp_path, text)
    assert main(["export", str(path), "-f", "json", "--force"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"{path}:{line}:{col}: ")
    assert f"nested more than {LIMIT} levels deep" in err
    assert "Traceback" not in err


def test_the_limit_itself_loads_and_everything_works_on_it() -> None:
    """Nested exactly ``LIMIT`` deep: validation, every export and a save all work."""
    sample = (SAMPLES / "opendatasoft.toml").read_text(encoding="utf-8")
    extras = (
        "x = " + arrays(LIMIT),
        "y = " + inline(LIMIT),
        ".".join(["z"] * (LIMIT + 1)) + " = 1",
    )
    text = sample.replace("format_version = 1\n", HEAD + "\n".join(extras) + "\n", 1)
    document = store.from_text(text)
    catalogue = document.catalogue
    assert set(catalogue.extra) == {"x", "y", "z"}
    validate(catalogue)
    for name in registry.names():
        registry.get(name).render(catalogue, registry.ExportOptions())
    edited = replace(catalogue, policy=replace(catalogue.policy, site_name="Renamed"))
    assert load_text(store.render(document, edited)) == edited
    added = replace(catalogue, extra={**catalogue.extra, "w": [1]})
    assert load_text(store.render(document, added)) == added


def test_place_skips_strings_and_comments() -> None:
    text = (
        HEAD + "a = \"[[[[\" # {{{{\nb = '''\n[[[[\n'''\n" + "[t]\nc = " + arrays(LIMIT + 5) + "\n"
    )
    assert nesting.place(text) == (7, 5 + LIMIT - 1)
    assert nesting.place(HEAD + "[t]\nc = [[1]]\n") == (3, 6)  # the deepest point
