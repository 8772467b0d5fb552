"""User templates reach plain data only: no file, no Python object outside the document.

Three kinds of tests: a corpus of known escape payloads (each is a template
error and changes nothing on disk); a walk over everything the context holds,
checking that each attribute a template can read is plain data and that every
other one is refused; and the loader's confinement (``include`` stays inside
the template folder, symbolic links and special files included).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from consent_tui.core.export import docmodel, registry
from consent_tui.core.export.document import build
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.export.sandbox import TemplateOptions, allowed_attribute
from consent_tui.core.export.templating import TemplateError
from consent_tui.core.model import Catalogue, Text, replace
from consent_tui.core.store import load
from tests.conftest import SAMPLES

FORMATS = ("markdown", "html", "text")


@pytest.fixture
def catalogue() -> Catalogue:
    return load(SAMPLES / "news-site.toml").catalogue


def _tree(root: Path) -> dict[str, tuple[int, int, bytes | None]]:
    """Every entry below ``root``: mode, size, and content of small regular files."""
    out = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        content = path.read_bytes() if path.is_file() and not path.is_symlink() else None
        out[str(path.relative_to(root))] = (info.st_mode, info.st_size, content)
    return out


def _render(catalogue: Catalogue, fmt: str, template: Path, **options: Any) -> str:
    opts = ExportOptions(template=template, **options)
    return registry.get(fmt).render(catalogue, opts).text


PAYLOADS = [
    # the reported escape: options.template was a pathlib.Path
    "{{ options.template.joinpath('/etc/passwd').read_text() }}",
    "{{ options.template.parent.joinpath('x.pth').write_text('import os') }}",
    "{{ options.template.unlink() }}",
    "{{ options.templates_dir }}",
    "{% for p in options.template.parent.iterdir() %}{{ p }}{% endfor %}",
    # the classic walks
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ doc.__class__.__init__.__globals__ }}",
    "{{ doc.title.__class__.__base__ }}",
    "{{ doc.categories[0].table.rows[0].__reduce__() }}",
    "{{ options.__reduce_ex__(2) }}",
    "{{ doc.categories.__getitem__(0) }}",
    "{{ (doc|attr('__class__')).__subclasses__() }}",
    "{{ doc.categories|map(attribute='__class__')|list }}",
    "{{ doc|attr('__dict__') }}",
    "{{ range.__globals__ }}",
    "{{ dict.__base__.__subclasses__() }}",
    "{{ dict.mro() }}",
    # Jinja's helpers
    "{{ cycler.__init__.__globals__.os }}",
    "{{ cycler('a', 'b').next() }}",
    "{{ joiner() }}",
    "{{ lipsum() }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ namespace.__init__.__globals__ }}",
    "{% set ns = namespace() %}{{ ns.__class__.__mro__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ self.__dict__ }}",
    "{% macro m() %}{% endmacro %}{{ m._func.__globals__ }}",
    "{% macro m() %}{% endmacro %}{{ m.arguments }}",
    "{% for c in doc.categories %}{{ loop._iterable }}{% endfor %}",
    "{% for c in doc.categories %}{{ loop.__class__ }}{% endfor %}",
    # formatting reaches attributes by name
    "{{ '{0.__class__.__mro__}'.format(doc) }}",
    "{{ '{0.title}'.format(doc) }}",
    "{{ '{x.__class__}'.format_map({'x': doc}) }}",
    "{{ doc.title.format_map }}",
    # methods that are neither plain nor read-only
    "{{ doc.labels.update({}) }}",
    "{{ doc.labels.pop('colon') }}",
    "{{ doc.title.encode() }}",
    "{{ doc.title.maketrans('a', 'b') }}",
    "{{ doc.categories[0].table.rows[0].cells[0].items[0].spans[0].of('x') }}",
    # resources
    "{{ 'x' * 100000000 }}",
    "{{ 10 ** 100000000 }}",
    "{{ doc.title.center(10000000000) }}",
    # files by name
    "{% include '/etc/passwd' %}",
    "{% include '../outside.txt' %}",
    "{% include 'link-out.j2' %}",
    "{% import 'link-out.j2' as x %}",
    "{% extends 'link-out.j2' %}",
    "{% include 'fifo.j2' %}",
    "{% include 'huge.j2' %}",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A template folder with traps beside it: a secret outside, a link out, a FIFO, a huge file."""
    root = tmp_path / "templates"
    root.mkdir()
    (tmp_path / "outside.txt").write_text("SECRET-OUTSIDE")
    (root / "link-out.j2").symlink_to(tmp_path / "outside.txt")
    os.mkfifo(root / "fifo.j2")
    (root / "huge.j2").write_bytes(b"x" * (2 * 1024 * 1024))
    return root


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_escapes(catalogue: Catalogue, folder: Path, payload: str, fmt: str) -> None:
    template = folder / "evil.j2"
    template.write_text(payload)
    before = _tree(folder.parent)
    with pytest.raises(TemplateError) as caught:
        _render(catalogue, fmt, template, templates_dir=folder)
    assert "SECRET-OUTSIDE" not in str(caught.value)
    assert "root:" not in str(caught.value)
    assert _tree(folder.parent) == before


