"""``consent-tui export``: output places, languages, refusal of invalid catalogues, exit codes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from consent_tui.cli import main
from consent_tui.commands import export as export_command
from consent_tui.core.validation import Problem, error_rules
from tests.conftest import ROOT, SAMPLES

GOLDEN = ROOT / "tests" / "golden" / "export"
ODS = str(SAMPLES / "opendatasoft.toml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_stdout_by_default_is_the_golden_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", ODS, "--format", "markdown")
    assert (code, err) == (0, "")
    assert out == (GOLDEN / "opendatasoft.en.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        (["--format", "html", "--lang", "fr"], "opendatasoft.fr.html"),
        (["--format", "html", "--fragment"], "opendatasoft.fragment.en.html"),
        (["--format", "text", "--width", "120", "--lang", "fr"], "opendatasoft.w120.fr.txt"),
        (["--format", "csv"], "opendatasoft.en.csv"),
        (["--format", "json"], "opendatasoft.json"),
    ],
)
def test_output_file_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: list[str], golden: str
) -> None:
    out_file = tmp_path / "sub" / "out"
    code, out, err = run(capsys, "export", ODS, *args, "-o", str(out_file))
    assert code == 0 and out == ""
    assert err == f"consent-tui: wrote {out_file}\n"
    assert out_file.read_bytes() == (GOLDEN / golden).read_bytes()


def test_format_from_the_output_extension(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "policy.htm"
    assert run(capsys, "export", ODS, "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_all_languages_next_to_the_catalogue(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    catalogue = tmp_path / "site.toml"
    shutil.copy(ODS, catalogue)
    code, _, err = run(capsys, "export", str(catalogue), "--format", "html", "--all-languages")
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "policy.en.html",
        "policy.fr.html",
        "site.toml",
    ]
    assert (tmp_path / "policy.fr.html").read_bytes() == (
        GOLDEN / "opendatasoft.fr.html"
    ).read_bytes()
    assert err.count("wrote") == 2


def test_all_languages_into_a_folder_or_a_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    assert run(capsys, "export", ODS, "-f", "text", "--all-languages", "-o", str(folder))[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == ["policy.en.txt", "policy.fr.txt"]
    named = tmp_path / "cookies.md"
    assert run(capsys, "export", ODS, "-f", "markdown", "--all-languages", "-o", str(named))[0] == 0
    assert (tmp_path / "cookies.en.md").exists() and (tmp_path / "cookies.fr.md").exists()
    assert run(capsys, "export", ODS, "-f", "json", "--all-languages", "-o", str(folder))[0] == 0
    assert (folder / "policy.json").exists()


PARTLY_FRENCH = """\
format_version = 1
[policy]
site_name = "Example"
site_url = "https://example.org"
controller = "Example SA"
contact = "mailto:privacy@example.org"
languages = ["en", "fr"]
[categories.necessary]
title = { en = "Necessary" }
consent = false
[purposes.session]
title = { en = "Session", fr = "Session" }
description = { en = "To keep you signed in", fr = "Pour garder la connexion" }
legal_basis = "legitimate_interests"
[services.site]
provider = "Example"
party = "first"
purposes = ["session"]
function = { en = "Sign-in", fr = "Connexion" }
location = { en = "everywhere" }
category = "necessary"
[[services.site.cookies]]
name = "sid"
duration = "session"
"""


def test_all_languages_into_a_file_of_another_format_is_refused_clearly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    existing = tmp_path / "existing.html"
    existing.write_text("keep me")
    code, out, err = run(
        capsys, "export", ODS, "--all-languages", "-f", "markdown", "-o", str(existing)
    )
    assert (code, out) == (2, "")
    assert err == (
        f"consent-tui: --all-languages -o {existing}: {existing} is a file; give a folder "
        "to write the markdown files in, or a name such as NAME.md (NAME.en.md, NAME.fr.md...)\n"
    )
    assert existing.read_text() == "keep me"
    new = tmp_path / "new.html"
    code, _, err = run(capsys, "export", ODS, "--all-languages", "-f", "json", "-o", str(new))
    assert code == 2 and not new.exists()
    assert f"{new} looks like a file name;" in err and err.endswith("such as NAME.json\n")
    folder = tmp_path / "site-v1.2"  # a dot in a folder name is still a folder
    assert run(capsys, "export", ODS, "--all-languages", "-f", "csv", "-o", str(folder))[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == ["policy.en.csv", "policy.fr.csv"]


def test_fallback_notes_on_stderr_and_lang_on_the_passages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "site.toml"
    source.write_text(PARTLY_FRENCH, encoding="utf-8")
    code, out, err = run(capsys, "export", str(source), "--lang", "fr", "-f", "html")
    assert code == 0 and '<html lang="fr">' in out
    assert '<h3 lang="en">Necessary</h3>' in out
    assert 'Connexion (<span lang="en">everywhere</span>)' in out
    assert err == (
        "consent-tui: note: categories.necessary.title: no 'fr' text; used the 'en' one\n"
        "consent-tui: note: services.site.location: no 'fr' text; used the 'en' one\n"
    )


@pytest.mark.parametrize("fmt", ["markdown", "html", "text", "csv", "tcf-disclosures"])
def test_a_language_the_catalogue_does_not_declare_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    target = tmp_path / "out"
    code, out, err = run(capsys, "export", ODS, "-f", fmt, "--lang", "de", "-o", str(target))
    assert (code, out) == (2, "")
    assert err == (
        "consent-tui: --lang 'de': the catalogue is written in English (en), français (fr); "
        "to export in Deutsch (de), add it to [policy] languages and translate the texts\n"
    )
    assert not target.exists()


def test_a_regional_language_is_exported_in_its_declared_family(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "export", ODS, "-f", "html", "--lang", "fr-CA")
    assert code == 0
    assert out == (GOLDEN / "opendatasoft.fr.html").read_text(encoding="utf-8")
    assert err == (
        "consent-tui: note: 'fr-CA' is not one of the catalogue's languages (en, fr): "
        "exported in 'fr'\n"
    )


def _errors(*_args: object, **_kwargs: object) -> list[Problem]:
    return [
        Problem(
            "duration-syntax", "error", "bad duration", "cookie", hint="write 1 day", line=3, col=12
        ),
        Problem("unknown-key", "warning", "not an error", "catalogue"),
        Problem("missing-title", "error", "no title", "policy"),
    ]


def test_refuses_a_catalogue_with_errors(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(export_command, "validate", _errors)
    target = tmp_path / "out.md"
    code, out, err = run(capsys, "export", ODS, "-o", str(target))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"{ODS}: error[missing-title]: no title",
        f"{ODS}:3:12: error[duration-syntax]: bad duration",
        "    hint: write 1 day",
        "consent-tui: 2 errors: nothing exported; fix them, or export anyway with --force",
    ]
    assert not target.exists()


def test_export_checks_only_the_rules_that_refuse_it(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Warnings never stop an export, so their rules are not run (nor their problems located)."""
    asked: list[object] = []
    real = export_command.validate

    def spy(*args: object, **kwargs: object) -> list[Problem]:
        asked.append(kwargs.get("only"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(export_command, "validate", spy)
    code, out, _ = run(capsys, "export", ODS, "--format", "csv")
    assert code == 0 and out
    assert asked == [error_rules()]


def test_the_docs_show_the_refusal_format(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/export.md spells the error lines as they are printed."""
    docs = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    shown = re.search(r"the errors are listed on stderr as\s+`([^`]+)`", docs)
    assert shown is not None
    monkeypatch.setattr(export_command, "validate", _errors)
    _, _, err = run(capsys, "export", ODS)
    line = err.splitlines()[1]
    expected = (
        shown.group(1)
        .replace("file:line:col", f"{ODS}:3:12")
        .replace("rule", "duration-syntax")
        .replace("message", "bad duration")
    )
    assert line == expected


def test_force_exports_anyway(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_command, "validate", _errors)
    code, out, err = run(capsys, "export", ODS, "--force")
    assert code == 0 and out.startswith("# Cookies policy")
    assert err.endswith("consent-tui: exporting despite 2 errors (--force)\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--width", "10"], "--width must be at least 20"),
        (
            ["--lang", "en fr"],
            "--lang 'en fr' is not a language tag (BCP 47) such as en, fr or pt-BR",
        ),
        (["-f", "csv", "--template", "x.j2"], "--template does not apply to the csv format"),
        (["--template", "/nonexistent/t.j2"], "/nonexistent/t.j2: no such template file"),
        (["--lang", "fr", "--all-languages"], "--lang and --all-languages cannot be used together"),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    code, out, err = run(capsys, "export", ODS, *args)
    assert (code, out, err) == (2, "", f"consent-tui: {message}\n")


def test_an_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", ODS, "--format", "pdf")
    assert code == 2 and "invalid choice: 'pdf'" in err


def test_unreadable_catalogue(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("format_version = 1\n[policy\n")
    code, out, err = run(capsys, "export", str(broken))
    assert code == 2 and out == ""
    assert err.startswith(f"{broken}:2:")
    code, _, err = run(capsys, "export", str(tmp_path / "missing.toml"))
    assert code == 2 and "no such file" in err


def test_a_broken_template_is_reported_with_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    template = tmp_path / "t.j2"
    template.write_text("ok\n{{ doc.title | nosuchfilter }}\n")
    code, out, err = run(capsys, "export", ODS, "--template", str(template))
    assert (code, out) == (2, "")
    assert err.startswith(f"{template}:2: error: template syntax error: ")


def test_user_template_folder_is_used(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    folder = config / "consent-tui" / "templates"
    folder.mkdir(parents=True)
    (folder / "policy.txt.j2").write_text("{{ doc.site_name }} ({{ width }})\n")
    code, out, _ = run(capsys, "export", ODS, "-f", "text", "--width", "60")
    assert (code, out) == (0, "Kering Group data portal (60)\n")


def test_options_a_format_ignores_are_warned_about(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", ODS, "-f", "csv", "--width", "100", "--fragment")
    assert code == 0
    assert "warning: --width has no effect on the csv format" in err
    assert "warning: --fragment has no effect on the csv format" in err


def test_cannot_write(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run(capsys, "export", ODS, "-o", str(blocker / "out.md"))
    assert code == 2 and err.startswith(f"consent-tui: {blocker / 'out.md'}: cannot write")


def test_real_validation_refuses_the_hostile_catalogue(
    capsys: pytest.CaptureFixture[str],
) -> None:
    hostile = str(GOLDEN / "inputs" / "hostile.toml")
    code, out, err = run(capsys, "export", hostile, "-f", "html")
    assert (code, out) == (1, "")
    assert f"{hostile}:" in err and "error[" in err
    assert err.rstrip().endswith("fix them, or export anyway with --force")
    code, out, err = run(capsys, "export", hostile, "-f", "html", "--force")
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    assert "(--force)" in err


def test_an_unknown_extension_needs_a_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "cfg.js"
    code, _, err = run(capsys, "export", ODS, "-o", str(target))
    assert (
        code == 2 and err == f"consent-tui: cannot tell the format from '{target}': add --format\n"
    )
    assert not target.exists()


def test_all_languages_of_a_format_holding_every_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, _ = run(capsys, "export", ODS, "-f", "klaro", "--all-languages", "-o", str(tmp_path))
    assert code == 0 and [p.name for p in tmp_path.iterdir()] == ["klaro.js"]


def test_dash_is_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", ODS, "-f", "csv", "-o", "-")
    assert code == 0 and out == (GOLDEN / "opendatasoft.en.csv").read_bytes().decode("utf-8")
    assert run(capsys, "export", ODS, "--all-languages", "-o", "-")[0] == 2


@pytest.mark.parametrize("fmt", ["markdown", "json", "klaro"])
def test_a_duration_with_a_huge_number_is_reported_not_a_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    source = tmp_path / "huge.toml"
    text = (SAMPLES / "minimal.toml").read_text(encoding="utf-8")
    huge = text.replace('duration = "session"', f'duration = "{"1" * 5000} days"', 1)
    assert huge != text
    source.write_text(huge, encoding="utf-8")
    code, out, err = run(capsys, "export", str(source), "--format", fmt, "--force")
    assert code == 0 and out
    assert "the number 111111111111… has 5,000 digits" in err
    assert "exporting despite 1 error (--force)" in err
