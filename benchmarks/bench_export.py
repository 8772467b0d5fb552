"""Export benchmarks: every export format (documents and banners), against ``tomllib.loads``.

Bar from the issue: exporting the 10,000-cookie catalogue to each format costs at
most 1.0x ``tomllib.loads`` of the same text, on top of loading (the catalogue is
loaded once, untimed; the measured call is ``exporter.render``). At the largest
size, markdown, html and csv are measured on the many-problems catalogue too
(``generate(..., problems=True)``); the whole ``export`` command is in ``bench_cli``.
"""

from __future__ import annotations

import tomllib

from benchmarks.generate import generate
from benchmarks.harness import Case
from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.model import Catalogue
from consent_tui.core.store import load_text

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
    return out
