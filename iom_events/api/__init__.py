"""The read-only JSON API under /api/v1/: public data only, as plain dicts (see schemas.py)."""
