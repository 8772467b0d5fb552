"""A file's text at a git revision, through the ``git`` command (never a shell).

``read_at(path, rev)`` finds the repository of ``path``'s folder, resolves
``rev`` to a commit, and reads the file as that commit recorded it: strictly as
UTF-8, no larger than the store accepts. Every failure is a :class:`GitError`
naming ``REV:path`` and saying why (git missing, not a repository, unknown
revision, no such file at that revision, git too slow).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from consent_tui.core.errors import CatalogueError
from consent_tui.core.store import MAX_BYTES, decode

TIMEOUT = 20.0  # seconds for one git command


class GitError(CatalogueError):
    """git could not give a file's text at a revision."""


def label(path: str | os.PathLike[str], rev: str) -> str:
    """How messages name ``path`` at ``rev``: ``HEAD~1:policy.toml``."""
    return f"{rev}:{os.fspath(path)}"


def _run(
    folder: Path, args: list[str], where: str, timeout: float, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args],
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("the git command is not installed (git:REV needs it)", path=where) from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git did not answer within {timeout:g} s", path=where) from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}", path=where) from None


def _said(result: subprocess.CompletedProcess[bytes]) -> str:
    """git's first line of complaint, without its ``fatal:``."""
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    first = lines[0] if lines else f"exit status {result.returncode}"
    return first.removeprefix("fatal: ").removeprefix("error: ")


def read_at(path: str | os.PathLike[str], rev: str, *, timeout: float = TIMEOUT) -> str:
    """The text of the file ``path`` (in a git working tree) at revision ``rev``."""
    where = label(path, rev)
    if not rev or rev.startswith("-") or any(c in rev for c in "\0\n\r"):
        raise GitError(f"{rev!r} is not a revision", path=where)
    file = Path(os.path.abspath(path))
    folder = file.parent
    if not folder.is_dir():
        raise GitError(f"no such folder: {folder}", path=where)
    top = _run(folder, ["rev-parse", "--show-toplevel"], where, timeout)
    if top.returncode != 0:
        reason = _said(top)
        if "not a git repository" in reason:
            reason = f"{folder} is not in a git repository"
        raise GitError(reason, path=where)
    root = Path(top.stdout.decode("utf-8", "surrogateescape").strip())
    commit = _run(
        folder,
        ["rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"],
        where,
        timeout,
    )
    if commit.returncode != 0:
        raise GitError(f"unknown revision {rev!r} in the repository {root}", path=where)
    sha = commit.stdout.decode("ascii", "replace").strip()
    try:
        inside = (Path(os.path.realpath(folder)) / file.name).relative_to(os.path.realpath(root))
    except ValueError:
        raise GitError(f"the file is outside the repository {root}", path=where) from None
    spec = f"{sha}:{inside.as_posix()}"
    check = _run(root, ["cat-file", "--batch-check"], where, timeout, stdin=spec.encode() + b"\n")
    answer = check.stdout.decode("utf-8", "replace").split()
    if check.returncode != 0 or len(answer) < 3 or answer[-1] == "missing":
        raise GitError(f"the file did not exist at {rev}", path=where)
    kind, size = answer[1], answer[2]
    if kind != "blob":
        raise GitError(f"at {rev} this is a {kind}, not a file", path=where)
    if int(size) > MAX_BYTES:
        raise GitError(
            f"the file is {int(size) // (1024 * 1024)} MiB at {rev}; catalogues above "
            f"{MAX_BYTES // (1024 * 1024)} MiB are not supported",
            path=where,
        )
    blob = _run(root, ["cat-file", "blob", spec], where, timeout)
    if blob.returncode != 0:
        raise GitError(_said(blob), path=where)
    return decode(blob.stdout, where)
