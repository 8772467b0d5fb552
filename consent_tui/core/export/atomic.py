"""Kept for older imports: export files are written by :mod:`consent_tui.core.atomic`."""

from consent_tui.core.atomic import WriteError, write_atomic

__all__ = ["WriteError", "write_atomic"]
