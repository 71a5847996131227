"""What every page shares: the root redirect, template helpers, security headers."""

from flask import Flask, redirect, url_for

from iom_events import i18n
from iom_events.labels import label
from iom_events.settings import LANGUAGES

# Everything is served by the app itself: no CDN, no inline script.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def init_app(app: Flask) -> None:
    app.add_url_rule("/", "root", root)
    app.after_request(security_headers)
    app.jinja_env.filters.update(
        tr=i18n.translate,
        date_range=i18n.date_range,
        long_day=i18n.long_day,
        country_name=i18n.country_name,
        language_name=i18n.language_name,
        language_name_in_itself=i18n.autonym,
        label=label,
        place=i18n.place,
        time=i18n.time_of_day,
        number=i18n.number,
    )
    app.jinja_env.globals.update(
        LANGUAGES=LANGUAGES,
        current_lang=i18n.current_lang,
        alternate_urls=i18n.alternate_urls,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def root():
    """`/` sends the reader to the home page in the language their browser prefers."""
    lang = i18n.preferred_language()
    response = redirect(url_for("events.home", lang=lang))
    response.vary.add("Accept-Language")
    return response


def security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    return response
