"""Searching meetings: full text in the database, highlighting in Python."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from markupsafe import Markup, escape
from sqlalchemy import Float, Integer, Select, Text, column, select, text

from iom_events.events.models import Event, EventStatus
from iom_events.events.queries import EventFilters, filtered_events
from iom_events.extensions import db
from iom_events.search.text import WORD, fold, terms

FIELD_ORDER = (
    "title",
    "summary",
    "description",
    "agenda",
    "speaker",
    "delegation",
    "document",
    "venue",
    "city",
    "office",
)
CONTEXT_WORDS = 14

PG_QUERY = (
    "(plainto_tsquery('simple', :q) || plainto_tsquery('english', :q)"
    " || plainto_tsquery('french', :q) || plainto_tsquery('spanish', :q))"
)


def _matches(dialect: str, words: list[str]):
    """(event_id, rank, parts) of the matching index rows; a lower rank is a better hit."""
    if dialect == "postgresql":
        statement = text(
            f"SELECT event_id, -ts_rank(document, {PG_QUERY}) AS rank, parts "
            f"FROM search_index WHERE document @@ {PG_QUERY}"
        ).bindparams(q=" ".join(words))
    else:
        # Each word quoted: whatever was typed, FTS5 sees plain words (no operators, no syntax).
        match = " ".join(f'"{word}"' for word in words)
        statement = text(
            "SELECT rowid AS event_id, bm25(search_index, 10.0, 1.0) AS rank, parts "
            "FROM search_index WHERE search_index MATCH :match"
        ).bindparams(match=match)
    return statement.columns(
        column("event_id", Integer), column("rank", Float), column("parts", Text)
    ).subquery("matches")


def matching(statement: Select, query: str, *, with_parts: bool = True) -> Select | None:
    """The meetings of `statement` that match the words, best first (title hits weigh most),
    then latest; with each one's searchable parts (for the excerpt) unless told otherwise."""
    words = terms(query)
    if not words:
        return None
    matches = _matches(db.session.get_bind().dialect.name, words)
    statement = statement.order_by(None).join(matches, matches.c.event_id == Event.id)
    if with_parts:
        statement = statement.add_columns(matches.c.parts)
    return statement.order_by(matches.c.rank, Event.starts_on.desc(), Event.id.desc())


def staff_meetings(query: str = "", status: EventStatus | None = None):
    """The staff list: all meetings not in the trash, drafts included, found by the search
    index (any text, any language) best hits first, else all of them latest first; a query
    that is no word at all may be a meeting's address."""
    statement = select(Event).order_by(Event.starts_on.desc(), Event.id.desc())
    if status:
        statement = statement.where(Event.status == status)
    if query.strip():
        found = matching(statement, query, with_parts=False)
        statement = found if found is not None else statement.where(Event.slug == query.strip())
    return statement


def search(query: str, filters: EventFilters) -> Select | None:
    """Public meetings (never drafts nor removed ones) matching the words, with the filters."""
    return matching(filtered_events(filters), query)


@dataclass(frozen=True)
class Excerpt:
    field: str
    lang: str
    text: Markup


def excerpt(parts_json: str, query: str, lang: str, original: str) -> Excerpt | None:
    """The part of a meeting that matched, highlighted, preferably in the reader's language."""
    words = terms(query)
    parts = [tuple(p) for p in json.loads(parts_json)]
    preference = {lang: 0, original: 1, "": 0}
    parts.sort(
        key=lambda p: (
            FIELD_ORDER.index(p[0]) if p[0] in FIELD_ORDER else 99,
            preference.get(p[1], 2),
        )
    )
    for field, part_lang, value in parts:
        highlighted = _highlight(value, words)
        if highlighted is not None:
            return Excerpt(field, part_lang, highlighted)
    return None


def _matches_word(word: str, words: list[str]) -> bool:
    folded = fold(word)
    # Stemming is the database's; here a shared stem of four letters or more is close enough.
    return any(
        folded == w or (len(w) >= 4 and folded.startswith(w[: max(4, len(w) - 2)])) for w in words
    )


def _highlight(value: str, words: list[str]) -> Markup | None:
    tokens = list(WORD.finditer(value))
    hits = [i for i, token in enumerate(tokens) if _matches_word(token.group(), words)]
    if not hits:
        return None
    first = max(0, hits[0] - CONTEXT_WORDS // 2)
    last = min(len(tokens) - 1, first + CONTEXT_WORDS * 2)
    shown = [tokens[i].start() for i in hits if first <= i <= last]
    start, end = _whole_parentheses(value, tokens[first].start(), tokens[last].end(), shown)
    out, cursor = [], start
    for i in hits:
        if first <= i <= last and start <= tokens[i].start() and tokens[i].end() <= end:
            token = tokens[i]
            out.append(escape(value[cursor : token.start()]))
            out.append(Markup("<mark>%s</mark>") % token.group())
            cursor = token.end()
    out.append(escape(value[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(value) else ""
    return Markup(prefix) + Markup("").join(out) + Markup(suffix)


REACH = 60
"""How far an excerpt may grow to take in the rest of a parenthesis it cuts."""


def _whole_parentheses(value: str, start: int, end: int, hits: list[int]) -> tuple[int, int]:
    """The excerpt `value[start:end]` widened (by up to REACH characters each way) so that it
    cuts no parenthesis, else narrowed to leave the cut one out when no highlighted word
    (`hits`, their offsets) is in it: "(IOM …" followed by another "(…)" reads as nested
    parentheses (issue 17)."""
    opened = value.rfind("(", 0, start)
    if opened != -1 and value.find(")", opened, start) == -1:  # starts inside a parenthesis
        closed = value.find(")", start, end)
        if start - opened <= REACH:
            start = opened
        elif closed != -1 and all(hit > closed for hit in hits):
            start = closed + 1
    depth, unclosed = 0, end
    for index in range(start, end):
        if value[index] == "(":
            unclosed = index if depth == 0 else unclosed
            depth += 1
        elif value[index] == ")" and depth:
            depth -= 1
    if depth:  # ends inside a parenthesis
        closed = value.find(")", end, end + REACH)
        if closed != -1:
            end = closed + 1
        elif all(hit < unclosed for hit in hits):
            end = unclosed
    while start < end and value[start] in " ,;:)":
        start += 1
    while end > start and value[end - 1] in " ,;:(":
        end -= 1
    return start, end


def clean(query: str) -> str:
    """The query as shown back to the reader: one line, a sensible length."""
    return re.sub(r"\s+", " ", query[:200]).strip()
