"""How texts and queries are folded so that "reunion mondiale" finds "Réunion mondiale".

The same folding runs on what is indexed and on what is typed, in Python, so SQLite and
PostgreSQL see the same words: accents removed (NFKD), case folded, apostrophes and
punctuation turned into spaces ("d’Abou" -> "d abou").
"""

from __future__ import annotations

import re
import unicodedata

WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
"""A longer query is cut: nobody means a 10,000-character search."""


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(WORD.findall(bare.casefold().replace("_", " ")))


def terms(query: str) -> list[str]:
    """The words of a query, folded; operators and quotes of any search syntax are dropped."""
    return fold(query[:1000]).split()[:MAX_TERMS]
