"""Widgets of the editor."""
