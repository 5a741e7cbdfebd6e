"""Syndication: RSS/Atom feeds, sitemaps (with Google News), robots.txt and structured data."""
