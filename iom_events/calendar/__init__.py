"""iCalendar feeds of meetings: built from domain objects (feeds.py), served by views.py."""
