"""Changes of services and their cookies: added, removed, renamed, moved, edited."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Mapping
from typing import Final

from consent_tui.core.changes import cookies as pairing
from consent_tui.core.changes.canon import canon, entity_key
from consent_tui.core.changes.entities import needs_consent
from consent_tui.core.changes.record import code, listed
from consent_tui.core.changes.scope import Recorder, Scope
from consent_tui.core.model import Catalogue, Cookie, Service

_COUNTRY_ALIASES: Final = {"UK": "GB", "EL": "GR"}

Place = tuple[str, int]  # (service id, cookie index)


def content_key(
    service: Service, categories: Mapping[str, str], purposes: Mapping[str, str]
) -> Hashable:
    """A service's content with its old references read through ``categories``/``purposes``."""
    category = categories.get(service.category or "", service.category)
    used = frozenset(purposes.get(p, p) for p in service.purposes or ())
    cookies = frozenset(Counter(pairing.full_key(c) for c in service.cookies).items())
    return entity_key(
        service, category=canon(category), purposes=("set", used), cookies=("bag", cookies)
    )


def _country(code_: str | None) -> str | None:
    if code_ is None:
        return None
    upper = code_.strip().upper()
    return _COUNTRY_ALIASES.get(upper, upper)


def _in_eea(country: str) -> bool:
    from consent_tui.core.reference.codes import eea  # the code lists: read only when needed

    return country in eea()


