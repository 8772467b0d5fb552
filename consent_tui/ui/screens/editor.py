"""The editor screen: the views in tabs, the header with the problem count.

It follows the session: after every change the shown view is refreshed at
once (the others when next shown), and validation runs a moment later in a
worker thread, so typing and moving never wait for it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, TabbedContent, TabPane

from consent_tui.core.model import Catalogue
from consent_tui.core.session import Session
from consent_tui.core.tomlscan import SourceMap
from consent_tui.core.validation import Problem, validate
from consent_tui.ui.flows import Flows
from consent_tui.ui.guard import guarded
from consent_tui.ui.problems import ProblemIndex
from consent_tui.ui.text import visible
from consent_tui.ui.views.entities import CategoriesView, CookiesView, PurposesView, ServicesView
from consent_tui.ui.views.policy_view import PolicyView
from consent_tui.ui.views.preview import PreviewView
from consent_tui.ui.views.problems_view import ProblemsView
from consent_tui.ui.views.table_view import TableView

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

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="views"):
            for pane, cls, key in VIEWS:
                with TabPane(f"{key} {cls.TITLE}", id=pane):
                    yield cls(id=f"{pane}-view")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.session.subscribe(self._session_changed)
        self._shown = self.session.catalogue
        self.update_title()
        self.refresh_view()
        self.call_after_refresh(self._start_validation)

    # -- views

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one(TabbedContent)

    def view(self, pane: str | None = None) -> Any:
        pane = pane or self.tabs.active or "services"
        return self.query_one(f"#{pane}-view")

    def refresh_view(self, pane: str | None = None) -> None:
        """Bring the shown view (or ``pane``) up to date if it is stale."""
        view = self.view(pane)
        if not view.stale:
            return
        if isinstance(view, TableView):
            view.refresh_data(self.session.catalogue, self.problems, self.lang)
        elif isinstance(view, PreviewView):
            view.refresh_data(self.session.catalogue, self.lang)

    def mark_stale(self) -> None:
        for pane, _cls, _key in VIEWS:
            self.view(pane).stale = True
        self.refresh_view()

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id or "services"
        self.refresh_view(pane)
        self._focus_view(pane)

    def _focus_view(self, pane: str) -> None:
        """Focus the view's table (later: the pane must be shown first)."""
        view = self.view(pane)
        target = view.grid if isinstance(view, TableView) else view.lines

        def focus() -> None:
            # only if still wanted: a stale call would switch the tab back
            focused = self.focused
            inside = focused is not None and view in focused.ancestors
            if self.tabs.active == pane and focused is not target and not inside:
                target.focus()

        self.call_after_refresh(focus)

    def action_show(self, pane: str) -> None:
        self.tabs.active = pane
        self.refresh_view(pane)
        view = self.view(pane)
        # focus now, so that keys typed right after the switch reach the new view
        (view.grid if isinstance(view, TableView) else view.lines).focus()

    def select(self, kind: str, key: str) -> None:
        """Show ``kind``'s view with the cursor on ``key``."""
        pane = PANE_OF_KIND.get(kind, "services")
        self.action_show(pane)
        self.refresh_view(pane)
        view = self.view(pane)
        if isinstance(view, TableView):
            view.show_row(key)

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
        if view.grid.cursor_key != key:
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

    def _start_validation(self) -> None:
        session = self.session
        text = None if session.dirty else session.document.text
        self._validate(session.catalogue, text)

    @work(thread=True, exclusive=True, group="validate", exit_on_error=False)
    def _validate(self, catalogue: Catalogue, text: str | None) -> None:
        try:
            source = SourceMap(text.removeprefix("\ufeff")) if text else None
            problems = validate(catalogue, source)
        except Exception as exc:  # a rule bug must not take the editor down
            self.app.call_from_thread(
                self.notify, f"Validation failed: {exc}", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._problems_ready, catalogue, problems)

    def _problems_ready(self, catalogue: Catalogue, problems: list[Problem]) -> None:
        if catalogue is not self.session.catalogue:
            return  # a newer version is being checked
        self.problems = ProblemIndex(problems)
        self.update_title()
        count = len(problems)
        self.tabs.get_tab("problems").label = f"6 Problems ({count})" if count else "6 Problems"
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
