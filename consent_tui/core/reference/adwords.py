"""Does an id or a text speak of advertising or marketing? Words in several languages.

Ids are matched loosely (``ad-partners``, ``emailmarketing``). Texts are prose,
so they are matched word by word: a word must start with one of the stems
(``Bewerbung``, a job application, is not ``Werbung``), a bare "ad" counts
only in phrases such as "ad serving" (not "ad blocker", "ad hoc" or
"ad-free"), and a mention after a negation in the same sentence ("never used
for advertising", "sans publicité", "keine Werbung") does not count.
"""

from __future__ import annotations

import re
from typing import Final

_STEMS: Final = (
    r"advert|marketing|remarketing|retarget|publicit|pubblicit|publicid|werbung|werbe"
    r"|reklam|ciblage|targeting"
)
_ID: Final = re.compile(rf"{_STEMS}|(?:^|[^a-z])ads?(?:$|[^a-z])", re.IGNORECASE)
_PROSE: Final = re.compile(
    rf"\b(?:{_STEMS})"
    r"|\bads\b(?![-\s]?(?:blocker|blocking|free)\b)"
    r"|\bad[-\s](?:serving|server|targeting|network|exchange|impressions?|campaigns?"
    r"|personali[sz]ation|tracking|measurement)\b",
    re.IGNORECASE,
)
_SENTENCE_END: Final = re.compile(r"[.;!?\n]")
_WORD: Final = re.compile(r"[\w'’]+")
# Words that negate what follows in the same sentence (en, fr, de, es, it, nl, pt).
_NEGATIONS: Final = frozenset(
    {
        *("no", "not", "never", "without", "nor", "neither", "none", "non"),  # en
        *("ne", "pas", "sans", "aucun", "aucune", "jamais", "ni"),  # fr
        *("kein", "keine", "keinen", "keiner", "keinem", "nicht", "nie", "niemals", "ohne"),  # de
        *("sin", "nunca", "ningún", "ninguna"),  # es
        *("senza", "mai", "nessun", "nessuna"),  # it
        *("geen", "niet", "nooit", "zonder"),  # nl
        *("não", "sem", "nenhum", "nenhuma"),  # pt
    }
)
_WINDOW: Final = 6  # words before a mention that a negation may stand in


def id_mentions_ads(ident: str) -> bool:
    """Whether an id names advertising or marketing (``ads``, ``ad-partners``, …)."""
    return _ID.search(ident) is not None


def text_mentions_ads(text: str) -> bool:
    """Whether ``text`` says its subject is advertising or marketing, and not that it is not."""
    for match in _PROSE.finditer(text):
        start = match.start()
        ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
        before = _WORD.findall(text[ends[-1] if ends else 0 : start])[-_WINDOW:]
        if not any(_negates(word) for word in before):
            return True
    return False


def _negates(word: str) -> bool:
    low = word.lower()
    return low in _NEGATIONS or low.endswith(("n't", "n’t")) or low.startswith(("n'", "n’"))