class ServiceChanges:
    """Compares the services of two catalogues, given how categories and purposes paired."""

    def __init__(
        self,
        rec: Recorder,
        old: Catalogue,
        new: Catalogue,
        categories: Mapping[str, str],
        purposes: Mapping[str, str],
    ) -> None:
        self.rec = rec
        self.old, self.new = old, new
        self.categories, self.purposes = categories, purposes
        self.pairs: dict[str, str] = {}  # old service id -> new id
        self.source: dict[Place, Place] = {}  # new cookie -> old cookie
        self.gone: dict[str, list[Place]] = {}  # new service id -> old cookies removed

    def run(self, pairs: Mapping[str, str]) -> None:
        self.pairs = dict(pairs)
        self.line_up_cookies()
        back = {new_id: old_id for old_id, new_id in self.pairs.items()}
        for sid, service in self.new.services.items():
            old_id = back.get(sid)
            if old_id is None:
                self.added(sid, service)
            else:
                self.service(old_id, sid)
        for old_id, service in self.old.services.items():
            if old_id not in self.pairs:
                self.removed(old_id, service)

    # -- which cookie is which

    def line_up_cookies(self) -> None:
        left_old: list[Place] = []
        left_new: list[Place] = []
        for old_id, new_id in self.pairs.items():
            was, now = self.old.services[old_id].cookies, self.new.services[new_id].cookies
            found, rest_old, rest_new = pairing.line_up(was, now)
            for i, j in found:
                self.source[(new_id, j)] = (old_id, i)
            left_old += [(old_id, i) for i in rest_old]
            left_new += [(new_id, j) for j in rest_new]
        if left_old and left_new:
            for key in (pairing.full_key, pairing.name_key):
                left_old, left_new = self._moves(left_old, left_new, key)
        for old_id, i in left_old:
            self.gone.setdefault(self.pairs[old_id], []).append((old_id, i))

    def _moves(
        self, left_old: list[Place], left_new: list[Place], make: Callable[[Cookie], Hashable]
    ) -> tuple[list[Place], list[Place]]:
        """Cookies left over in one service and found in another: moved."""
        waiting: dict[Hashable, list[Place]] = {}
        for place in left_new:
            waiting.setdefault(make(self._new_cookie(place)), []).append(place)
        rest: list[Place] = []
        taken: set[Place] = set()
        for place in left_old:
            queue = waiting.get(make(self._old_cookie(place)))
            if queue:
                target = queue.pop(0)
                self.source[target] = place
                taken.add(target)
            else:
                rest.append(place)
        return rest, [p for p in left_new if p not in taken]

    def _old_cookie(self, place: Place) -> Cookie:
        return self.old.services[place[0]].cookies[place[1]]

    def _new_cookie(self, place: Place) -> Cookie:
        return self.new.services[place[0]].cookies[place[1]]

    # -- services

    def _scope(self, sid: str, old_id: str | None, *, gone: bool = False) -> Scope:
        return Scope(
            "service",
            sid,
            f"service {code(sid)}",
            old_id=old_id if old_id != sid else None,
            path=None if gone else ("services", sid),
            old_path=("services", old_id) if old_id is not None else None,
        )

    def _where(self, catalogue: Catalogue, category: str | None) -> str:
        needs = needs_consent(catalogue, category)
        said = "needs consent" if needs else "no consent needed"
        place = f"in category {code(category)}" if category else "without a category"
        return f"{place} ({said})"

    def added(self, sid: str, service: Service) -> None:
        names = [code(c.name) for c in service.cookies]
        count = len(names)
        what = f", with {count} cookie{'s' if count != 1 else ''}: {listed(names)}" if count else ""
        needs = needs_consent(self.new, service.category)
        rule = "service-added" if needs else "service-added-without-consent"
        detail = f"added {self._where(self.new, service.category)}{what}"
        self.rec.add(self._scope(sid, None), rule, "added", detail, new=sid)

    def removed(self, old_id: str, service: Service) -> None:
        count = len(service.cookies)
        what = f", with its {count} cookie{'s' if count != 1 else ''}" if count else ""
        scope = self._scope(old_id, old_id, gone=True)
        self.rec.add(scope, "service-removed", "removed", f"removed{what}", old=old_id)

    def service(self, old_id: str, sid: str) -> None:
        was, now = self.old.services[old_id], self.new.services[sid]
        scope = self._scope(sid, old_id)
        rec = self.rec
        if old_id != sid:
            detail = f"renamed from {code(old_id)}"
            rec.add(scope, "service-renamed", "renamed", detail, field="id", old=old_id, new=sid)
        if was != now:
            self.fields(scope, was, now)
        self.cookies(sid, now)

    def fields(self, scope: Scope, was: Service, now: Service) -> None:
        rec = self.rec
        rec.value(scope, "provider", was.provider, now.provider)
        rec.text(scope, "function", was.function, now.function)
        rec.text(scope, "location", was.location, now.location)
        self.category(scope, was, now)
        self.service_purposes(scope, was, now)
        if was.party != now.party:
            rule = "third-party" if now.party == "third" else "party-changed"
            rec.value(scope, "party", was.party, now.party, rule=rule)
        rec.value(scope, "privacy_policy", was.privacy_policy, now.privacy_policy)
        before, after = _country(was.country), _country(now.country)
        if before != after:
            new_transfer = after is not None and after != "" and not _in_eea(after)
            rule = "transfer-country" if new_transfer else "country-changed"
            rec.value(scope, "country", was.country, now.country, rule=rule)
        elif was.country != now.country:
            rec.value(scope, "country", was.country, now.country)
        rec.value(scope, "safeguard", was.safeguard, now.safeguard)
        rec.text(scope, "description", was.description, now.description)
        rec.extra(scope, was.extra, now.extra)

    def category(self, scope: Scope, was: Service, now: Service) -> None:
        before = self.categories.get(was.category or "", was.category)
        if before == now.category:
            return
        needs = needs_consent(self.new, now.category)
        rule = "service-moved-to-consent" if needs else "service-moved"
        source = code(before) if before else "no category"
        detail = f"moved from {source} to {self._where(self.new, now.category)}"
        self.rec.add(
            scope,
            rule,
            "moved",
            detail,
            field="category",
            old=was.category,
            new=now.category,
            key=("category",),
        )

    def service_purposes(self, scope: Scope, was: Service, now: Service) -> None:
        before = [self.purposes.get(p, p) for p in was.purposes or ()]
        after = list(now.purposes or ())
        needs = needs_consent(self.new, now.category)
        key = ("purposes",)
        for pid in dict.fromkeys(after):
            if pid not in before:
                rule = "service-purpose-added" if needs else "service-purpose-added-without-consent"
                detail = f"new purpose {code(pid)}"
                self.rec.add(scope, rule, "changed", detail, field="purposes", new=pid, key=key)
        for pid in dict.fromkeys(before):
            if pid not in after:
                detail = f"no longer has purpose {code(pid)}"
                self.rec.add(
                    scope,
                    "service-purpose-removed",
                    "changed",
                    detail,
                    field="purposes",
                    old=pid,
                    key=key,
                )

    # -- cookies

    def _cookie_scope(self, sid: str, j: int | None, cookie: Cookie, old: Place | None) -> Scope:
        old_id = f"{old[0]}/{old[1]}" if old is not None else None
        new_id = f"{sid}/{j}" if j is not None else old_id
        return Scope(
            "cookie",
            new_id,
            f"service {code(sid)}",
            subject=f"cookie {code(cookie.name)}",
            old_id=old_id if old_id != new_id else None,
            path=("services", sid, "cookies", j) if j is not None else None,
            old_path=("services", old[0], "cookies", old[1]) if old is not None else None,
        )

    def cookies(self, sid: str, service: Service) -> None:
        needs = needs_consent(self.new, service.category)
        for j, cookie in enumerate(service.cookies):
            source = self.source.get((sid, j))
            if source is None:
                scope = self._cookie_scope(sid, j, cookie, None)
                rule = "cookie-added" if needs else "cookie-added-without-consent"
                detail = f"added ({'needs consent' if needs else 'no consent needed'})"
                self.rec.add(scope, rule, "added", detail, new=cookie.name)
                continue
            was = self._old_cookie(source)
            moved = self.pairs.get(source[0]) != sid
            if not moved and was == cookie:
                continue
            scope = self._cookie_scope(sid, j, cookie, source)
            if moved:
                self.moved(scope, source[0], sid, service)
            if was != cookie:
                self.cookie_fields(scope, was, cookie)
        for place in self.gone.get(sid, ()):
            was = self._old_cookie(place)
            scope = self._cookie_scope(sid, None, was, place)
            self.rec.add(scope, "cookie-removed", "removed", "removed", old=was.name)

    def moved(self, scope: Scope, old_sid: str, sid: str, service: Service) -> None:
        old_service = self.old.services[old_sid]
        before = self.categories.get(old_service.category or "", old_service.category)
        needs = needs_consent(self.new, service.category)
        widened = before != service.category or not needs_consent(self.old, old_service.category)
        rule = "cookie-moved-to-consent" if needs and widened else "cookie-moved"
        detail = f"moved from service {code(old_sid)}"
        if before != service.category:
            detail += f", {self._where(self.new, service.category)}"
        self.rec.add(scope, rule, "moved", detail, field="service", old=old_sid, new=sid)

    def cookie_fields(self, scope: Scope, was: Cookie, now: Cookie) -> None:
        rec = self.rec
        if was.name != now.name:
            detail = f"renamed from {code(was.name)}"
            rec.add(
                scope,
                "cookie-renamed",
                "renamed",
                detail,
                field="name",
                old=was.name,
                new=now.name,
                key=("name",),
            )
        if was.storage_type != now.storage_type:
            rec.value(scope, "type", was.storage_type, now.storage_type)
        rec.value(scope, "domain", was.domain, now.domain)
        rec.value(scope, "path", was.path, now.path)
        rec.duration(scope, "duration", was.duration, now.duration)
        if now.refresh is True and was.refresh is not True:
            rec.value(scope, "refresh", was.refresh, now.refresh, rule="lifetime-renewed")
        else:
            rec.value(scope, "refresh", was.refresh, now.refresh)
        rec.text(scope, "duration_note", was.duration_note, now.duration_note)
        rec.text(scope, "description", was.description, now.description)
        rec.extra(scope, was.extra, now.extra)
