"""The pure core: model, store, validation, exporters. Never imports textual or rich."""
