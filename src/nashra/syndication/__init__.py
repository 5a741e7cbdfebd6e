"""Reach beyond the site: RSS/Atom feeds, sitemaps (with Google News) and robots.txt."""
