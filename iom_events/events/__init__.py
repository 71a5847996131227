"""Meetings: the public home page, the meetings list and the meeting page."""
