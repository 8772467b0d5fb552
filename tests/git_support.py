"""A git repository made by a test, with its own configuration (never the user's)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


class Repo:
    """A repository in ``root`` whose commits the test makes."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        if shutil.which("git") is None:
            if os.environ.get("CI") == "true":
                pytest.fail("git is not installed")
            pytest.skip("git is not installed")
        self.root = root
        config = root.parent / "gitconfig"
        config.write_text("[user]\n\tname = Test\n\temail = test@example.org\n", encoding="utf-8")
        monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
        monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        monkeypatch.setenv("HOME", str(root.parent))
        for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
            monkeypatch.delenv(name, raising=False)
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(self.root), *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
        return done.stdout

    def commit(self, files: dict[str, str], message: str) -> str:
        """Write ``files`` (name -> text), commit them; returns the commit's hash."""
        for name, text in files.items():
            path = self.root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            self.git("add", name)
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD").strip()

    def diff(self, name: str) -> str:
        """``git diff`` of the working file against HEAD."""
        return self.git("diff", "--no-color", "-U0", "--", name)
