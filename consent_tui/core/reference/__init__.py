"""Reference data the rules and exports share: country and language codes, advertising words.

``codes`` reads the code lists in ``data/`` (ISO 3166 countries, the EEA,
adequacy decisions, ISO 639 languages); ``adwords`` recognises advertising in
ids and texts. Plain data and lookups: nothing here imports another part of
consent-tui.
"""
