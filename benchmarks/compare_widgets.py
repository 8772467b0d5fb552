"""The two hand-written widgets against Textual's own: ``python -m benchmarks.compare_widgets``.

Why the editor keeps ``ui/widgets/grid.py`` (a virtual table) over ``DataTable`` and
``ui/widgets/md_lines.py`` + ``line_view.py`` (Markdown laid out as lines) over
``Markdown``: each case runs in a fresh process, headless at 120x36, and reports the
time from handing the widget its data to the next painted frame, and the growth of the
process's peak memory. Tables: the cookie rows of the N-cookie benchmark catalogue
(shown, then filtered to the rows with a "5" in a cell, about half; ``DataTable`` has no
filter, so it is cleared and refilled). Preview: the catalogue's Markdown export.

Not part of ``benchmarks.run``: ``Markdown`` needs about a minute for 10,000 cookies.
Options: ``--rows 10000`` (tables), ``--markdown-rows 1000`` (the Markdown widget),
``--lines-rows 10000`` (the line view).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from typing import Any

SIZE = (120, 36)


def _catalogue(cookies: int) -> Any:
    from benchmarks.generate import generate
    from consent_tui.core.store import load_text

    return load_text(generate(cookies))


def _rss_kib() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


async def _case(kind: str, cookies: int) -> dict[str, float]:
    """Run in the child: one widget, its data, the time to the next frame."""
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Markdown

    from consent_tui.core.fields import entity
    from consent_tui.ui.problems import ProblemIndex
    from consent_tui.ui.views.columns import field_columns
    from consent_tui.ui.views.entities import PROBLEMS
    from consent_tui.ui.views.preview import markdown_of
    from consent_tui.ui.views.rows import CookieRows
    from consent_tui.ui.widgets.grid import Grid
    from consent_tui.ui.widgets.line_view import LineView
    from consent_tui.ui.widgets.md_lines import render

    catalogue = _catalogue(cookies)
    rows = CookieRows().build(catalogue, ProblemIndex(), catalogue.default_language)
    columns = (*field_columns(entity("cookie")), PROBLEMS)
    markdown = markdown_of(catalogue, "en")[0] if kind in ("markdown", "lines") else ""
    widget: Any = {
        "datatable": DataTable,
        "grid": lambda: Grid(columns),
        "markdown": Markdown,
        "lines": LineView,
    }[kind]()

    class Bench(App[None]):
        def compose(self) -> ComposeResult:
            yield widget

    out: dict[str, float] = {}
    app = Bench()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if kind == "datatable":
            widget.add_columns(*(c.label for c in columns))
        base = _rss_kib()
        start = time.perf_counter()
        if kind == "datatable":
            widget.add_rows([tuple(Text(cell) for cell in row.cells) for row in rows])
        elif kind == "grid":
            widget.set_rows(rows)
        elif kind == "markdown":
            await widget.update(markdown)
        else:
            widget.set_lines(render(markdown, SIZE[0] - 2))
        await pilot.pause()
        out["show_s"] = time.perf_counter() - start
        if kind in ("datatable", "grid"):
            start = time.perf_counter()
            if kind == "datatable":
                kept = [r for r in rows if any("5" in cell.lower() for cell in r.cells)]
                widget.clear()
                widget.add_rows([tuple(Text(cell) for cell in row.cells) for row in kept])
            else:
                widget.set_filter("5")
            await pilot.pause()
            out["filter_s"] = time.perf_counter() - start
        out["memory_mib"] = (_rss_kib() - base) / 1024
    return out


def measure(kind: str, cookies: int) -> dict[str, float]:
    """One case in a fresh process (so that the memory of one does not hide another's)."""
    code = (
        "import asyncio, json, sys; from benchmarks.compare_widgets import _case; "
        f"print(json.dumps(asyncio.run(_case({kind!r}, {cookies}))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare_widgets")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--markdown-rows", type=int, default=1_000)
    parser.add_argument("--lines-rows", type=int, default=10_000)
    args = parser.parse_args(argv)
    cases = [
        ("datatable", args.rows),
        ("grid", args.rows),
        ("markdown", args.markdown_rows),
        ("lines", args.markdown_rows),
        ("lines", args.lines_rows),
    ]
    print(f"{'widget':<10} {'cookies':>8} {'show':>9} {'filter':>9} {'memory':>10}")
    for kind, cookies in cases:
        r = measure(kind, cookies)
        filt = f"{r['filter_s'] * 1000:7.0f}ms" if "filter_s" in r else " " * 9
        print(
            f"{kind:<10} {cookies:>8,} {r['show_s'] * 1000:7.0f}ms {filt} "
            f"{r['memory_mib']:7.1f}MiB",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
