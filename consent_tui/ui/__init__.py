"""The terminal editor (Textual). Only ``commands/edit.py`` imports this package."""
