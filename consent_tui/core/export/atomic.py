"""Kept for older imports: export files are written by the store's ``write_atomic``."""

from consent_tui.core.store import WriteError, write_atomic

__all__ = ["WriteError", "write_atomic"]
