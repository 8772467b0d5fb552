"""Jinja2 templates of the document formats: bundled, or the user's, always sandboxed.

Where a template is looked up, first match wins:

1. ``--template PATH`` (the main template; its folder is searched for includes);
2. the user's template folder (``consent-tui locate templates``), same file names
   as the bundled ones (``policy.md.j2``, ``policy.html.j2``, ``policy.txt.j2``);
3. the bundled templates, also reachable as ``bundled/<name>`` so that a user
   template can ``{% extends "bundled/policy.html.j2" %}`` and override blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal

import jinja2

from consent_tui.core.errors import CatalogueError
from consent_tui.core.export.document import build
from consent_tui.core.export.registry import ExportOptions, ExportResult
from consent_tui.core.export.sandbox import (
    DataSandbox,
    FolderLoader,
    TemplateOptions,
    read_template,
)
from consent_tui.core.model import Catalogue

Kind = Literal["markdown", "html", "text"]
MAIN = "__main__"  # the name under which a --template PATH file is loaded


class TemplateError(CatalogueError):
    """A template cannot be found, parsed or rendered."""


def _bundled() -> jinja2.BaseLoader:
    return jinja2.PackageLoader("consent_tui.core.export", "templates")


def _main_loader(path: Path) -> jinja2.BaseLoader:
    def load(name: str) -> tuple[str, str, Callable[[], bool]] | None:
        if name != MAIN:
            return None
        try:
            source, mtime = read_template(path)
        except jinja2.TemplateNotFound:
            raise TemplateError("cannot read the template: no such file", path=str(path)) from None
        except jinja2.TemplateError as exc:
            message = f"cannot read the template: {exc.message}"
            raise TemplateError(message, path=str(path)) from None
        return source, str(path), lambda: _mtime(path) == mtime

    return jinja2.FunctionLoader(load)


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def loader(template: Path | None, user_dir: Path | None) -> jinja2.BaseLoader:
    bundled = _bundled()
    loaders: list[jinja2.BaseLoader] = []
    if template is not None:
        loaders += [_main_loader(template), FolderLoader(template.parent)]
    if user_dir is not None and user_dir.is_dir():
        loaders.append(FolderLoader(user_dir))
    loaders += [jinja2.PrefixLoader({"bundled": bundled}), bundled]
    return jinja2.ChoiceLoader(loaders)


_CACHE: dict[tuple[Any, ...], jinja2.Environment] = {}
_CACHE_SIZE = 16


def environment(
    kind: Kind,
    template: Path | None,
    user_dir: Path | None,
    filters: Mapping[str, Callable[..., Any]],
    finalize: Callable[[Any], Any] | None = None,
) -> jinja2.Environment:
    """A sandboxed environment: HTML is autoescaped; Markdown escapes through ``finalize``.

    Environments are kept between exports (compiled templates with them); Jinja
    reloads a template whose file changed.
    """
    user_dir = user_dir if user_dir is not None and user_dir.is_dir() else None
    key = (kind, template, user_dir, id(filters), id(finalize))
    env = _CACHE.get(key)
    if env is None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        env = _CACHE[key] = _new_environment(kind, template, user_dir, filters, finalize)
    return env


def _new_environment(
    kind: Kind,
    template: Path | None,
    user_dir: Path | None,
    filters: Mapping[str, Callable[..., Any]],
    finalize: Callable[[Any], Any] | None,
) -> jinja2.Environment:
    env = DataSandbox(
        loader=loader(template, user_dir),
        autoescape=kind == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize or _none_as_empty,
    )
    env.filters.update(filters)
    return env


def _none_as_empty(value: Any) -> Any:
    return "" if value is None else value


def render(env: jinja2.Environment, name: str, template: Path | None, **context: Any) -> str:
    """Render the main template (``template`` when given, else the bundled ``name``)."""
    where = str(template) if template is not None else name
    try:
        return env.get_template(MAIN if template is not None else name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"template syntax error: {exc.message}", path=exc.filename or where, line=exc.lineno
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}", path=where) from None
    except jinja2.exceptions.SecurityError as exc:
        raise TemplateError(f"the template tried something unsafe: {exc}", path=where) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"template error: {exc}", path=where) from None
    except TemplateError:
        raise
    except Exception as exc:  # a user template can fail in many ways; never a traceback
        raise TemplateError(
            f"the template failed: {type(exc).__name__}: {exc}", path=where
        ) from None


def render_policy(
    kind: Kind,
    name: str,
    filters: Mapping[str, Callable[..., Any]],
    catalogue: Catalogue,
    options: ExportOptions,
    *,
    finalize: Callable[[Any], Any] | None = None,
    **context: Any,
) -> ExportResult:
    """The policy document of ``catalogue`` in ``options.lang``, through template ``name``.

    What a document format's ``render`` returns: the text ends with one line
    break, and the notes are the document's.
    """
    doc = build(catalogue, options.lang)
    env = environment(kind, options.template, options.templates_dir, filters, finalize)
    seen = TemplateOptions(
        lang=doc.lang,
        width=options.width,
        fragment=options.fragment,
        template=options.template.name if options.template is not None else None,
    )
    text = render(env, name, options.template, doc=doc, options=seen, **context)
    return ExportResult(text.rstrip() + "\n", doc.notes)
