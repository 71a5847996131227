"""Meeting documents and their language versions."""
