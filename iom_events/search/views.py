"""The search page: /<lang>/search?q=...&year=&office=&kind=&country=&page="""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from sqlalchemy import func, select

from iom_events import former_slugs
from iom_events.events.forms import EventFilterForm
from iom_events.events.views import fill_choices
from iom_events.extensions import db
from iom_events.languages import LANG, current_lang
from iom_events.search import queries
from iom_events.web import page_number

bp = Blueprint("search", __name__, url_prefix=LANG)


@bp.get("/search")
def index():
    query = queries.clean(request.args.get("q", ""))
    form = EventFilterForm(request.args)
    form.accept_any_known_shape()
    valid = form.validate()
    # Filtered by a renamed office's former address: the same search at the new one.
    moved = former_slugs.redirect_office_filter(form.filters().office) if valid else None
    if moved is not None:
        return moved
    statement = queries.search(query, form.filters()) if valid else None
    hits, total, pages = [], 0, 0
    page = page_number()
    per_page = current_app.config["EVENTS_PER_PAGE"]
    if statement is not None:
        total = db.session.scalar(
            select(func.count()).select_from(statement.order_by(None).subquery())
        )
        pages = (total + per_page - 1) // per_page
        if page > max(pages, 1):
            abort(404)
        rows = db.session.execute(statement.limit(per_page).offset((page - 1) * per_page)).all()
        hits = [
            (event, queries.excerpt(parts, query, current_lang(), event.original_language))
            for event, parts in rows
        ]
    fill_choices(form)
    body = render_template(
        "search/results.html",
        form=form,
        query=query,
        hits=hits,
        total=total,
        page=page,
        pages=pages,
        # The links to other pages carry the validated search, nothing else of the query.
        page_query={**(form.filters().query() if valid else {}), "q": query},
    )
    return body, 200 if valid else 400
