"""A text missing in the page's language is shown in another one, and the page says so."""

from datetime import date

from iom_events.agenda.models import AgendaItem, AgendaItemKind
from iom_events.extensions import db
from iom_events.translated import Translated

from pages import text_of


def test_meeting_entered_only_in_french_shows_french_on_the_english_page(client, app, make_event):
    event = make_event(
        original_language="fr",
        title=Translated(fr="Atelier régional sur la migration de main-d’œuvre"),
        description=Translated(fr="Un atelier de deux jours."),
    )
    with app.app_context():
        db.session.add(
            AgendaItem(
                event_id=event.id,
                day=date(2030, 1, 10),
                kind=AgendaItemKind.OPENING,
                title=Translated(fr="Séance d’ouverture"),
            )
        )
        db.session.commit()
    html = client.get(f"/en/events/{event.slug}/").get_data(as_text=True)
    page = text_of(html)
    assert '<h1 lang="fr">Atelier régional sur la migration de main-d’œuvre</h1>' in html
    assert "Available in French only." in page
    assert (
        '<span lang="fr">Séance d’ouverture</span> <small class="fallback-marker">(French)</small>'
        in html
    )
    assert "Un atelier de deux jours." in page

    spanish = text_of(client.get(f"/es/events/{event.slug}/").get_data(as_text=True))
    assert "Disponible solo en francés." in spanish

    french = client.get(f"/fr/events/{event.slug}/").get_data(as_text=True)
    assert "<h1>Atelier régional" in french
    assert "Disponible uniquement" not in text_of(french)


def test_the_original_language_wins_over_other_fallbacks():
    text = Translated(es="Reunión", fr="Réunion")
    assert text.resolve("en", original="es") == "Reunión"
    assert text.resolve("en", original="es").lang == "es"
    assert text.resolve("en").lang == "fr"  # no original: the official order, en, fr, es
    assert not text.resolve("fr").is_fallback
    assert Translated(en="  ", fr="x").resolve("en") == "x"  # blank counts as missing
