"""The meetings list's filters, read from the query string."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField
from wtforms.validators import NumberRange, Optional

from iom_events.events.models import EventKind


class EventFilterForm(FlaskForm):
    """GET form: no CSRF token (it changes nothing), choices filled by the view."""

    class Meta:
        csrf = False

    year = IntegerField(
        _l("Year"),
        validators=[Optional(), NumberRange(min=1951, max=2100, message=_l("Enter a year."))],
    )
    office = SelectField(_l("Office"), default="")
    kind = SelectField(_l("Kind of meeting"), default="")
    country = SelectField(_l("Country"), default="")

    def kind_choice(self) -> EventKind | None:
        return EventKind(self.kind.data) if self.kind.data else None
