"""The reference meetings and offices, as data, and the `demo load` command."""
