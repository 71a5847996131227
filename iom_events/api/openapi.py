"""/api/v1/openapi.json: the API described in OpenAPI 3.1 by flask-smorest, from the views'
decorators and the marshmallow schemas that also parse the parameters and dump the answers
(iom_events.api.schemas): one description, which tests/test_api_contract.py (schemathesis)
holds the answers to.

Why flask-smorest: marshmallow-code's own Flask integration (apispec and webargs underneath),
widely used and maintained. Its error handlers and ETags are not used: the API answers RFC
9457 problem details and is validated by the cache's fingerprints (iom_events/caching.py).
"""

from __future__ import annotations

from copy import deepcopy

from flask import Flask, current_app
from flask_smorest import Api

from iom_events.api import schemas

PREFIX = "/api/v1"


class _Api(Api):
    """flask-smorest without its app-wide JSON error handler (the HTML site has its own pages,
    the API blueprint its problem details), nor a "default" error answer in the description (its
    answers are documented one by one)."""

    DEFAULT_ERROR_RESPONSE_NAME = None

    def _register_error_handlers(self) -> None:
        pass


def init_app(app: Flask) -> None:
    """Register the API's blueprint and describe it (one description per app)."""
    from iom_events.api.views import bp

    app.config.update(
        API_TITLE="IOM meetings API",
        API_VERSION="1",
        OPENAPI_VERSION="3.1.0",
    )
    api = _Api(
        app,
        spec_kwargs={
            "info": {
                "description": "Read-only, public data: IOM meetings and offices, in English, "
                "French and Spanish. Errors are RFC 9457 problem details."
            }
        },
    )
    api.spec.components.schema("TranslatedText", schema=schemas.TranslatedTextSchema)
    api.spec.components.schema("LanguageMap", component=schemas.LANGUAGE_MAP)
    api.spec.components.schema("Problem", schema=schemas.ProblemSchema)
    api.spec.components.schema("MeetingItem", schema=schemas.MeetingItemSchema)
    api.spec.components.schema("MeetingList", schema=schemas.MeetingListSchema)
    api.spec.components.schema("Meeting", schema=schemas.MeetingSchema)
    api.spec.components.schema("Office", schema=schemas.OfficeSchema)
    api.spec.components.schema("OfficeList", schema=schemas.OfficeListSchema)
    api.register_blueprint(bp)


def document() -> dict:
    """The OpenAPI document, paths relative to its one server (/api/v1). Only the operations
    (each has an operationId): the document itself and its reference page are not."""
    api = current_app.extensions["flask-smorest"]["apis"][""]["ext_obj"]
    spec = deepcopy(api.spec.to_dict())
    spec["servers"] = [{"url": PREFIX}]
    spec["paths"] = {
        path.removeprefix(PREFIX): item
        for path, item in spec["paths"].items()
        if any(
            "operationId" in operation for operation in item.values() if isinstance(operation, dict)
        )
    }
    return spec
