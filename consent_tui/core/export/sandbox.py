"""The sandbox user templates run in: plain data only, decided by an allow-list.

Jinja's own sandbox refuses ``_``-prefixed attributes and mutating methods and
lets everything else through, so any object in a template's reach exposes its
public methods (a ``pathlib.Path`` gives ``read_text`` and ``unlink``). Here a
template may read:

- strings (their non-mutating, size-bounded methods), numbers, booleans, none;
- tuples, lists and mappings of those (``keys``, ``values``, ``items``, ``get``);
- the fields and properties of the document model's frozen dataclasses
  (:mod:`consent_tui.core.export.docmodel`, found there by this module) and of
  :class:`TemplateOptions`, and the ``lang`` of a :class:`~.docmodel.Foreign` text;
- the loop variable, macros, ``caller`` and ``self.<block>()``.

Every other attribute, and every other call, is refused with a template error.
``str.format``/``format_map`` are refused (use the ``format`` filter), and so are
the globals ``cycler``, ``joiner`` and ``lipsum``. Files are read only through
:class:`FolderLoader`, which keeps ``include``/``extends``/``import`` inside
its folder (symbolic links that lead out of it included).
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Final

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.runtime import BlockReference, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range
from jinja2.utils import Namespace

from consent_tui.core.export import docmodel

MAX_TEMPLATE_BYTES: Final = 1024 * 1024
MAX_PRODUCT: Final = 1_000_000  # longest string or sequence ``*`` may build

_STR_METHODS: Final = frozenset(
    {
        "capitalize", "casefold", "count", "endswith", "find", "index", "isalnum", "isalpha",
        "isdecimal", "isdigit", "islower", "isnumeric", "isspace", "istitle", "isupper", "join",
        "lower", "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rfind",
        "rindex", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip",
        "swapcase", "title", "upper",
    }
)  # fmt: skip
_MAPPING_METHODS: Final = frozenset({"keys", "values", "items", "get"})
_SEQUENCE_METHODS: Final = frozenset({"count", "index"})
_LOOP_ATTRIBUTES: Final = frozenset(
    {
        "index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0",
        "previtem", "nextitem", "cycle", "changed",
    }
)  # fmt: skip
_REMOVED_GLOBALS: Final = ("cycler", "joiner", "lipsum")


@dataclasses.dataclass(frozen=True, slots=True)
class TemplateOptions:
    """``options`` in a template: what the user asked for, as plain data."""

    lang: str
    width: int
    fragment: bool
    template: str | None  # the --template file's name, or none


def _views() -> tuple[type, ...]:
    """The frozen dataclasses of the document model, and the options."""
    found = [
        value
        for value in vars(docmodel).values()
        if isinstance(value, type)
        and value.__module__ == docmodel.__name__
        and dataclasses.is_dataclass(value)
        and value.__dataclass_params__.frozen  # type: ignore[attr-defined]
    ]
    return (*found, TemplateOptions)


def _view_attributes(cls: type) -> frozenset[str]:
    names = {f.name for f in dataclasses.fields(cls)}
    for klass in cls.__mro__:
        names.update(n for n, v in vars(klass).items() if isinstance(v, property))
    return frozenset(n for n in names if not n.startswith("_"))


_VIEWS: Final = {cls: _view_attributes(cls) for cls in _views()}  # type -> readable names


def allowed_attribute(obj: Any, attr: str) -> bool:
    """Whether a template may read ``obj.attr`` (see the module docstring)."""
    if attr.startswith("_"):
        return False
    if isinstance(obj, str):
        return attr in _STR_METHODS or (attr == "lang" and isinstance(obj, docmodel.Foreign))
    if isinstance(obj, Mapping):
        return attr in _MAPPING_METHODS
    if isinstance(obj, tuple | list):
        return attr in _SEQUENCE_METHODS
    if isinstance(obj, LoopContext):
        return attr in _LOOP_ATTRIBUTES
    if isinstance(obj, Namespace):
        return True  # holds only what the template itself put there
    names = _VIEWS.get(type(obj))
    return names is not None and attr in names


def allowed_call(obj: Any) -> bool:
    """Whether a template may call ``obj``."""
    if isinstance(obj, Macro | BlockReference | LoopContext | jinja2.Undefined):
        return True  # calling an undefined raises its own, clearer error
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if owner is not None and callable(obj) and not isinstance(owner, type):
        if isinstance(owner, LoopContext):
            return name in ("cycle", "changed")
        return allowed_attribute(owner, name)
    return obj is dict or obj is Namespace or obj is safe_range


def _bounded_mul(left: Any, right: Any) -> Any:
    for seq, times in ((left, right), (right, left)):
        sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
        if sized and len(seq) * max(times, 0) > MAX_PRODUCT:
            raise SecurityError(f"the result would be longer than {MAX_PRODUCT:,} items")
    return left * right


def _bounded_pow(left: Any, right: Any) -> Any:
    if isinstance(right, int) and abs(right) > 1024:
        raise SecurityError("the power is too large")
    return left**right


class DataSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, reaching plain data only."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        for name in _REMOVED_GLOBALS:
            self.globals.pop(name, None)
        self.binop_table["*"] = _bounded_mul
        self.binop_table["**"] = _bounded_pow

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return allowed_attribute(obj, attr)

    def is_safe_callable(self, obj: Any) -> bool:
        return allowed_call(obj)

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        """Refuse at once, rather than hand back an undefined that may never be printed."""
        raise SecurityError(f"{type(obj).__name__}.{attribute} is not available to templates")

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        return None  # ``str.format`` is refused like any attribute not on the list


class FolderLoader(jinja2.BaseLoader):
    """Templates from one folder: nothing outside it, no special files, bounded size.

    A name that leads out of the folder (``..``, an absolute path, or a symbolic
    link whose target is outside) is not found.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        root = os.path.realpath(self.folder)
        path = os.path.realpath(os.path.join(root, *pieces))
        if os.path.commonpath([root, path]) != root:
            raise jinja2.TemplateNotFound(template)
        source, mtime = read_template(Path(path), template)
        return source, path, lambda: _mtime(path) == mtime


def read_template(path: Path, name: str | None = None) -> tuple[str, float]:
    """The text of a template file and its mtime; refuses what is not a small regular file.

    A missing file is ``TemplateNotFound`` (``name``, or the path); anything
    else unusable is a ``jinja2.TemplateError`` saying what is wrong.
    """
    label = name or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise jinja2.TemplateNotFound(label) from None
    except OSError as exc:
        raise jinja2.TemplateError(f"cannot read {label}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise jinja2.TemplateError(f"{label} is not a regular file")
        data = handle.read(MAX_TEMPLATE_BYTES + 1)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise jinja2.TemplateError(f"{label} is larger than {MAX_TEMPLATE_BYTES // 1024} KiB")
    try:
        return data.decode("utf-8"), info.st_mtime
    except UnicodeDecodeError as exc:
        raise jinja2.TemplateError(f"{label} is not UTF-8 (byte {exc.start})") from None


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None
