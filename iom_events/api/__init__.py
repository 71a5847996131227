"""The read-only JSON API under /api/v1/: public data only, described once (schemas.py,
openapi.py)."""
