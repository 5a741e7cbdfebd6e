"""Text helpers for search: Arabic normalisation, query terms and highlighted snippets."""
