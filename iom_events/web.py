"""What every page shares: the root redirect, template helpers, security headers."""

import re
from urllib.parse import urlsplit

import jinja2
from flask import Flask, Response, abort, g, has_request_context, redirect, request, url_for
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from iom_events import caching, formatting, languages, text, typography
from iom_events.labels import label, search_field
from iom_events.settings import LANGUAGES

# Everything is served by the app itself: no CDN, no inline script.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class SessionInterface(SecureCookieSessionInterface):
    """The session cookie is `Secure` whenever the page was served over HTTPS."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)

    def open_session(self, app: Flask, request):
        """Without a session cookie (nearly every visitor), an empty session, without building
        the signing serializer each request would otherwise pay for."""
        if self.get_cookie_name(app) not in request.cookies:
            return self.session_class()
        return super().open_session(app, request)


DIGITS = re.compile(r"[0-9]{1,10}")
"""A number as an address writes it: ASCII digits only (`"²".isdigit()` is true, `int("²")`
fails), and never longer than MAX_ID."""

MAX_ID = 2**31 - 1
"""The largest id or page number an address may carry: beyond, nothing exists (and SQLite
would overflow its integers), so the address is not found."""


class BoundedIntegerConverter(IntegerConverter):
    """`<int:...>` in every route, bounded: `/documents/99999999999999999999/en` is a 404."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def page_number() -> int:
    """The `page` of a paginated list: 1 when absent; a page that cannot exist is a 404."""
    page = request.args.get("page", "1")
    if not DIGITS.fullmatch(page) or not 0 < int(page) <= MAX_ID:
        abort(404)
    return int(page)


class TypesetTemplate(jinja2.Template):
    """A page template whose output is set as its languages are printed: French typography
    and Spanish nested quotation marks (`typography.typeset_html`) on the whole page, once,
    after rendering, so that every text (the catalog's, the content staff typed, names, dates)
    gets it and no string needs it by hand. Macros and includes are part of the page they
    render in."""

    def render(self, *args, **kwargs) -> str:
        page = super().render(*args, **kwargs)
        if has_request_context() and self.name and self.name.endswith(".html"):
            return typography.typeset_html(page, languages.current_lang())
        return page


def init_app(app: Flask) -> None:
    app.jinja_env.template_class = TypesetTemplate
    app.session_interface = SessionInterface()
    if app.config["PROXY_COUNT"]:
        # Behind N reverse proxies: trust their X-Forwarded-For/-Proto (client address, https).
        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)
    app.add_url_rule("/", "root", root)
    app.add_url_rule("/health", "health", health)
    for rule in ("/sign-in", "/manage", "/manage/", "/manage/<path:rest>"):
        app.add_url_rule(rule, "to_staff_page", to_staff_page)
    if app.config["QUERY_COUNT_HEADER"]:
        event.listen(Engine, "before_cursor_execute", _count_query)
        app.after_request(_query_count_header)
    app.after_request(security_headers)
    app.jinja_env.filters.update(
        tr=formatting.translate,
        date_range=formatting.date_range,
        long_day=formatting.long_day,
        country_name=formatting.country_name,
        language_name=formatting.language_name,
        languages_by_name=formatting.languages_by_name,
        parenthetical=formatting.parenthetical,
        language_name_in_itself=formatting.autonym,
        label=label,
        search_field=search_field,
        place=formatting.place,
        time=formatting.time_of_day,
        time_zone=formatting.time_zone,
        moment=formatting.moment,
        number=formatting.number,
        file_size=formatting.file_size,
        webcal=webcal,
        markdown=text.markdown_html,
        record_name=formatting.record_name,
    )
    app.jinja_env.globals.update(
        LANGUAGES=LANGUAGES,
        current_lang=languages.current_lang,
        alternate_urls=languages.alternate_urls,
        canonical_query=caching.canonical_query,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


def local_path(target: str | None) -> str | None:
    """`target` when a browser would read it as a path on this site, else None: what a
    redirect may send back to (a `next=` or "Undo" parameter). Checked on the value sent.

    Browsers drop tabs and line breaks from a URL and read "\\" as "/", so "/<TAB>/evil.example"
    or "/\\evil.example" lead to another host; a control character also makes the header
    invalid. So: one leading "/" not followed by "/", no backslash, no control character or
    whitespace, and no scheme or host once parsed (OWASP ASVS 5.1.5)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    if any(character.isspace() or not character.isprintable() for character in target):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


def open_to_any_origin(response: Response) -> Response:
    """CORS for public, read-only answers (the API, the feeds): any site may read them from a
    browser, with their ETag, and revalidate with If-None-Match (a header that needs the
    preflight to allow it)."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "ETag"
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD"
        response.headers["Access-Control-Allow-Headers"] = "If-None-Match, Accept-Language"
        response.headers["Access-Control-Max-Age"] = "86400"
    return response


def webcal(url: str) -> str:
    """The subscription form of a feed's address: calendar apps open webcal:// links."""
    return "webcal://" + url.split("://", 1)[-1]


def health():
    """For load balancers (and the benchmark's floor): no database, no template."""
    return Response("ok\n", mimetype="text/plain")


def _count_query(*args) -> None:
    if has_request_context():
        g.query_count = g.get("query_count", 0) + 1


def _query_count_header(response):
    """X-Query-Count: the SQL statements this request ran (QUERY_COUNT_HEADER=1, benchmarks)."""
    response.headers["X-Query-Count"] = str(g.get("query_count", 0))
    return response


def root():
    """`/` sends the reader to the home page in the language their browser prefers."""
    lang = languages.preferred_language()
    response = redirect(url_for("events.home", lang=lang))
    response.vary.add("Accept-Language")
    return response


def to_staff_page(rest: str = ""):
    """`/manage/...` and `/sign-in`, typed without a language: the same page in the language the
    browser prefers (302, as `/`), query string kept. Only these paths: any other unprefixed
    address stays a 404."""
    target = f"/{languages.preferred_language()}{request.path}"
    if request.args:  # re-encoded: what reaches the Location header is always a valid URL
        target += "?" + languages.query_string(request.args)
    response = redirect(target, 302)
    response.vary.add("Accept-Language")
    return response


def security_headers(response):
    """CSP, no sniffing, a short referrer; over HTTPS, HSTS for a year (RFC 6797): a browser
    that once reached the site over HTTPS never again tries it in clear text."""
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    return response
