"""How texts and queries are folded so that "reunion mondiale" finds "Réunion mondiale".

The same folding runs on what is indexed and on what is typed, in Python, so SQLite and
PostgreSQL see the same words: accents removed (NFKD), Latin letters that have no decomposition
written as their base letters (œ -> oe, æ -> ae, ø -> o, ł -> l, đ -> d, þ -> th, ß -> ss: the
transliteration of `anyascii`), case folded, apostrophes and punctuation turned into spaces
("d’Abou" -> "d abou"). Letters of other scripts are kept as they are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from anyascii import anyascii

WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
"""A longer query is cut: nobody means a 10,000-character search."""


def fold(text: str) -> str:
    """`text` as the index holds it: "Mise en Œuvre, d’Łódź" -> "mise en oeuvre d lodz"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(_base(c) for c in decomposed if not unicodedata.combining(c))
    return " ".join(WORD.findall(bare.casefold().replace("_", " ")))


@cache
def _base(letter: str) -> str:
    """A Latin letter without a decomposition as its base letters ("œ" -> "oe"); any other
    character as it is."""
    if letter.isascii() or not unicodedata.name(letter, "").startswith("LATIN "):
        return letter
    return anyascii(letter) or letter


def terms(query: str) -> list[str]:
    """The words of a query, folded; operators and quotes of any search syntax are dropped."""
    return fold(query[:1000]).split()[:MAX_TERMS]
