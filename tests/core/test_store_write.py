"""Saving: atomic, mode-keeping, symlink-following, refusing to lose other people's work."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from consent_tui.core import store
from consent_tui.core.errors import ChangedOnDiskError, SaveError
from consent_tui.core.fileio import atomic
from consent_tui.core.model import Catalogue, Cookie, replace
from consent_tui.core.store import load_text, patch, patch_full
from tests.core.store_support import ROUNDTRIP, set_cookie

SOURCE = ROUNDTRIP / "comments.toml"


@pytest.fixture
def catalogue_file(tmp_path: Path) -> Path:
    path = tmp_path / "cookies.toml"
    path.write_bytes(SOURCE.read_bytes())
    return path


def _edited(document: store.Document) -> Catalogue:
    return set_cookie(document.catalogue, "matomo", 0, duration="12 months")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "cookies.toml")


def test_save_writes_the_edit_and_returns_the_new_document(catalogue_file: Path) -> None:
    document = store.load(catalogue_file)
    new = _edited(document)
    saved = store.save(document, new)
    assert catalogue_file.read_text(encoding="utf-8") == saved.text
    assert saved.catalogue is new
    assert saved.path == catalogue_file
    assert saved.fingerprint == store.Fingerprint.of(catalogue_file, catalogue_file.read_bytes())
    assert load_text(saved.text) == new
    assert _leftovers(catalogue_file.parent) == []


def test_the_file_mode_is_kept(catalogue_file: Path) -> None:
    catalogue_file.chmod(0o640)
    document = store.load(catalogue_file)
    store.save(document, _edited(document))
    assert stat.S_IMODE(catalogue_file.stat().st_mode) == 0o640


def test_a_new_file_gets_the_usual_permissions(catalogue_file: Path, tmp_path: Path) -> None:
    document = store.load(catalogue_file)
    target = tmp_path / "other.toml"
    mask = os.umask(0o022)
    try:
        store.save(document, _edited(document), path=target)
    finally:
        os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_a_symlink_is_followed_and_its_target_written(catalogue_file: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(catalogue_file)
    document = store.load(link)
    saved = store.save(document, _edited(document))
    assert link.is_symlink()
    assert catalogue_file.read_text(encoding="utf-8") == saved.text
    assert saved.path == link


def test_save_as_writes_another_file_and_leaves_the_first(
    catalogue_file: Path, tmp_path: Path
) -> None:
    document = store.load(catalogue_file)
    target = tmp_path / "copy.toml"
    saved = store.save(document, _edited(document), path=target)
    assert saved.path == target
    assert catalogue_file.read_bytes() == SOURCE.read_bytes()
    assert target.read_text(encoding="utf-8") == saved.text


def test_a_document_with_no_file_needs_a_path(tmp_path: Path) -> None:
    document = store.from_text(SOURCE.read_text(encoding="utf-8"))
    with pytest.raises(SaveError, match="no file yet"):
        store.save(document, _edited(document))
    saved = store.save(document, _edited(document), path=tmp_path / "new.toml")
    assert (tmp_path / "new.toml").read_text(encoding="utf-8") == saved.text


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    catalogue_file: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    document = store.load(catalogue_file)

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, failing, broken)
    with pytest.raises(SaveError, match="No space left on device") as caught:
        store.save(document, _edited(document))
    assert str(catalogue_file) in str(caught.value)
    assert catalogue_file.read_bytes() == SOURCE.read_bytes()
    assert _leftovers(catalogue_file.parent) == []


def test_an_unwritable_folder_is_a_clear_error(
    catalogue_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = store.load(catalogue_file)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", denied)
    with pytest.raises(SaveError, match=r"cannot create a file in .*: Permission denied"):
        store.save(document, _edited(document))
    assert catalogue_file.read_bytes() == SOURCE.read_bytes()


def test_a_file_changed_on_disk_is_not_overwritten(catalogue_file: Path) -> None:
    document = store.load(catalogue_file)
    theirs = SOURCE.read_text(encoding="utf-8").replace("Example shop", "Their shop")
    catalogue_file.write_text(theirs, encoding="utf-8")
    with pytest.raises(ChangedOnDiskError, match="another program changed the file"):
        store.save(document, _edited(document))
    assert catalogue_file.read_text(encoding="utf-8") == theirs
    saved = store.save(document, _edited(document), force=True)
    assert catalogue_file.read_text(encoding="utf-8") == saved.text


def test_a_change_of_the_same_size_is_noticed(catalogue_file: Path) -> None:
    document = store.load(catalogue_file)
    stat_before = catalogue_file.stat()
    theirs = SOURCE.read_bytes().replace(b"Example shop", b"Eggsample pp")
    assert len(theirs) == len(SOURCE.read_bytes())
    catalogue_file.write_bytes(theirs)
    os.utime(catalogue_file, ns=(stat_before.st_atime_ns, stat_before.st_mtime_ns))
    with pytest.raises(ChangedOnDiskError):
        store.save(document, _edited(document))


def test_a_file_deleted_since_loading_counts_as_changed(catalogue_file: Path) -> None:
    document = store.load(catalogue_file)
    catalogue_file.unlink()
    with pytest.raises(ChangedOnDiskError, match="deleted or moved"):
        store.save(document, _edited(document))
    assert not catalogue_file.exists()
    store.save(document, _edited(document), force=True)
    assert catalogue_file.exists()


def test_only_touching_the_file_is_not_a_change(catalogue_file: Path) -> None:
    document = store.load(catalogue_file)
    os.utime(catalogue_file, ns=(1, 1))
    store.save(document, _edited(document))


def test_a_new_document_does_not_overwrite_an_existing_file(tmp_path: Path) -> None:
    existing = tmp_path / "taken.toml"
    existing.write_text("# someone's file\n", encoding="utf-8")
    document = store.from_text(SOURCE.read_text(encoding="utf-8"), existing)
    with pytest.raises(ChangedOnDiskError, match="already exists"):
        store.save(document, _edited(document))
    assert existing.read_text(encoding="utf-8") == "# someone's file\n"


def test_a_text_that_would_not_read_back_is_refused_and_nothing_written(
    catalogue_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The merge, the table regenerated instead, and the whole-file path all go wrong."""
    document = store.load(catalogue_file)
    monkeypatch.setattr(patch_full, "merge", lambda *a, **k: None)  # forgets to merge

    def wrong_merge(text: str, *args: object) -> str:
        return text.replace('"13 months"', '"13 weeks"')

    monkeypatch.setattr(patch, "_merged", wrong_merge)
    monkeypatch.setattr(patch, "emit_table", lambda *a, **k: '[x]\ny = "wrong"\n')
    with pytest.raises(SaveError) as caught:
        store.save(document, _edited(document))
    assert str(caught.value) == (
        f"{catalogue_file}: the new text for services.matomo.cookies[0] would not read back "
        "as the catalogue (services.matomo.cookies[0].duration reads back as '13 weeks' "
        "instead of '12 months'); nothing was written"
    )
    assert catalogue_file.read_bytes() == SOURCE.read_bytes()
    assert _leftovers(catalogue_file.parent) == []


