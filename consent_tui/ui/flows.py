"""Edit flows: open a form or a confirmation, then apply the result to the session.

Every change goes through ``session.apply`` with a label that undo and redo
show ("Edit cookie csrftoken", "Rename purpose api → api-security").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from consent_tui.core.model import Catalogue, Category, Cookie, Purpose, Service, replace
from consent_tui.core.store import (
    delete_category,
    delete_cookie,
    delete_purpose,
    delete_service,
    deletion,
    duplicate_category,
    duplicate_cookie,
    duplicate_purpose,
    duplicate_service,
    fresh_id,
    put_category,
    put_cookie,
    put_policy,
    put_purpose,
    put_service,
)
from consent_tui.ui.guard import guarded
from consent_tui.ui.text import visible

if TYPE_CHECKING:
    from textual.app import App
    from textual.notifications import SeverityLevel

    from consent_tui.core.session import Session
    from consent_tui.ui.dialogs.entity_forms import CookieResult
    from consent_tui.ui.dialogs.policy_form import PolicyResult


_PUT: dict[str, Any] = {
    "service": put_service,
    "purpose": put_purpose,
    "category": put_category,
}
_MAKE = {"service": Service, "purpose": Purpose, "category": Category}
_COLLECTION = {"service": "services", "purpose": "purposes", "category": "categories"}


def _form(kind: str) -> Any:
    """The form class of ``kind`` (imported on first use: forms are not needed to start)."""
    from consent_tui.ui.dialogs import entity_forms

    return {
        "service": entity_forms.ServiceForm,
        "purpose": entity_forms.PurposeForm,
        "category": entity_forms.CategoryForm,
        "cookie": entity_forms.CookieForm,
    }[kind]


def split_cookie_key(key: str) -> tuple[str, int]:
    service_id, _, index = key.rpartition("/")
    return service_id, int(index)


class Host(Protocol):
    """What the flows need of the screen that owns them (the editor screen is one)."""

    session: Session
    lang: str

    @property
    def app(self) -> App[object]: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def select(self, kind: str, key: str) -> None: ...


class Flows:
    """The edit, add, duplicate and delete flows of the editor screen."""

    def __init__(self, screen: Host) -> None:
        self.screen = screen

    @property
    def app(self) -> Any:
        return self.screen.app

    @property
    def session(self) -> Session:
        return self.screen.session

    @property
    def catalogue(self) -> Catalogue:
        return self.session.catalogue

    def apply(self, catalogue: Catalogue, label: str, kind: str, key: str | None) -> None:
        if catalogue is self.catalogue:
            self.screen.notify("No changes.", timeout=2)
            return
        self.session.apply(catalogue, label)
        if key is not None:
            self.screen.select(kind, key)

    def _collection(self, kind: str) -> dict[str, Any]:
        return dict(getattr(self.catalogue, _COLLECTION[kind]))

    # -- edit

    @guarded
    def edit(self, kind: str, key: str, field: str | None = None, lang: str | None = None) -> None:
        """Open the form of ``kind`` ``key`` (on ``field``, in ``lang`` when given)."""
        if lang is None or lang not in self.catalogue.languages:
            lang = self.screen.lang
        cat = self.catalogue
        if kind == "policy":
            from consent_tui.ui.dialogs.policy_form import PolicyForm

            form: Any = PolicyForm(cat, lang=lang, focus=field or key)
            self.screen.app.push_screen(form, self._policy_done)
        elif kind == "cookie":
            sid, index = split_cookie_key(key)
            cookie = cat.services[sid].cookies[index]
            form = _form("cookie")(cat, sid, cookie, new=False, lang=lang, focus=field)
            self.screen.app.push_screen(form, lambda r: self._cookie_done(r, sid, index))
        elif kind in _MAKE:
            entity = self._collection(kind)[key]
            form = _form(kind)(cat, entity, new=False, lang=lang, focus=field)
            self.screen.app.push_screen(form, lambda r: self._entity_done(r, kind, key))

    @guarded
    def _entity_done(self, result: Any, kind: str, old_id: str | None) -> None:
        if result is None:
            return
        cat = _PUT[kind](self.catalogue, old_id, result)
        name = visible(result.id)
        if old_id is None:
            label = f"Add {kind} {name}"
        elif old_id != result.id:
            label = f"Rename {kind} {visible(old_id)} → {name}"
        else:
            label = f"Edit {kind} {name}"
        self.apply(cat, label, kind, result.id)

    @guarded
    def _cookie_done(self, result: CookieResult | None, sid: str, index: int | None) -> None:
        if result is None:
            return
        cat, where, at = put_cookie(
            self.catalogue, sid, index, result.cookie, to_service=result.service_id
        )
        name = visible(result.cookie.name or "cookie")
        if index is None:
            label = f"Add cookie {name}"
        elif where != sid:
            label = f"Move cookie {name} to {visible(where)}"
        else:
            label = f"Edit cookie {name}"
        self.apply(cat, label, "cookie", f"{where}/{at}")

    @guarded
    def _policy_done(self, result: PolicyResult | None) -> None:
        if result is None:
            return
        cat = put_policy(self.catalogue, result.policy)
        if result.banner != cat.banner:
            cat = replace(cat, banner=result.banner)
        self.apply(cat, "Edit policy settings", "policy", None)

    # -- add, duplicate, delete

    @guarded
    def add(self, kind: str, near: str | None) -> None:
        cat, lang = self.catalogue, self.screen.lang
        if kind == "cookie":
            sid = split_cookie_key(near)[0] if near else next(iter(cat.services), None)
            if sid is None:
                self.screen.notify(
                    "Add a service first: cookies belong to a service.", severity="warning"
                )
                return
            form: Any = _form("cookie")(cat, sid, Cookie(), new=True, lang=lang)
            self.screen.app.push_screen(form, lambda r: self._cookie_done(r, sid, None))
        elif kind in _MAKE:
            new_id = fresh_id(self._collection(kind), f"new-{kind}")
            form = _form(kind)(cat, _MAKE[kind](new_id), new=True, lang=lang)
            self.screen.app.push_screen(form, lambda r: self._entity_done(r, kind, None))

    @guarded
    def duplicate(self, kind: str, key: str) -> None:
        cat = self.catalogue
        if kind == "cookie":
            sid, index = split_cookie_key(key)
            new, at = duplicate_cookie(cat, sid, index)
            name = new.services[sid].cookies[at].name or "cookie"
            self.apply(new, f"Duplicate cookie as {visible(name)}", kind, f"{sid}/{at}")
            return
        dup = {
            "service": duplicate_service,
            "purpose": duplicate_purpose,
            "category": duplicate_category,
        }[kind]
        new, new_id = dup(cat, key)
        self.apply(new, f"Duplicate {kind} {visible(key)} as {visible(new_id)}", kind, new_id)

    @guarded
    def delete(self, kind: str, key: str) -> None:
        from consent_tui.ui.dialogs.confirm import ConfirmDelete

        info = deletion(self.catalogue, kind, key)
        self.screen.app.push_screen(ConfirmDelete(info), lambda yes: self._delete(yes, kind, key))

    @guarded
    def _delete(self, yes: bool | None, kind: str, key: str) -> None:
        if not yes:
            return
        cat = self.catalogue
        if kind == "cookie":
            sid, index = split_cookie_key(key)
            name = cat.services[sid].cookies[index].name or "cookie"
            new = delete_cookie(cat, sid, index)
            label = f"Delete cookie {visible(name)}"
        else:
            remove = {
                "service": delete_service,
                "purpose": delete_purpose,
                "category": delete_category,
            }[kind]
            new = remove(cat, key)
            label = f"Delete {kind} {visible(key)}"
        self.apply(new, label, kind, None)
        self.screen.notify(label + " (ctrl+z to undo)", timeout=4, markup=False)
