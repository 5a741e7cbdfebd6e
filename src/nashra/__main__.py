import sys

from nashra.cli import main

sys.exit(main())
