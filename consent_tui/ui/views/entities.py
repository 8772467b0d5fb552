"""The four entity tables: services, cookies, purposes and categories.

Their field columns come from the field description (``core/fields``: each
field's ``column``); the computed ones (counts, who uses a purpose, problems)
follow them.
"""

from __future__ import annotations

from typing import ClassVar

from consent_tui.core.fields import entity
from consent_tui.core.model import Catalogue
from consent_tui.ui.problems import ProblemIndex, tone
from consent_tui.ui.views import rows
from consent_tui.ui.views.columns import field_columns
from consent_tui.ui.views.table_view import TableView
from consent_tui.ui.widgets.grid import Column, Row

PROBLEMS = Column("problems", "Problems", min_width=8, max_width=9, tone=tone)


class EntityView(TableView):
    """A table of one entity kind: its described fields' columns, then ``AFTER``."""

    AFTER: ClassVar[tuple[Column, ...]] = (PROBLEMS,)

    def columns(self) -> tuple[Column, ...]:
        return (*field_columns(entity(self.KIND)), *self.AFTER)


class ServicesView(EntityView):
    KIND = "service"
    NOUN = ("service", "services")
    TITLE = "Services"
    EMPTY = "No services yet. Press a to add one."
    AFTER = (Column("cookies", "Cookies", numeric=True, max_width=8), PROBLEMS)
    HELP = (
        "Every service the site uses, first or third party, with the number of cookies "
        "it sets and the problems found in it or its cookies. Enter or e edits the "
        "service; renaming its id keeps its cookies."
    )

    def build_rows(self, catalogue: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
        return rows.service_rows(catalogue, problems, lang)


class CookiesView(EntityView):
    KIND = "cookie"
    NOUN = ("cookie", "cookies")
    TITLE = "Cookies"
    EMPTY = "No cookies yet. Press a to add one to a service."
    HELP = (
        "Every cookie and other storage item (local storage, pixels …) of every service. "
        "Sorting by duration orders session cookies first, then by lifetime. Enter or e "
        "edits the cookie; its form can move it to another service."
    )

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows = rows.CookieRows()

    def build_rows(self, catalogue: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
        return self._rows.build(catalogue, problems, lang)


class PurposesView(EntityView):
    KIND = "purpose"
    NOUN = ("purpose", "purposes")
    TITLE = "Purposes"
    EMPTY = "No purposes yet. Press a to add one."
    AFTER = (
        Column("used_by", "Used by", max_width=60, grow=True, sort_key=rows.leading_number),
        PROBLEMS,
    )
    HELP = (
        "Why data is stored or read, and on which legal basis. Renaming a purpose's id "
        "updates every service that lists it; deleting one removes it from them."
    )

    def build_rows(self, catalogue: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
        return rows.purpose_rows(catalogue, problems, lang)


class CategoriesView(EntityView):
    KIND = "category"
    NOUN = ("category", "categories")
    TITLE = "Categories"
    EMPTY = "No categories yet. Press a to add one."
    AFTER = (Column("services", "Services", numeric=True, max_width=9), PROBLEMS)
    HELP = (
        "The groups of services visitors accept or refuse in the banner. Renaming a "
        "category's id moves its services with it; deleting one leaves them without one."
    )

    def build_rows(self, catalogue: Catalogue, problems: ProblemIndex, lang: str) -> list[Row]:
        return rows.category_rows(catalogue, problems, lang)
