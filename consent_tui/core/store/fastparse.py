"""The loader's TOML parser: ``tomllib``, or its compiled upstream when installed.

``tomllib`` is ``tomli`` 2.0 copied into the standard library, in pure Python.
``tomli`` 2.3 is the same parser, compiled with mypyc: on a 10,000-cookie
catalogue it parses in about 0.55x the time, with the same results and the same
errors (the conformance corpus and mutated catalogues are checked in
``tests/core/test_fastparse.py``). ``tomli`` 2.4 and later read TOML 1.1, which
``tomllib`` refuses, as the store's read-back of every save does, so they are not
used; neither is a ``tomli`` that was installed uncompiled (no faster).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Loads = Callable[[str], dict[str, Any]]


def _parser() -> tuple[str, Loads, tuple[type[ValueError], ...]]:
    """The parser to use: its name, its ``loads`` and the error it raises for bad TOML."""
    try:
        import tomli
        from tomli import _parser as compiled
    except ImportError:  # pragma: no cover - a dependency, missing only in odd installs
        pass
    else:
        version = str(getattr(tomli, "__version__", ""))
        if version.startswith("2.3.") and not str(compiled.__file__).endswith(".py"):
            return "tomli (compiled)", tomli.loads, (tomli.TOMLDecodeError,)
    import tomllib  # pragma: no cover - where no compiled tomli 2.3 is installed

    return "tomllib", tomllib.loads, (tomllib.TOMLDecodeError,)  # pragma: no cover


NAME, loads, DECODE_ERRORS = _parser()