def test_a_merge_gone_wrong_is_replaced_by_a_regenerated_table(
    catalogue_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad merge is caught by the check; that one table is then written afresh."""
    document = store.load(catalogue_file)
    monkeypatch.setattr(patch, "_merged", lambda text, *a: text.replace("13 months", "oops"))
    saved = store.save(document, _edited(document))
    assert load_text(catalogue_file.read_text(encoding="utf-8")) == saved.catalogue
    assert 'duration = "12 months"\n' in saved.text
    assert "# Third-party audience measurement." in saved.text


def test_the_whole_file_path_checks_its_result_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "dotted.toml"
    path.write_bytes((ROUNDTRIP / "dotted.toml").read_bytes())
    document = store.load(path)
    monkeypatch.setattr(patch_full, "merge", lambda *a, **k: None)  # forgets to merge
    edited = replace(
        document.catalogue, policy=replace(document.catalogue.policy, site_name="Changed")
    )
    with pytest.raises(SaveError, match=r"policy\.site_name"):
        store.save(document, edited)
    assert path.read_bytes() == (ROUNDTRIP / "dotted.toml").read_bytes()


def test_a_cookie_added_again_in_a_dotted_services_table_is_written_inline(tmp_path: Path) -> None:
    """Remove a dotted-key service's last cookie, save, add one, save: no [[…]] header there."""
    from tests.core.store_support import add_cookie, remove_cookie

    path = tmp_path / "dotted.toml"
    path.write_bytes((ROUNDTRIP / "dotted-services.toml").read_bytes())
    document = store.load(path)
    document = store.save(document, remove_cookie(document.catalogue, "stats", 0))
    cookie = Cookie(name="x", duration="1 day")
    document = store.save(document, add_cookie(document.catalogue, "stats", cookie, at=0))
    text = path.read_text(encoding="utf-8")
    assert 'stats.cookies = [{ name = "x", duration = "1 day" }]' in text
    assert "[[services.stats.cookies]]" not in text
    assert store.load(path).catalogue == document.catalogue


def test_a_renamed_service_goes_into_the_dotted_table_not_a_second_services_header(
    tmp_path: Path,
) -> None:
    """Duplicate, move, rename in a [services] table of dotted keys, saving after each edit."""
    from tests.core.store_support import rename_service

    path = tmp_path / "dotted.toml"
    path.write_bytes((ROUNDTRIP / "dotted-services.toml").read_bytes())
    document = store.load(path)
    services = dict(document.catalogue.services)
    copied = {"auth": services["auth"], "auth-copy": replace(services["auth"], id="auth-copy")}
    catalogue = replace(document.catalogue, services={**copied, **services})
    document = store.save(document, catalogue)
    order = ["auth-copy", "auth", "forms", "stats"]
    services = document.catalogue.services
    document = store.save(
        document, replace(document.catalogue, services={k: services[k] for k in order})
    )
    document = store.save(document, rename_service(document.catalogue, "auth", "with space"))
    text = path.read_text(encoding="utf-8")
    assert text.count("[services]") == 1
    assert store.load(path).catalogue == document.catalogue
