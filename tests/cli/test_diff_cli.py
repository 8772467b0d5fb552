"""``consent-tui diff``: outputs, exit codes, git sources, --bump, --changelog, bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from consent_tui.cli import main
from consent_tui.core.store import load
from tests.core.changes_support import BASE, sub
from tests.git_support import Repo

CSRF = '[[services.site.cookies]]\nname = "csrf"\nduration = "1 day"\n\n'
NEW = (
    sub(
        'duration = "6 months"', 'duration = "13 months"', CSRF, "",
        'function = { en = "Audience", fr = "Audience" }',
        'function = { en = "Audience", fr = "Mesure" }',
    )(BASE)
    + '\n[[services.stats.cookies]]\nname = "_st_ref"\nduration = "1 day"\n'
)  # fmt: skip
ADVICE = (
    "[banner] revision was not raised (2): raise it to 3 (or run with --bump) so that the "
    "banners ask every visitor again."
)


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    (tmp_path / "old.toml").write_text(BASE, encoding="utf-8")
    (tmp_path / "new.toml").write_text(NEW, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["diff", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_grouped_by_class_and_entity(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "old.toml", "new.toml")
    assert (code, err) == (1, "")
    assert out == (
        "old.toml → new.toml: 2 material changes, 2 informational\n"
        "\n"
        "Material: visitors must be asked again\n"
        "  service `stats`\n"
        '    cookie `_st_id`: duration "6 months" → "13 months" (longer) [lifetime-longer]\n'
        "    cookie `_st_ref`: added (needs consent) [cookie-added]\n"
        "\n"
        "Informational\n"
        "  service `site`\n"
        "    cookie `csrf`: removed [cookie-removed]\n"
        "  service `stats`\n"
        '    function (fr) "Audience" → "Mesure" [text-changed]\n'
        "\n" + ADVICE + "\n"
    )


def test_no_change_and_informational_changes_exit_0(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (files / "same.toml").write_text("# a comment\n" + BASE.replace("\n\n", "\n\n\n"), "utf-8")
    code, out, _ = run(capsys, "old.toml", "same.toml")
    assert code == 0
    assert (
        out == "old.toml → same.toml: no changes (comments, layout and order are not compared).\n"
    )
    (files / "wording.toml").write_text(BASE.replace('"Connexion"', '"Se connecter"'), "utf-8")
    code, out, _ = run(capsys, "old.toml", "wording.toml")
    assert code == 0
    assert out.endswith("Nothing needs fresh consent.\n") and "[text-changed]" in out


def test_colour_only_when_asked_or_on_a_terminal(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, plain, _ = run(capsys, "old.toml", "new.toml")
    assert "\x1b[" not in plain
    _, coloured, _ = run(capsys, "old.toml", "new.toml", "--color", "always")
    assert "\x1b[1;33mMaterial: visitors must be asked again\x1b[0m" in coloured


def test_json_output(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "old.toml", "new.toml", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert {k: data[k] for k in ("diff_version", "old", "new", "material", "counts")} == {
        "diff_version": 1,
        "old": {"source": "old.toml", "revision": 2},
        "new": {"source": "new.toml", "revision": 2},
        "material": True,
        "counts": {"material": 2, "informational": 2},
    }
    assert (data["revision_raised"], data["needs_revision"]) == (False, True)
    assert data["bumped"] is None and data["changelog_entry"] is None
    rows = [
        (c["rule"], c["impact"], c["kind"], c["id"], c["line"], c["old_line"])
        for c in data["changes"]
    ]
    assert rows == [
        ("cookie-removed", "informational", "removed", "site/1", None, 44),
        ("text-changed", "informational", "changed", "stats", 46, 50),
        ("lifetime-longer", "material", "changed", "stats/0", 55, 59),
        ("cookie-added", "material", "added", "stats/2", 62, None),
    ]
    longer = data["changes"][2]
    assert longer["path"] == ["services", "stats", "cookies", 0, "duration"]
    assert (longer["old"], longer["new"], longer["field"]) == ("6 months", "13 months", "duration")
    assert longer["reason"] == "Visitors agreed to storage for a shorter time."
    lines = NEW.splitlines()
    assert lines[longer["line"] - 1] == 'duration = "13 months"'
    assert data["changes"][1]["language"] == "fr"


def test_markdown_output(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "old.toml", "new.toml", "--format", "markdown")
    assert code == 1
    assert out == (
        "### Cookie catalogue changes\n\n"
        "`old.toml` → `new.toml`: **2 material changes**, 2 informational.\n\n"
        "> [!WARNING]\n"
        "> `[banner] revision` was not raised (2): raise it to 3 (or run with `--bump`) so that "
        "the banners ask every visitor again.\n\n"
        "#### Material: visitors must be asked again\n\n"
        "| Where | Change | Rule |\n| --- | --- | --- |\n"
        '| service `stats`, cookie `_st_id` | duration "6 months" → "13 months" (longer) '
        "| `lifetime-longer` |\n"
        "| service `stats`, cookie `_st_ref` | added (needs consent) | `cookie-added` |\n\n"
        "<details><summary>2 informational changes</summary>\n\n"
        "| Where | Change | Rule |\n| --- | --- | --- |\n"
        "| service `site`, cookie `csrf` | removed | `cookie-removed` |\n"
        '| service `stats` | function (fr) "Audience" → "Mesure" | `text-changed` |\n\n'
        "</details>\n"
    )


def test_markdown_shows_hostile_names_literally(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = "x|y`z <img src=x onerror=alert(1)> [a](javascript:1) *b* \\u202e"
    text = BASE + f'\n[[services.stats.cookies]]\nname = "{evil}"\nduration = "1 day"\n'
    (files / "evil.toml").write_text(text, encoding="utf-8")
    _, out, _ = run(capsys, "old.toml", "evil.toml", "--format", "markdown")
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert "<img" not in html
    assert "<a " not in html and "<em>" not in html  # no link, no emphasis: literal text
    rows = [line for line in out.splitlines() if line.startswith("| service")]
    assert len(rows) == 1 and rows[0].count(" | ") == 2  # the pipe in the name is escaped
    assert any(t.type == "table_open" for t in tokens)
    assert "\u202e" not in out


def test_github_annotations(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "old.toml", "new.toml", "--format", "github")
    assert code == 1
    assert out.splitlines() == [
        "::notice file=new.toml,line=31,col=1,title=informational change%3A cookie-removed::"
        "cookie `csrf` of service `site`: removed%0ALess is stored.",
        "::notice file=new.toml,line=46,col=1,title=informational change%3A text-changed::"
        'service `stats`: function (fr) "Audience" → "Mesure"%0AWording: what is stored and '
        "why stays the same.",
        "::error file=new.toml,line=55,col=1,title=material change%3A lifetime-longer::"
        'cookie `_st_id` of service `stats`: duration "6 months" → "13 months" (longer)%0A'
        "Visitors agreed to storage for a shorter time.",
        "::error file=new.toml,line=62,col=1,title=material change%3A cookie-added::"
        "cookie `_st_ref` of service `stats`: added (needs consent)%0AVisitors agreed to "
        "storage that did not include it.",
        f"::error file=new.toml,line=10,col=1,title=revision-not-raised::{ADVICE}",
    ]
    (files / "raised.toml").write_text(NEW.replace("revision = 2", "revision = 3"), "utf-8")
    _, out, _ = run(capsys, "old.toml", "raised.toml", "--format", "github")
    levels = [line.split(" ", 1)[0] for line in out.splitlines()]
    assert levels == ["::notice", "::notice", "::notice", "::warning", "::warning"]


# -- --bump and --changelog


def test_bump_is_a_one_line_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path / "site", monkeypatch)
    repo.commit({"cookies.toml": BASE}, "first")
    cookies = repo.root / "cookies.toml"
    cookies.write_text(BASE.replace('"6 months"', '"13 months"'), encoding="utf-8")
    repo.commit({"cookies.toml": cookies.read_text(encoding="utf-8")}, "longer")
    monkeypatch.chdir(repo.root)
    code, out, err = run(capsys, "--since", "HEAD~1", "cookies.toml", "--bump")
    assert code == 1
    assert out.endswith("[banner] revision raised 2 → 3 (--bump).\n")
    assert err == "consent-tui: note: raised [banner] revision 2 → 3 in cookies.toml\n"
    changed = [line for line in repo.diff("cookies.toml").splitlines() if line[:1] in "+-"]
    assert changed == ["--- a/cookies.toml", "+++ b/cookies.toml", "-revision = 2", "+revision = 3"]
    before = cookies.read_bytes()
    code, _, err = run(capsys, "--since", "HEAD~1", "cookies.toml", "--bump")
    assert code == 1 and cookies.read_bytes() == before  # raised already: left alone
    assert "already raised" in err


def test_bump_without_material_change_writes_nothing(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (files / "wording.toml").write_text(BASE.replace('"Connexion"', '"Se connecter"'), "utf-8")
    before = (files / "wording.toml").read_bytes()
    code, _, err = run(capsys, "old.toml", "wording.toml", "--bump")
    assert code == 0 and (files / "wording.toml").read_bytes() == before
    assert "no material change" in err


def test_bump_creates_the_revision_or_the_banner(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    longer = NEW.replace("[banner]\nrevision = 2\n", '[banner]\nconsent_lifetime = "6 months"\n')
    (files / "bare.toml").write_text(longer, "utf-8")
    assert run(capsys, "old.toml", "bare.toml", "--bump")[0] == 1
    text = (files / "bare.toml").read_text("utf-8")
    assert text == longer.replace(
        'consent_lifetime = "6 months"\n', 'consent_lifetime = "6 months"\nrevision = 3\n'
    )
    none = NEW.replace("[banner]\nrevision = 2\n\n", "")
    (files / "none.toml").write_text(none, "utf-8")
    old = BASE.replace("[banner]\nrevision = 2\n\n", "")
    (files / "old-none.toml").write_text(old, "utf-8")
    assert run(capsys, "old-none.toml", "none.toml", "--bump")[0] == 1
    assert load(files / "none.toml").catalogue.banner_settings.revision == 1
    assert (files / "none.toml").read_text("utf-8").endswith("\n\n[banner]\nrevision = 1\n")


def test_changelog_draft_is_written_into_new(
    files: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "old.toml", "new.toml", "--changelog", "--bump")
    assert code == 1
    catalogue = load(files / "new.toml").catalogue
    [entry] = catalogue.policy.changelog
    assert entry.text is not None and set(entry.text.values) == {"en", "fr"}
    assert entry.text.values["en"] == (
        "The cookie csrf (Shop Ltd – Sign-in) is no longer used. The cookie _st_id (Stats Inc. – "
        "Audience) is now kept for 13 months. New cookie: _st_ref (Stats Inc. – Audience). "
        "Other details of this policy were updated."
    )
    assert catalogue.banner_settings.revision == 3
    assert "wrote a changelog entry dated" in err
    assert "Changelog entry of" in out
    text = (files / "new.toml").read_text("utf-8")
    assert text.count("[[policy.changelog]]") == 1
    assert text.startswith(NEW[: NEW.index("[banner]")].rstrip("\n") + "\n\n[[policy.changelog]]\n")
    code, _, err = run(capsys, "old.toml", "new.toml", "--changelog")  # already written
    assert "already has a changelog entry" in err
    assert (files / "new.toml").read_text("utf-8") == text


def test_json_says_what_was_written(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "old.toml", "new.toml", "--bump", "--changelog", "--format", "json")
    data = json.loads(out)
    assert data["bumped"] == {"from": 2, "to": 3}
    assert set(data["changelog_entry"]["text"]) == {"en", "fr"}


def test_writing_needs_new_to_be_a_file(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "new.toml", "git:HEAD:old.toml", "--bump")
    assert code == 2
    assert (
        err == "consent-tui diff: error: --bump writes into NEW: NEW must be a file, not git:REV\n"
    )


# -- git sources


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    repo = Repo(tmp_path / "site", monkeypatch)
    repo.commit({"cookies.toml": BASE}, "first")
    repo.commit({"cookies.toml": BASE.replace('"Connexion"', '"Se connecter"')}, "wording")
    repo.commit({"cookies.toml": NEW}, "material")
    monkeypatch.chdir(repo.root)
    return repo


def test_revisions_compared(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "git:HEAD~2", "git:HEAD~1:cookies.toml")
    assert code == 0 and out.startswith("HEAD~2:cookies.toml → HEAD~1:cookies.toml: 0 material")
    code, out, _ = run(capsys, "git:HEAD~1", "cookies.toml")
    assert code == 1 and out.startswith("HEAD~1:cookies.toml → cookies.toml: 2 material changes")
    code, out, _ = run(capsys, "--since", "HEAD", "cookies.toml")
    assert code == 0 and "no changes" in out
    (repo.root / "cookies.toml").write_text(BASE, encoding="utf-8")
    code, out, _ = run(capsys, "--since", "HEAD~2", "cookies.toml")
    assert code == 0 and "no changes" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["git:nope", "cookies.toml"], "nope:cookies.toml: error: unknown revision 'nope'"),
        (["git:HEAD", "other.toml"], "HEAD:other.toml: error: the file did not exist at HEAD"),
        (["--since", "HEAD~5", "cookies.toml"], "unknown revision 'HEAD~5'"),
    ],
)
def test_git_failures_exit_2(
    repo: Repo, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    (repo.root / "other.toml").write_text(BASE, encoding="utf-8")
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_outside_a_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    Repo(tmp_path / "unused", monkeypatch)
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "cookies.toml").write_text(BASE, encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.chdir(folder)
    code, _, err = run(capsys, "--since", "HEAD", "cookies.toml")
    assert code == 2
    assert err == f"HEAD:cookies.toml: error: {folder} is not in a git repository\n"


# -- bad input and usage


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "new.toml: error: no such file"),
        (b"", "new.toml: error: the file is empty"),
        (b"format_version = 1\n[policy\n", "new.toml:2:"),
        (b'format_version = 1\nx = "\xe9"\n', "new.toml:2:6: error: the file is not UTF-8 text"),
        (b"\x00\x01\x02\xff" * 64, "new.toml:1:"),
        (BASE.encode()[:700], "new.toml:"),
        (b"[services]\nx = 1\n", "new.toml:"),
    ],
    ids=[
        "missing",
        "empty",
        "unparsable",
        "invalid-utf8",
        "binary",
        "truncated",
        "not-a-catalogue",
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    files: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    target = files / "new.toml"
    if content is None:
        target.unlink()
    else:
        target.write_bytes(content)
    code, out, err = run(capsys, "old.toml", "new.toml")
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1 and "Traceback" not in err


def test_a_folder_and_a_pipe_are_refused(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (files / "folder").mkdir()
    code, _, err = run(capsys, "old.toml", "folder")
    assert code == 2 and err == "folder: error: is a folder, not a catalogue file\n"
    if hasattr(os, "mkfifo"):
        os.mkfifo(files / "pipe")
        code, _, err = run(capsys, "pipe", "new.toml")  # never blocks waiting for a writer
        assert code == 2 and err == "pipe: error: is a pipe (FIFO), not a regular file\n"


def test_a_huge_number_is_reported(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (files / "huge.toml").write_text(BASE.replace('"6 months"', f'"{"9" * 5000} days"'), "utf-8")
    code, out, err = run(capsys, "old.toml", "huge.toml")
    assert err == "" and code == 0 and "[field-changed]" in out  # cannot be compared: a change


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "name OLD and NEW (files or git:REV), or --since REV FILE"),
        (["old.toml"], "name OLD and NEW"),
        (["a", "b", "c"], "name OLD and NEW"),
        (["--since", "HEAD", "a", "b"], "--since REV compares one FILE with REV"),
        (["--since", "HEAD", "git:HEAD"], "FILE must be a file, not git:REV"),
        (["git:HEAD", "git:main"], "name the catalogue file: git:REV FILE, or git:REV:FILE"),
        (["git:", "new.toml"], "name a revision after git:"),
        (["git:HEAD:", "new.toml"], "name a file after the revision"),
        (["", "new.toml"], "an empty argument is not a file"),
    ],
)
def test_usage_errors_exit_2(
    files: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("consent-tui diff: error: ") and message in err


def test_help_lists_the_formats_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["diff", "--help"])
    out = capsys.readouterr().out
    assert code == 0
    assert "--format {text,json,markdown,github}" in out and "--since REV" in out
    assert "1  a material change" in out
