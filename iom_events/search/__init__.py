"""Site search: one full-text entry per meeting, in any language, kept in step with every edit."""
