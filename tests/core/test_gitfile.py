"""A file's text at a git revision: three commits made by the test, and every failure."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from consent_tui.core import gitfile
from consent_tui.core.errors import CatalogueError
from consent_tui.core.gitfile import GitError, read_at
from tests.git_support import Repo


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Repo:
    repo = Repo(tmp_path / "site", monkeypatch)
    repo.commit({"cookies.toml": "one\n"}, "first")
    repo.commit({"cookies.toml": "two\n", "other.txt": "x"}, "second")
    repo.commit({"sub/cookies.toml": "nested\n", "cookies.toml": "three\r\n"}, "third")
    return repo


def test_each_revision_gives_its_text(repo: Repo) -> None:
    path = repo.root / "cookies.toml"
    assert read_at(path, "HEAD") == "three\r\n"  # byte for byte: no line-end conversion
    assert read_at(path, "HEAD~1") == "two\n"
    assert read_at(path, "HEAD~2") == "one\n"
    first = repo.git("rev-list", "--max-parents=0", "HEAD").strip()
    assert read_at(path, first) == "one\n"
    assert read_at(path, first[:8]) == "one\n"
    assert read_at(path, "main~1") == "two\n"


def test_a_relative_path_and_a_sub_folder(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo.root / "sub")
    assert read_at("cookies.toml", "HEAD") == "nested\n"
    assert read_at("../cookies.toml", "HEAD~1") == "two\n"


def test_the_working_file_need_not_exist(repo: Repo) -> None:
    (repo.root / "cookies.toml").unlink()
    assert read_at(repo.root / "cookies.toml", "HEAD") == "three\r\n"


@pytest.mark.parametrize(
    ("name", "rev", "message"),
    [
        ("cookies.toml", "nope", "unknown revision 'nope'"),
        ("cookies.toml", "HEAD~9", "unknown revision 'HEAD~9'"),
        ("sub/cookies.toml", "HEAD~1", "the file did not exist at HEAD~1"),
        ("missing.toml", "HEAD", "the file did not exist at HEAD"),
        ("sub", "HEAD", "at HEAD this is a tree, not a file"),
        ("cookies.toml", "--output=/tmp/x", "is not a revision"),
        ("cookies.toml", "", "is not a revision"),
        ("cookies.toml", "HEAD\n", "is not a revision"),
        ("nowhere/cookies.toml", "HEAD", "no such folder"),
    ],
)
def test_failures_say_why(repo: Repo, name: str, rev: str, message: str) -> None:
    with pytest.raises(GitError) as caught:
        read_at(repo.root / name, rev)
    assert message in caught.value.message
    assert caught.value.path == gitfile.label(repo.root / name, rev)


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Repo(tmp_path / "unused", monkeypatch)  # the test's git configuration, no repository here
    folder = tmp_path / "plain"
    folder.mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(GitError, match="is not in a git repository"):
        read_at(folder / "cookies.toml", "HEAD")


def test_an_empty_repository_has_no_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repo(tmp_path / "empty", monkeypatch)
    with pytest.raises(GitError, match="unknown revision 'HEAD'"):
        read_at(repo.root / "cookies.toml", "HEAD")


def test_invalid_utf8_at_a_revision_names_the_place(repo: Repo) -> None:
    (repo.root / "bad.toml").write_bytes(b'a = "\xe9"\n')
    repo.git("add", "bad.toml")
    repo.git("commit", "-q", "-m", "latin-1")
    with pytest.raises(CatalogueError) as caught:
        read_at(repo.root / "bad.toml", "HEAD")
    assert "not UTF-8" in caught.value.message and caught.value.line == 1


def test_git_missing_or_slow(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    path = os.environ["PATH"]
    monkeypatch.setenv("PATH", str(repo.root / "no-such-bin"))
    with pytest.raises(GitError, match="git command is not installed"):
        read_at(repo.root / "cookies.toml", "HEAD")
    monkeypatch.setenv("PATH", path)

    def slow(*args: object, **kwargs: object) -> None:
        raise subprocess.TimeoutExpired(cmd="git", timeout=0.5)

    monkeypatch.setattr(subprocess, "run", slow)
    with pytest.raises(GitError, match=r"did not answer within 0\.5 s"):
        read_at(repo.root / "cookies.toml", "HEAD", timeout=0.5)


def test_a_file_too_large(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gitfile, "MAX_BYTES", 4)
    with pytest.raises(GitError, match="are not supported"):
        read_at(repo.root / "cookies.toml", "HEAD")
