"""The base of every form of the site: what is cleaned from any input before a field reads it.

One rule for every form, staff or public, posted or read from a query string:
- control characters (C0 and DEL) are removed from every text sent, except tab and line breaks;
  a vertical tab or form feed (what word processors put in a pasted soft line break) becomes a
  line break. PostgreSQL refuses a NUL in a text, and no one means to type the others: cleaned
  rather than refused, so that a paste keeps the rest of what was typed;
- a single-line field (a title, a name, an e-mail address: every `StringField` but a text area
  or a password) gets its line breaks and tabs folded into one space: a line break in a title
  would end up in the calendar feeds' one-line properties and in page headings.

Addresses (paths and query strings of links) are checked in `iom_events.addresses`.
"""

from __future__ import annotations

import re

from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import PasswordField, StringField, TextAreaField

_CONTROL = {code: None for code in [*range(0x20), 0x7F] if chr(code) not in "\t\n\r"}
_CONTROL.update({0x0B: "\n", 0x0C: "\n"})

LINE_BREAKS = re.compile(r" *[\t\r\n\x85\u2028\u2029]+ *")
"""Whatever breaks a line in some reader (NEL and the Unicode separators too), and tabs, with
the spaces around them."""


def without_control_characters(text: str) -> str:
    """`text` without C0 controls and DEL; tab, CR and LF kept; VT and FF read as LF."""
    return text.translate(_CONTROL)


def one_line(text):
    """`text` on one line: breaks and tabs inside become one space, at the ends nothing.
    Anything but a text (a field's data read from a record: a number, None) is left alone."""
    if not text or not isinstance(text, str):
        return text
    return LINE_BREAKS.sub(" ", text.strip("\t\r\n\x85\u2028\u2029"))


def is_single_line(field_class: type) -> bool:
    return issubclass(field_class, StringField) and not issubclass(
        field_class, TextAreaField | PasswordField
    )


class Form(FlaskForm):
    """A Flask-WTF form (CSRF, files) whose input is cleaned as the module says."""

    class Meta:
        def wrap_formdata(self, form, formdata):
            data = super().wrap_formdata(form, formdata)
            if data is None:
                return None
            cleaned = MultiDict()
            for name, value in data.items(multi=True):
                if isinstance(value, str):
                    name, value = (
                        without_control_characters(name),
                        without_control_characters(value),
                    )
                cleaned.add(name, value)
            return cleaned

        def bind_field(self, form, unbound_field, options):
            field = super().bind_field(form, unbound_field, options)
            if is_single_line(type(field)):
                field.filters = (*field.filters, one_line)
            return field
