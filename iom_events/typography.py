"""French typography where text is shown, applied once at render time (issue 17).

French sets a space before the high punctuation marks and inside guillemets, a space that
never breaks the line (Lexique des règles typographiques en usage à l'Imprimerie nationale;
the Office québécois de la langue française says the same):

- a no-break space (U+00A0) before ":";
- a narrow no-break space (U+202F) before ";", "!" and "?", after "«" and before "»";
- a narrow no-break space between groups of three digits ("2 000 participants"), as CLDR's
  French number format writes them;
- quotation marks inside guillemets are English ones, without spaces: « Mettre « Présentation
  “MIDWA” » à la corbeille ? » is how a quoted title that quotes is printed, never « … « … » … ».

Staff type texts as they come ("Questions : réponses", "Pourquoi?", "« Migration »"); what
is stored stays exactly as typed, and the pages and feeds show it set correctly. Only text in
French is touched: a text in English or Spanish on a French page (marked with `lang`) is left
alone, and French text quoted on an English page (marked `lang="fr"`) is set.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"

_SPACES = "[ \u00a0\u202f\u2009]"

_RULES = [
    # Any space (or none, after a word) before ":" that ends a label: a no-break space.
    # "10:30", "https://" and "UTC+7:00" are left alone: the colon there is followed by no space.
    (re.compile(_SPACES + r"+:"), NBSP + ":"),
    (re.compile(r"(?<=[^\W\d_]|[)\]»”’])(?=:(?:\s|$))"), NBSP),
    # Before ";", "!", "?": a narrow no-break space. A ";" that ends a character reference
    # ("&amp;", in the HTML this also sets) is kept as it is.
    (re.compile(_SPACES + r"+([;!?])"), NNBSP + r"\1"),
    (re.compile(r"(&#?\w+;)|(?<=[^\W_]|[)\]»”’]);(?=\s|$)"), lambda m: m[1] or NNBSP + ";"),
    (re.compile(r"(?<=[^\W_]|[)\]»”’])([!?]+)(?=[\s\"”»]|$)"), NNBSP + r"\1"),
    # Inside guillemets.
    (re.compile("«" + _SPACES + "*"), "«" + NNBSP),
    (re.compile(_SPACES + "*»"), NNBSP + "»"),
    # Digit groups: "2 000", "1 250 000" (a plain or no-break space between groups of three);
    # not the groups of a phone number ("+41 22 717 91 11"), which follow another group.
    (
        re.compile(
            r"(?<![\d+][ \u00a0\u202f])(?<![+\d])\d{1,3}(?:[ \u00a0]\d{3})+(?!\d|[ \u00a0]\d)"
        ),
        lambda m: re.sub("[ \u00a0]", NNBSP, m[0]),
    ),
]

_TOUCHED = re.compile(r"[:;!?«»]|\d[ \u00a0]\d")


def french(text: str) -> str:
    """`text` set as French is printed: spaces before ": ; ! ?", inside « », in digit groups.

    Plain text in, plain text out (a feed's SUMMARY, a heading). Idempotent: setting text
    twice gives what setting it once gives.
    """
    if not _TOUCHED.search(text):
        return text
    if text.count("«") > 1:
        text = _nested_quotes(text)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def _nested_quotes(text: str) -> str:
    """Guillemets inside guillemets become “ ” (Lexique de l'Imprimerie nationale), spaces
    inside them removed: a title quoting a name, quoted in its turn by a sentence."""
    out: list[str] = []
    depth = 0
    for character in text:
        if character == "«":
            out.append("«" if depth == 0 else "“")
            depth += 1
        elif character == "»" and depth:
            depth -= 1
            out.append("»" if depth == 0 else "”")
        else:
            out.append(character)
    return _INNER_SPACES.sub(lambda m: m[1] or m[2], "".join(out))


_INNER_SPACES = re.compile(_SPACES + "+(”)|(“)" + _SPACES + "+")

_SKIPPED = frozenset({"textarea", "script", "style", "pre", "code", "kbd", "samp"})
"""Elements whose text is not set: what a form sends back (a textarea's text is its value),
code, and what is not text at all."""

_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<![^>]*>")
_LANG = re.compile(r"""\slang=["']?([a-zA-Z-]+)""")
_SHOWN_ATTRIBUTES = re.compile(r'(\s(?:title|alt|aria-label|placeholder)=")([^"]*)(")')


_MARKED_ELEMENT = {
    code: re.compile(rf"""<[a-zA-Z][a-zA-Z0-9-]*\s[^>]*?(?<=\s)lang=["']?{code}""", re.IGNORECASE)
    for code in ("fr", "es")
}
"""The opening tag of an element marked French (Spanish), on a page that is not."""


def french_html(html: str, lang: str) -> str:
    """An HTML page in `lang` with every French text set (`french`): text between tags and the
    attributes a reader sees (title, alt, aria-label, placeholder), where the element's language
    (`lang` attribute, inherited; `lang` for the page) is French.

    Never touched: form values (an input's `value`, a textarea's text), so that saving a form
    stores exactly what was typed; scripts, styles and code. Expects the well-formed markup the
    templates write (attribute values escaped, so no ">" inside a tag).

    A page in another language is only read where an element is marked French (a French text
    on an English page, the language switcher): the rest is copied as it is, not walked tag by
    tag (20 ms on the 390 kB page of a 400-item meeting, for one word set).
    """
    return _typeset_html(html, lang, "fr")


def typeset_html(html: str, lang: str) -> str:
    """An HTML page in `lang` with its French texts set (`french_html`) and the quotation marks
    of its Spanish texts nested as Spanish prints them (`spanish`): every page, once."""
    return _typeset_html(_typeset_html(html, lang, "fr"), lang, "es")


def spanish(text: str) -> str:
    """`text` with quotation marks inside Spanish guillemets set as English ones, the RAE's
    order (« “ ” »): «Proceso de Puebla “Conferencia Regional”», never « … « … » … »."""
    return _nested_quotes(text) if text.count("«") > 1 else text


_SETTERS = {"fr": french, "es": spanish}


def typeset(text: str, lang: str) -> str:
    """Plain `text` in language `lang` as it is printed (`french`, `spanish`; other languages
    as they are): a feed's SUMMARY, an API's text."""
    setter = _SETTERS.get(lang[:2])
    return setter(text) if setter else text


def _typeset_html(html: str, lang: str, code: str) -> str:
    """`html` with the texts in language `code` set by its setter (`_SETTERS`)."""
    if lang.startswith(code):
        out: list[str] = []
        _set(html, 0, True, out, until_closed=False, code=code)
        return "".join(out)
    out = []
    position = 0
    while (found := _MARKED_ELEMENT[code].search(html, position)) is not None:
        out.append(html[position : found.start()])
        position = _set(html, found.start(), False, out, until_closed=True, code=code)
    if not out:
        return html
    out.append(html[position:])
    return "".join(out)


def _set(
    html: str, position: int, page_is: bool, out: list[str], until_closed: bool, code: str
) -> int:
    """Walks the tags of `html` from `position`, appending to `out` the text set where it is in
    language `code` (the page is, when `page_is`); to the end, or (`until_closed`) to the end of
    the element opening at `position`. Returns where it stopped."""
    setter = _SETTERS[code]
    stack: list[tuple[str, bool]] = []  # (element, whether its text is set)
    setting = page_is
    for tag in _TAG.finditer(html, position):
        text = html[position : tag.start()]
        out.append(setter(text) if setting and text else text)
        position = tag.end()
        closing, name, attributes = tag.group(1), (tag.group(2) or "").lower(), tag.group(3)
        if not name:  # comment or doctype
            out.append(tag.group(0))
            continue
        if closing:
            while stack:
                top, _ = stack.pop()
                if top == name:
                    break
            setting = stack[-1][1] if stack else page_is
            out.append(tag.group(0))
            if until_closed and not stack:
                return position
            continue
        # Most tags have neither a `lang` nor an attribute a reader sees: no regex for them.
        found = _LANG.search(attributes) if "lang=" in attributes else None
        own = setting if found is None else found.group(1).lower().startswith(code)
        if own and '="' in attributes and _SHOWN_ATTRIBUTES.search(attributes):
            attributes = _SHOWN_ATTRIBUTES.sub(lambda m: m[1] + setter(m[2]) + m[3], attributes)
            out.append(f"<{tag.group(2)}{attributes}>")
        else:
            out.append(tag.group(0))
        if name in _VOID or attributes.endswith("/"):
            if until_closed and not stack:
                return position
            continue
        if name in _SKIPPED:
            own = False
        stack.append((name, own))
        setting = own
    text = html[position:]
    out.append(setter(text) if setting and text else text)
    return len(html)
