"""Nashra: a self-hostable bilingual news platform."""

__version__ = "0.1.0"
