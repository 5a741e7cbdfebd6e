"""Reusable test helpers (importable as ``tests.support``; pyproject puts "." on pythonpath)."""
