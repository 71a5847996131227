"""The parties taking part in a meeting and the people who attend it."""
