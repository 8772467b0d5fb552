"""The terminal editor (Textual). Outside this package only ``cli.py`` names it, for ``edit``.

``ui.launch`` is that sub-command; importing it loads no Textual, only running it does.
"""
