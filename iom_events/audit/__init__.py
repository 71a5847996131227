"""The history of every change made by staff."""
