"""Markdown written by staff: as safe HTML for pages, as plain text for calendar clients.

Plain text keeps what a reader needs from the markup: a link's target ("text (URL)"), list items
("• ...", "1. ..."), paragraph and line breaks. Calendar clients show DESCRIPTION as it is.

The Markdown parser is built once per thread (building it costs more than converting a short
text), and conversions are memoized: the same description appears in many feeds and pages.
"""

from __future__ import annotations

import functools
import re
import threading
from html.parser import HTMLParser

import markdown
import nh3
from markupsafe import Markup

_local = threading.local()


def _parser() -> markdown.Markdown:
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    return parser.reset()


@functools.lru_cache(maxsize=4096)
def _clean_html(text: str) -> str:
    return nh3.clean(_parser().convert(text), link_rel="noopener noreferrer nofollow")


def markdown_html(text: str) -> Markup:
    """HTML with nothing but harmless tags and links."""
    return Markup(_clean_html(text))


@functools.lru_cache(maxsize=4096)
def plain_text(text: str | None) -> str:
    """A Markdown text as plain text: "[the site](https://x.org)" gives "the site
    (https://x.org)", list items start with "• " (or their number), paragraphs are separated by
    a blank line. Nothing else of the markup is left."""
    if not text:
        return ""
    reader = _PlainText()
    reader.feed(_clean_html(text))
    reader.close()
    return reader.text()


_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "hr", "table"}


class _PlainText(HTMLParser):
    """Walks cleaned HTML (only harmless tags are left) and writes the text a reader needs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.line: list[str] = []
        self.prefix = ""  # the bullet or number of the list item being written
        self.separator = ""  # what goes before the next line: "\n" or "\n\n"
        self.lists: list[list[int]] = []  # per open list: [next number] (ol), [] (ul)
        self.links: list[tuple[str, int]] = []  # href, where its text starts in self.line

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("ul", "ol"):
            self._break("\n" if self.lists else "\n\n")
            self.lists.append([1] if tag == "ol" else [])
        elif tag == "li":
            self._break("\n")
            numbering = self.lists[-1] if self.lists else []
            indent = "  " * max(len(self.lists) - 1, 0)
            self.prefix = f"{indent}{numbering[0]}. " if numbering else f"{indent}• "
            if numbering:
                numbering[0] += 1
        elif tag in _BLOCKS:
            self._break("\n\n")
        elif tag == "br":
            self._break("\n")
        elif tag == "img":  # an image says what it shows, if anything
            self.line.append(dict(attrs).get("alt") or "")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.line)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links:
            href, start = self.links.pop()
            label = "".join(self.line[start:]).strip()
            if href and href not in (label, f"mailto:{label}"):
                self.line.append(f" ({href})")
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self._break("\n" if self.lists else "\n\n")
        elif tag == "li":
            self._break("\n")
        elif tag in _BLOCKS:
            self._break("\n\n")

    def handle_data(self, data: str) -> None:
        self.line.append(re.sub(r"\s+", " ", data))

    def _break(self, separator: str) -> None:
        """End the line being written; the next one comes after at least `separator`."""
        text = "".join(self.line).strip()
        self.line = []
        if text:
            if self.out:
                self.out.append(self.separator or "\n")
            self.out.append(self.prefix + text)
            self.prefix = ""
            self.separator = ""
        if len(separator) > len(self.separator):
            self.separator = separator

    def text(self) -> str:
        self._break("")
        return "".join(self.out)
