"""The editor screen: the views (one shown at a time), the header with the problem count.

It follows the session: after every change the shown view is refreshed at
once (the others when next shown), and validation runs a moment later in a
worker thread, so typing and moving never wait for it.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Header

from consent_tui.core import store
from consent_tui.core.model import Catalogue
from consent_tui.core.session import Session
from consent_tui.ui.flows import Flows
from consent_tui.ui.guard import guarded
from consent_tui.ui.problems import ProblemIndex
from consent_tui.ui.text import visible
from consent_tui.ui.views.entities import CategoriesView, CookiesView, PurposesView, ServicesView
from consent_tui.ui.views.policy_view import PolicyView
from consent_tui.ui.views.preview import PreviewView
from consent_tui.ui.views.problems_view import ProblemsView
from consent_tui.ui.views.table_view import TableView
from consent_tui.ui.widgets.view_bar import ViewBar

if TYPE_CHECKING:
    from consent_tui.core.validation import Problem

# pane id, view class, key
VIEWS: tuple[tuple[str, Any, str], ...] = (
    ("services", ServicesView, "1"),
    ("cookies", CookiesView, "2"),
    ("purposes", PurposesView, "3"),
    ("categories", CategoriesView, "4"),
    ("policy", PolicyView, "5"),
    ("problems", ProblemsView, "6"),
    ("preview", PreviewView, "7"),
)
PANE_OF_KIND = {
    "service": "services",
    "cookie": "cookies",
    "purpose": "purposes",
    "category": "categories",
    "policy": "policy",
    "catalogue": "policy",
    "banner": "policy",
}
VALIDATE_DELAY = 0.3


def _show_binding(pane: str, cls: Any, key: str) -> Binding:
    return Binding(
        key,
        f"show('{pane}')",
        cls.TITLE,
        show=False,
        id=f"show.{pane}",
        tooltip=f"Show the {cls.TITLE.lower()} view",
    )


class EditorScreen(Screen[None]):
    """One open catalogue."""

    AUTO_FOCUS = "#service-grid"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(_show_binding(*view) for view in VIEWS),
        Binding("ctrl+z", "undo", "Undo", id="undo", tooltip="Undo the last change"),
        Binding(
            "ctrl+y", "redo", "Redo", id="redo", show=False, tooltip="Redo the change just undone"
        ),
        Binding(
            "ctrl+e",
            "export",
            "Export",
            id="export",
            tooltip="Export the policy or a banner configuration",
        ),
        Binding("f1", "help", "Help", id="help", tooltip="Help for the view you are in"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.problems = ProblemIndex()
        self.flows = Flows(self)
        self.lang = session.catalogue.default_language
        self._shown: Catalogue | None = None
        self._timer: Timer | None = None
        self._mounting: dict[str, asyncio.Event] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield ViewBar([(pane, key, cls.TITLE) for pane, cls, key in VIEWS])
        with ContentSwitcher(initial="services-view"):
            yield ServicesView(id="services-view")  # the others: just after the first frame
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.session.subscribe(self._session_changed)
        self._shown = self.session.catalogue
        self.update_title()
        self.refresh_view()
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        self._start_validation()
        self._mount_views()

    @work(group="views")
    async def _mount_views(self) -> None:
        """Mount the other views, one by one, once the first frame is on screen."""
        for pane, _cls, _key in VIEWS:
            await self.ensure_view(pane)

    def on_unmount(self) -> None:
        self.session.unsubscribe(self._session_changed)

    # -- views

    @property
    def active(self) -> str:
        """The id of the shown view: "services", "cookies" …"""
        return self.query_one(ViewBar).active

    @property
    def bar(self) -> ViewBar:
        return self.query_one(ViewBar)

    def view(self, pane: str | None = None) -> Any:
        """The view in ``pane`` (the shown one by default); None until it is mounted."""
        found = self.query(f"#{pane or self.active}-view")
        view = found.first() if found else None
        return view if view is not None and view.is_mounted else None

    async def ensure_view(self, pane: str) -> Any:
        """The view in ``pane``, mounted now if it is not yet."""
        view = self.view(pane)
        if view is not None:
            return view
        switcher = self.query_one(ContentSwitcher)
        if not switcher.is_attached:
            return None  # the screen is closing (quit right after opening): nothing to show
        done = self._mounting.get(pane)
        if done is None:
            done = self._mounting[pane] = asyncio.Event()
            cls = {name: cls for name, cls, _key in VIEWS}[pane]
            view = cls(id=f"{pane}-view")
            view.display = False  # the switcher shows it when it becomes current
            await switcher.mount(view)
            done.set()
        await done.wait()
        return self.view(pane)

    def refresh_view(self, pane: str | None = None) -> None:
        """Bring the shown view (or ``pane``) up to date if it is stale."""
        view = self.view(pane)
        if view is None or not view.stale:
            return
        if isinstance(view, TableView):
            view.refresh_data(self.session.catalogue, self.problems, self.lang)
        elif isinstance(view, PreviewView):
            view.refresh_data(self.session.catalogue, self.lang)

    def mark_stale(self) -> None:
        for view in self.query(".table-view, .preview-view"):
            view.stale = True  # type: ignore[attr-defined]
        self.refresh_view()

    @on(ViewBar.Selected)
    async def _bar_clicked(self, event: ViewBar.Selected) -> None:
        await self.action_show(event.pane)

    @staticmethod
    def _main_widget(view: Any) -> Any:
        return view.grid if isinstance(view, TableView) else view.lines

    async def action_show(self, pane: str) -> None:
        """Show the view ``pane`` and focus its table."""
        self.bar.active = pane
        view = self.view(pane) or await self.ensure_view(pane)
        if view is None or self.bar.active != pane:
            return  # another view was asked for meanwhile
        self.query_one(ContentSwitcher).current = view.id
        self.refresh_view(pane)
        self._main_widget(view).focus()  # now: keys typed right after reach the new view

    def select(self, kind: str, key: str) -> None:
        """Show ``kind``'s view with the cursor on ``key``."""
        pane = PANE_OF_KIND.get(kind, "services")
        if self.view(pane) is None:  # the first instant after opening
            self.run_worker(self._select_later(kind, key), group="views")
            return
        self.bar.active = pane
        view = self.view(pane)
        self.query_one(ContentSwitcher).current = view.id
        self.refresh_view(pane)
        self._main_widget(view).focus()
        if isinstance(view, TableView) and key:
            view.show_row(key)

    @on(TableView.RowAction)
    @guarded
    def _row_action(self, event: TableView.RowAction) -> None:
        """A view asked for an edit: the flows open the form or confirmation."""
        event.stop()
        flows, kind, key = self.flows, event.kind, event.key
        if event.verb == "add":
            flows.add(kind, key)
        elif key is None:
            return
        elif event.verb == "edit":
            flows.edit(kind, key)
        elif event.verb == "duplicate":
            flows.duplicate(kind, key)
        else:
            flows.delete(kind, key)

    @on(ProblemsView.JumpTo)
    def _jump_to(self, event: ProblemsView.JumpTo) -> None:
        event.stop()
        self.jump_to_problem(event.problem)

    async def _select_later(self, kind: str, key: str) -> None:
        if await self.ensure_view(PANE_OF_KIND.get(kind, "services")) is not None:
            self.select(kind, key)

    @guarded
    def jump_to_problem(self, problem: Problem) -> None:
        """Show the entity at fault and open its form on the field."""
        kind = problem.entity
        if kind in ("policy", "catalogue", "banner"):
            field = problem.field
            if kind == "banner" and field:
                field = f"banner.{field}"
            self.select("policy", field or "site_name")
            self.flows.edit("policy", field or "site_name", field, problem.language)
            return
        key = problem.entity_id
        if key is None or kind not in PANE_OF_KIND:
            self.notify("This problem is about the catalogue as a whole.", timeout=3)
            return
        self.select(kind, key)
        view = self.view(PANE_OF_KIND[kind])
        if view is None or view.grid.cursor_key != key:
            self.notify(
                f"{kind} {visible(key)} no longer exists.", severity="warning", markup=False
            )
            return
        self.flows.edit(kind, key, problem.field, problem.language)

    # -- session

    def _session_changed(self, session: Session) -> None:
        self.update_title()
        if session.catalogue is self._shown:
            return
        self._shown = session.catalogue
        if self.lang not in session.catalogue.languages:
            self.lang = session.catalogue.default_language
        self.mark_stale()
        self.refresh_bindings()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(VALIDATE_DELAY, self._start_validation)

    def update_title(self) -> None:
        doc = self.session.document
        mark = " ●" if self.session.dirty else ""
        self.title = visible(doc.name) + mark
        self.sub_title = self.problems.summary()
        self.app.title = self.title

    @property
    def pending(self) -> bool:
        """Whether a validation is scheduled but has not started yet."""
        return self._timer is not None

    def _start_validation(self) -> None:
        self._timer = None
        session = self.session
        self._validate(session.document, session.catalogue, session.dirty)

    @work(thread=True, exclusive=True, group="validate", exit_on_error=False)
    def _validate(self, document: store.Document, catalogue: Catalogue, dirty: bool) -> None:
        """Validate in a thread; lines refer to the text a save would write now."""
        try:
            # imported here, in the worker thread: the rules are not needed for the first frame
            from consent_tui.core.session import recovery_text
            from consent_tui.core.store import SourceMap
            from consent_tui.core.validation import validate

            text = recovery_text(document, catalogue) if dirty else document.text
            problems = validate(catalogue, SourceMap(text.removeprefix("\ufeff")))
        except Exception as exc:  # a rule bug must not take the editor down
            message = f"Validation failed: {type(exc).__name__}: {exc}"
            self.app.call_from_thread(self.notify, visible(message), severity="error", markup=False)
            return
        self.app.call_from_thread(self._problems_ready, catalogue, problems)

    def _problems_ready(self, catalogue: Catalogue, problems: list[Problem]) -> None:
        if catalogue is not self.session.catalogue:
            return  # a newer version is being checked
        self.problems = ProblemIndex(problems)
        self.update_title()
        count = len(problems)
        self.bar.set_label("problems", f"Problems ({count})" if count else "Problems")
        self.mark_stale()

    # -- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return self.session.can_undo or None
        if action == "redo":
            return self.session.can_redo or None
        return True

    @guarded
    def action_undo(self) -> None:
        label = self.session.undo()
        if label:
            self.notify(f"Undid: {label}", timeout=3, markup=False)

    @guarded
    def action_redo(self) -> None:
        label = self.session.redo()
        if label:
            self.notify(f"Redid: {label}", timeout=3, markup=False)

    @guarded
    def action_export(self) -> None:
        from consent_tui.ui.dialogs.export import ExportScreen

        errors = self.problems.counts.get("error", 0)

        def done(report: str | None) -> None:
            if report:
                self.notify(visible(report), title="Export", markup=False, timeout=6)

        self.app.push_screen(ExportScreen(self.session, self.lang, errors), done)

    def action_help(self) -> None:
        from consent_tui.ui.dialogs.help import HelpScreen

        self.app.push_screen(HelpScreen(self.view(), self.active_bindings))
