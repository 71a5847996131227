"""Who answers the press for a meeting or an office."""
