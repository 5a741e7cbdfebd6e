"""Bench newsrooms: tens of thousands of realistic articles, written in bulk (`nashra bench-db`)."""
