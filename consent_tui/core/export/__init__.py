"""Exporters: one module per format, all reached through :mod:`.registry`."""
