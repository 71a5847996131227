"""URL- and file-safe names made from titles in any language."""

from slugify import slugify

# An apostrophe separates words in French and Spanish: "d’Abou Dhabi" -> "d-abou-dhabi".
_APOSTROPHES = [["’", "-"], ["'", "-"], ["ʼ", "-"]]


def slug(text: str, max_length: int = 80, *, allow_unicode: bool = False) -> str:
    return slugify(
        text,
        max_length=max_length,
        word_boundary=True,
        replacements=_APOSTROPHES,
        allow_unicode=allow_unicode,
    )
