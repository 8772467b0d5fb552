"""``python -m consent_tui``."""

from consent_tui.cli import main

raise SystemExit(main())
