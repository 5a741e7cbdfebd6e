#!/usr/bin/env python
"""Django's management commands for Nashra (`nashra manage ...` does the same)."""

import sys

from nashra.cli import main

if __name__ == "__main__":
    sys.exit(main(["manage", *sys.argv[1:]]))
