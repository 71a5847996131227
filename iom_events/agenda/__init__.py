"""The programme of a meeting, day by day."""
