"""Bench newsrooms: tens of thousands of realistic articles, written in bulk (make_db.py)."""