def test_the_user_folder_is_confined_too(catalogue: Catalogue, folder: Path) -> None:
    """A policy.md.j2 in the user's template folder, used by every plain export."""
    (folder / "policy.md.j2").write_text("{% include 'link-out.j2' %}")
    with pytest.raises(TemplateError, match=r"not found: link-out\.j2"):
        registry.get("markdown").render(catalogue, ExportOptions(templates_dir=folder))


def test_a_link_inside_the_folder_is_followed(catalogue: Catalogue, folder: Path) -> None:
    (folder / "part.j2").write_text("inside")
    (folder / "alias.j2").symlink_to(folder / "part.j2")
    template = folder / "main.j2"
    template.write_text("{% include 'alias.j2' %}")
    assert _render(catalogue, "text", template) == "inside\n"


def test_the_main_template_must_be_a_regular_file(catalogue: Catalogue, folder: Path) -> None:
    with pytest.raises(TemplateError, match="not a regular file"):
        _render(catalogue, "text", folder / "fifo.j2")
    with pytest.raises(TemplateError, match="larger than"):
        _render(catalogue, "text", folder / "huge.j2")


def test_what_templates_may_still_do(catalogue: Catalogue, tmp_path: Path) -> None:
    """Loops, macros, caller, blocks, namespaces, string and mapping methods, filters."""
    template = tmp_path / "ok.j2"
    template.write_text(
        "{% macro box(x) %}[{{ caller() }}{{ x }}]{% endmacro %}"
        "{% set ns = namespace(n=0) %}"
        "{% for c in doc.categories %}{% set ns.n = ns.n + loop.index %}"
        "{{ loop.cycle('a', 'b') }}{% endfor %}|{{ ns.n }}|"
        "{% call box(doc.lang.upper()) %}>{% endcall %}|"
        "{{ doc.labels.items()|list|length > 0 }}|{{ doc.title.split()|first }}|"
        "{{ range(3)|join(',') }}|{{ dict(a=1).get('a') }}|{{ '%s!'|format(doc.lang) }}|"
        "{{ options.lang }} {{ options.width }} {{ options.fragment }} {{ options.template }}"
        "{% block b %}|block{% endblock %}{{ self.b() }}"
    )
    text = _render(catalogue, "text", template, width=77)
    assert text == ("abab|10|[>EN]|True|Cookies|0,1,2|1|en!|en 77 False ok.j2|block|block\n")


# -- everything reachable ----------------------------------------------------

PLAIN = (str, int, float, bool, type(None))


def _reachable(obj: Any, path: str, seen: set[int]) -> Iterator[tuple[str, Any]]:
    """(expression, object) for every object a template can reach from ``obj``."""
    if id(obj) in seen:
        return
    seen.add(id(obj))
    yield path, obj
    if isinstance(obj, str):
        return
    if isinstance(obj, Mapping):
        for key, value in list(obj.items())[:3]:
            yield from _reachable(value, f"{path}[{key!r}]", seen)
        return
    if isinstance(obj, tuple | list):
        for index, value in enumerate(obj[:2]):
            yield from _reachable(value, f"{path}[{index}]", seen)
        return
    for name in dir(obj):
        if allowed_attribute(obj, name) and not callable(getattr(obj, name)):
            yield from _reachable(getattr(obj, name), f"{path}.{name}", seen)


def _context(catalogue: Catalogue) -> dict[str, Any]:
    """The context of a French export whose title falls back to English (a Foreign text)."""
    policy = replace(catalogue.policy, title=Text({"en": "Only in English"}))
    doc = build(replace(catalogue, policy=policy), "fr")
    return {"doc": doc, "options": TemplateOptions("fr", 80, False, "t.j2")}


def test_every_readable_attribute_is_plain_data(catalogue: Catalogue) -> None:
    views = (*registry_views(), TemplateOptions)
    types_seen: set[type] = set()
    for root, value in _context(catalogue).items():
        for path, obj in _reachable(value, root, set()):
            types_seen.add(type(obj))
            assert isinstance(obj, (*PLAIN, tuple, list, Mapping, *views)), (path, type(obj))
    assert docmodel.Span in types_seen and docmodel.Foreign in types_seen


def registry_views() -> tuple[type, ...]:
    return tuple(
        v
        for v in vars(docmodel).values()
        if isinstance(v, type) and v.__module__ == docmodel.__name__ and hasattr(v, "__slots__")
    )


def test_every_other_attribute_is_refused(catalogue: Catalogue, tmp_path: Path) -> None:
    """For one object of each type reachable, every attribute off the list fails to render."""
    one_of_each: dict[type, str] = {}
    for root, value in _context(catalogue).items():
        for path, obj in _reachable(value, root, set()):
            one_of_each.setdefault(type(obj), path)
    template = tmp_path / "probe.j2"
    tried = 0
    for path in one_of_each.values():
        obj = eval(path, {}, _context(catalogue))
        for name in dir(obj):
            if allowed_attribute(obj, name) or not name.isidentifier():
                continue
            template.write_text(f"{{{{ {path}.{name} }}}}")
            with pytest.raises(TemplateError):
                _render(catalogue, "text", template, lang="fr")
            tried += 1
    assert tried > 200, tried
