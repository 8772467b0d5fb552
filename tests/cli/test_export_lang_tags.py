"""``export --lang``: a declared BCP 47 tag in any spelling, the closest declared one, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from consent_tui.cli import main
from tests.conftest import ROOT, SAMPLES

GOLDEN = ROOT / "tests" / "golden" / "export"
ODS = str(SAMPLES / "opendatasoft.toml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _catalogue(tmp_path: Path, languages: list[str]) -> str:
    texts = ", ".join(f'{tag} = "Text {tag}"' for tag in languages)
    path = tmp_path / "cookies.toml"
    path.write_text(
        "format_version = 1\n\n[policy]\n"
        'site_name = "Example"\nsite_url = "https://example.com"\ncontroller = "Example Ltd"\n'
        'contact = "mailto:privacy@example.com"\n'
        f"languages = [{', '.join(repr(t).replace(chr(39), chr(34)) for t in languages)}]\n\n"
        f"[categories.necessary]\ntitle = {{ {texts} }}\ndescription = {{ {texts} }}\n"
        "consent = false\n",
        encoding="utf-8",
    )
    return str(path)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("english", "--lang 'english' is not a language tag (BCP 47) such as en, fr or pt-BR; "
         'write "en" (English)'),
        ("xx-YY-ZZ", "--lang 'xx-YY-ZZ' is not a language tag (BCP 47) such as en, fr or pt-BR"),
    ],
)  # fmt: skip
def test_an_invalid_tag_is_refused_with_a_hint(
    capsys: pytest.CaptureFixture[str], lang: str, message: str
) -> None:
    assert run(capsys, "export", ODS, "--lang", lang) == (2, "", f"consent-tui: {message}\n")


def test_a_declared_tag_in_another_spelling_is_that_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "export", ODS, "-f", "html", "--lang", "FR")
    assert (code, err) == (0, "")
    assert out == (GOLDEN / "opendatasoft.fr.html").read_text(encoding="utf-8")


def test_a_regional_and_scripted_catalogue_exports_in_its_own_tags(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _catalogue(tmp_path, ["en", "pt-BR", "zh-Hant", "sr-Latn"])
    code, out, err = run(capsys, "export", path, "-f", "html", "--lang", "pt_br")
    assert code == 0
    assert "not one of the catalogue's languages" not in err
    assert '<html lang="pt-BR"' in out and "Text pt-BR" in out
    code, out, err = run(capsys, "export", path, "-f", "html", "--lang", "zh-TW")
    assert code == 0
    assert '<html lang="zh-Hant"' in out and "Text zh-Hant" in out
    assert (
        "note: 'zh-TW' is not one of the catalogue's languages (en, pt-BR, zh-Hant, sr-Latn): "
        "exported in 'zh-Hant'"
    ) in err


def test_an_undeclared_language_is_refused_by_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _catalogue(tmp_path, ["en", "sr-Latn"])
    code, out, err = run(capsys, "export", path, "--lang", "de-CH")
    assert (code, out) == (2, "")
    assert err == (
        "consent-tui: --lang 'de-CH': the catalogue is written in English (en), srpski (sr-Latn); "
        "to export in Deutsch (de-CH), add it to [policy] languages and translate the texts\n"
    )
