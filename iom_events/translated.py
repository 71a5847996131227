"""Texts written in several languages: the values, their column type, and what reading one gives.

A translatable field holds one text per UI language in one JSON column (`TranslatedText`) and is
read with a fallback: the requested language, else the original language of the content, else any.
What comes out is a `Localized` string that remembers which language it is in, so that a page can
mark it (`lang` attribute) and say "available in French only".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from sqlalchemy import JSON
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator

from iom_events.settings import LANGUAGES


class Translated(Mapping[str, str]):
    """An immutable set of texts keyed by language code; empty texts are dropped.

    Immutable on purpose: a change is a new value assigned to the attribute, which SQLAlchemy
    sees (an in-place change of a JSON value would be silently lost).
    """

    __slots__ = ("_texts",)

    def __init__(self, texts: Mapping[str, str | None] | None = None, /, **more: str | None):
        merged = {**(texts or {}), **more}
        self._texts = {lang: text.strip() for lang, text in merged.items() if text and text.strip()}

    def __getitem__(self, lang: str) -> str:
        return self._texts[lang]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._texts) == dict(other)

    def __hash__(self) -> int:
        return hash(frozenset(self._texts.items()))

    def __repr__(self) -> str:
        return f"Translated({self._texts!r})"

    def resolve(self, lang: str, original: str | None = None) -> Localized | None:
        """The text in `lang`, else in `original`, else in the first language that has one."""
        for candidate in (lang, original, *LANGUAGES, *self._texts):
            if candidate in self._texts:
                return Localized(self._texts[candidate], candidate, requested=lang)
        return None


class Localized(str):
    """A text together with the language it is written in and the language that was asked for."""

    lang: str
    requested: str

    def __new__(cls, text: str, lang: str, requested: str) -> Localized:
        value = super().__new__(cls, text)
        value.lang = lang
        value.requested = requested
        return value

    @property
    def is_fallback(self) -> bool:
        return self.lang != self.requested


class TranslatedText(TypeDecorator):
    """One column holding a `Translated` as a JSON object: `{"en": ..., "fr": ..., "es": ...}`."""

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect):
        # none_as_null: a missing text is SQL NULL (so IS NULL and CHECKs see it), not JSON null.
        if dialect.name == "postgresql":
            return dialect.type_descriptor(JSONB(none_as_null=True))
        return dialect.type_descriptor(JSON(none_as_null=True))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return dict(Translated(value))

    def process_result_value(self, value, dialect):
        return None if value is None else Translated(value)
