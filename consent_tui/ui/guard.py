"""Turn an unexpected error in a handler into a notification, not a crash.

Textual stops the app on an unhandled exception (and the widget whose handler
failed stops processing messages). Handlers that touch catalogue data are
wrapped with :func:`guarded`: the error is logged and shown, the app and the
work in memory carry on.
"""

from __future__ import annotations

import functools
import inspect
import traceback
from collections.abc import Callable
from typing import Any, TypeVar, cast

from textual.app import App

from consent_tui.ui.text import visible

F = TypeVar("F", bound=Callable[..., Any])


def report(node: Any, exc: BaseException) -> None:
    """Show ``exc`` as an error notification from ``node`` (a widget, screen or app)."""
    app: App[Any] = node if isinstance(node, App) else node.app
    app.log.error("".join(traceback.format_exception(exc)))
    message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    app.notify(
        f"{visible(message, multiline=True)}\nYour changes are still in memory; save with ctrl+s.",
        title="Something went wrong",
        severity="error",
        timeout=10,
        markup=False,
    )


def guarded(handler: F) -> F:
    """Wrap a method so that an exception becomes a notification."""
    if inspect.iscoroutinefunction(handler):

        @functools.wraps(handler)
        async def run_async(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return await handler(self, *args, **kwargs)
            except Exception as exc:
                report(self, exc)
                return None

        return cast(F, run_async)

    @functools.wraps(handler)
    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return handler(self, *args, **kwargs)
        except Exception as exc:
            report(self, exc)
            return None

    return cast(F, run)
