"""Markdown written by staff: as safe HTML for pages, as plain text for calendar clients.

The Markdown parser is built once per thread (building it costs more than converting a short
text), and conversions are memoized: the same description appears in many feeds and pages.
"""

from __future__ import annotations

import functools
import html
import threading

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
    """The words of a Markdown text, without markup."""
    if not text:
        return ""
    return html.unescape(nh3.clean(_parser().convert(text), tags=set())).strip()
