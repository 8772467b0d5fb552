"""Export benchmarks: every export format (documents and banners), against ``tomllib.loads``.

Bars from the issues: exporting the 10,000-cookie catalogue to each format costs at
most 1.0x ``tomllib.loads`` of the same text, on top of loading (the catalogue is
loaded once, untimed; the measured call is ``exporter.render``). Issue 12: the
10,000-cookie catalogue exported per cookie, grouped by category, costs at most 3x
``tomllib.load`` for the whole process (``consent-tui export`` against a Python process
that only runs ``tomllib.load``); the same in-process (load, validate, render) too. At
the largest size, markdown, html and csv are measured on the many-problems catalogue
too (``generate(..., problems=True)``); the whole ``export`` command is in ``bench_cli``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from benchmarks.generate import generate
from benchmarks.harness import Case
from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load_text
from consent_tui.core.validation import validate

FORMATS = (
    ("markdown", ExportOptions(lang="fr")),
    ("html", ExportOptions(lang="fr")),
    ("text", ExportOptions(lang="fr", width=100)),
    ("csv", ExportOptions(lang="fr")),
    ("json", ExportOptions()),
    ("klaro", ExportOptions()),
    ("cookieconsent", ExportOptions()),
    ("tcf-disclosures", ExportOptions(lang="fr")),
    ("consent-mode", ExportOptions()),
)


MANY_PROBLEMS = ("markdown", "html", "csv")  # the formats issue 18 measures on it


def cases(sizes: tuple[int, ...]) -> list[Case]:
    out: list[Case] = []
    big = max(sizes)
    for size, problems in [(s, False) for s in sizes] + [(big, True)]:
        text = generate(size, problems=problems)
        catalogue = load_text(text)
        repeats = 5 if size <= 1_000 else 3
        suffix = " (many-problems)" if problems else ""

        def floor(text: str = text) -> object:
            return tomllib.loads(text)

        for name, options in FORMATS:
            if problems and name not in MANY_PROBLEMS:
                continue
            exporter = registry.get(name)

            def export(
                exporter: registry.Exporter = exporter,
                options: ExportOptions = options,
                catalogue: Catalogue = catalogue,
            ) -> object:
                return exporter.render(catalogue, options)

            out.append(Case(f"export {name}{suffix}", size, floor, export, repeats, bar=1.0))
    return out + layout_cases(sizes)


# Issue 12: a table per category with a row per cookie (the layout most published
# pages use), the service's cells spanning its cookies' rows.
PER_COOKIE = """
[policy.document]
group_by = "category"
rows = "cookie"
service_cells = "span"
columns = ["cookies", "provider", "cookie_description", "duration", "type"]
"""
LAYOUT_FORMATS = ("markdown", "html", "text")
WHOLE_PROCESS_BAR = 3.0  # the whole `consent-tui export` against a `tomllib.load` process


def layout_cases(sizes: tuple[int, ...]) -> list[Case]:
    """Per-cookie exports: rendering alone, load + validate + render, and the whole process."""
    out: list[Case] = []
    folder = Path(tempfile.mkdtemp(prefix="consent-tui-bench-"))
    for size in sizes:
        text = generate(size) + PER_COOKIE
        catalogue = load_text(text)
        source = folder / f"per-cookie-{size}.toml"
        source.write_text(text, encoding="utf-8")
        repeats = 5 if size <= 1_000 else 3

        def floor(text: str = text) -> object:
            return tomllib.loads(text)

        options = ExportOptions(lang="fr")
        for name in LAYOUT_FORMATS:
            exporter = registry.get(name)

            def export(
                exporter: registry.Exporter = exporter,
                catalogue: Catalogue = catalogue,
                options: ExportOptions = options,
            ) -> object:
                return exporter.render(catalogue, options)

            def pipeline(
                exporter: registry.Exporter = exporter,
                text: str = text,
                options: ExportOptions = options,
            ) -> object:
                loaded = load_text(text)
                validate(loaded)
                return exporter.render(loaded, options)

            out.append(Case(f"export {name} per cookie", size, floor, export, repeats))
            out.append(
                Case(
                    f"load+validate+export {name} per cookie",
                    size,
                    floor,
                    pipeline,
                    repeats,
                    bar=3.0,
                )
            )

        def floor_process(source: Path = source) -> object:
            return subprocess.run([sys.executable, "-c", TOMLLIB_LOAD, str(source)], check=True)

        for name in LAYOUT_FORMATS:
            target = folder / f"out-{size}.{name}"

            def process(name: str = name, source: Path = source, target: Path = target) -> object:
                target.unlink(missing_ok=True)
                command = [sys.executable, "-m", "consent_tui", "export", str(source)]
                command += ["-f", name, "--lang", "fr", "-o", str(target)]
                return subprocess.run(command, check=True, capture_output=True)

            out.append(
                Case(
                    f"process: consent-tui export {name} per cookie",
                    size,
                    floor_process,
                    process,
                    repeats,
                    bar=WHOLE_PROCESS_BAR,
                    floor_name="process: tomllib.load",
                )
            )
    return out


TOMLLIB_LOAD = "import sys, tomllib\nwith open(sys.argv[1], 'rb') as f: tomllib.load(f)"
