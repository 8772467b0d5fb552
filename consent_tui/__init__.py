"""consent-tui: edit, validate and export a website's cookie catalogue."""

__version__ = "0.1.0"
