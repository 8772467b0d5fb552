"""Session: history, the dirty mark, reload and the recovery rendering."""

from __future__ import annotations

from pathlib import Path

import pytest

from consent_tui.core import store
from consent_tui.core.errors import CatalogueError, ChangedOnDiskError
from consent_tui.core.model import replace
from consent_tui.core.session import Session, recovery_text
from tests.conftest import SAMPLES


def _session(tmp_path: Path, name: str = "minimal.toml") -> Session:
    target = tmp_path / name
    target.write_bytes((SAMPLES / name).read_bytes())
    return Session.open(target)


def _renamed(session: Session, provider: str) -> object:
    cat = session.catalogue
    service = replace(cat.services["cart"], provider=provider)
    return replace(cat, services={**cat.services, "cart": service})


def test_history_undo_redo_and_labels(tmp_path: Path) -> None:
    session = _session(tmp_path)
    original = session.catalogue
    seen: list[bool] = []
    session.subscribe(lambda s: seen.append(s.dirty))
    session.apply(_renamed(session, "A"), "Edit cart")  # type: ignore[arg-type]
    session.apply(_renamed(session, "B"), "Edit cart again")  # type: ignore[arg-type]
    assert session.undo_label == "Edit cart again"
    assert session.undo() == "Edit cart again"
    assert session.catalogue.services["cart"].provider == "A"
    assert session.redo_label == "Edit cart again"
    assert session.redo() == "Edit cart again"
    assert session.catalogue.services["cart"].provider == "B"
    assert session.undo() and session.undo()
    assert session.catalogue is original
    assert session.undo() is None and not session.can_undo
    assert seen == [True, True, True, True, True, False]


def test_apply_after_undo_drops_redo(tmp_path: Path) -> None:
    session = _session(tmp_path)
    session.apply(_renamed(session, "A"), "one")  # type: ignore[arg-type]
    session.undo()
    session.apply(_renamed(session, "C"), "two")  # type: ignore[arg-type]
    assert not session.can_redo and session.redo() is None


def test_history_limit(tmp_path: Path) -> None:
    target = tmp_path / "minimal.toml"
    target.write_bytes((SAMPLES / "minimal.toml").read_bytes())
    session = Session(store.load(target), history_limit=3)
    for n in range(5):
        session.apply(_renamed(session, f"P{n}"), f"step {n}")  # type: ignore[arg-type]
    labels = []
    while (label := session.undo()) is not None:
        labels.append(label)
    assert labels == ["step 4", "step 3", "step 2"]
    assert session.catalogue.services["cart"].provider == "P1"


def test_dirty_clears_when_an_equal_catalogue_comes_back(tmp_path: Path) -> None:
    """Typing a value and then typing the old one back leaves nothing to save."""
    session = _session(tmp_path)
    session.apply(_renamed(session, "Other"), "Edit")  # type: ignore[arg-type]
    assert session.dirty
    session.apply(_renamed(session, "Example Bakery"), "Edit back")  # type: ignore[arg-type]
    assert session.catalogue is not session.saved_catalogue
    assert not session.dirty


def test_reload_keeps_memory_one_undo_away(tmp_path: Path) -> None:
    session = _session(tmp_path)
    session.apply(_renamed(session, "Mine"), "Edit")  # type: ignore[arg-type]
    assert session.path is not None
    text = session.path.read_text(encoding="utf-8").replace("Example Bakery Ltd", "Theirs Ltd")
    session.path.write_text(text, encoding="utf-8")
    assert session.changed_on_disk()
    session.reload()
    assert not session.dirty and not session.changed_on_disk()
    assert session.catalogue.policy.controller == "Theirs Ltd"
    assert session.undo() == "Reload from disk"
    assert session.dirty
    assert session.catalogue.services["cart"].provider == "Mine"


def _reloaded_with_their_change(tmp_path: Path) -> Session:
    session = _session(tmp_path)
    session.apply(_renamed(session, "Mine"), "Edit")  # type: ignore[arg-type]
    assert session.path is not None
    text = session.path.read_text(encoding="utf-8").replace("Example Bakery Ltd", "Theirs Ltd")
    session.path.write_text(text, encoding="utf-8")
    session.reload()
    return session


def test_undo_past_a_reload_then_save_asks_first(tmp_path: Path) -> None:
    """Reload, ctrl+z, ctrl+s must not silently write the old version over their change."""
    session = _reloaded_with_their_change(tmp_path)
    assert session.path is not None
    on_disk = session.path.read_bytes()
    assert not session.overwrites_disk_changes
    session.undo()
    assert session.overwrites_disk_changes
    with pytest.raises(ChangedOnDiskError, match="undoes the reload"):
        session.save()
    assert session.path.read_bytes() == on_disk
    session.redo()  # their change is back: nothing to overwrite
    assert not session.overwrites_disk_changes
    session.undo()
    session.apply(_renamed(session, "Mine again"), "Edit")  # type: ignore[arg-type]
    assert session.overwrites_disk_changes  # an edit on the old version still overwrites
    with pytest.raises(ChangedOnDiskError):
        session.save()
    session.save(force=True)  # "save anyway"
    assert not session.overwrites_disk_changes
    assert "Theirs Ltd" not in session.path.read_text(encoding="utf-8")


def test_edits_after_a_reload_save_normally(tmp_path: Path) -> None:
    session = _reloaded_with_their_change(tmp_path)
    session.apply(_renamed(session, "After"), "Edit")  # type: ignore[arg-type]
    session.undo()
    session.redo()
    session.save()
    assert session.path is not None
    text = session.path.read_text(encoding="utf-8")
    assert "Theirs Ltd" in text and "After" in text


def test_reload_of_a_broken_file_changes_nothing(tmp_path: Path) -> None:
    session = _session(tmp_path)
    session.apply(_renamed(session, "Mine"), "Edit")  # type: ignore[arg-type]
    assert session.path is not None
    session.path.write_text("format_version = = 1\n", encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        session.reload()
    assert ":1:" in str(caught.value)
    assert session.dirty and session.catalogue.services["cart"].provider == "Mine"


def test_new_session_is_new_and_clean(tmp_path: Path) -> None:
    text = (SAMPLES / "minimal.toml").read_text(encoding="utf-8")
    session = Session.from_text(text, tmp_path / "new.toml")
    assert session.is_new and not session.dirty and not session.changed_on_disk()


def test_text_replacing_a_file_is_dirty(tmp_path: Path) -> None:
    """Raw text fixed after a parse error is not on disk yet: it must be saved."""
    target = tmp_path / "broken.toml"
    target.write_text("format_version = = 1\n", encoding="utf-8")
    session = Session.from_text("format_version = 1\n", target)
    assert session.dirty and not session.is_new
    assert session.document.fingerprint is not None
    assert not session.changed_on_disk()


def test_recovery_text_falls_back_to_a_plain_dump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = _session(tmp_path)
    session.apply(_renamed(session, "Mine"), "Edit")  # type: ignore[arg-type]

    def broken(*_args: object) -> str:
        raise RuntimeError("render bug")

    monkeypatch.setattr(store, "render", broken)
    text = recovery_text(session.document, session.catalogue)
    assert store.from_text(text).catalogue == session.catalogue
    assert 'provider = "Mine"' in text
