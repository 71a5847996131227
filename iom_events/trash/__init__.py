"""Removed records: listed for administrators, restored with everything that hung from them."""
