"""Duban (督办): start the window, or run a command-line command (see --help)."""

import sys

from cli import main

if __name__ == "__main__":
    sys.exit(main())
