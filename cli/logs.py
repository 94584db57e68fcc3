"""The log file: what the program did and every unexpected error, kept in the data folder.

One rotating file (``logs/duban.log`` in the data folder, 1 MB × 4) written by the window
and the command line alike, so that when a clerk reports "it did not work" the file tells
what happened. Logging never stops the program: a folder that cannot be written simply
means no log.
"""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Sequence
from pathlib import Path

from db.locations import ensure_parent, log_path

LOGGER = "duban"
MAX_BYTES = 1_000_000
KEEP = 3

_started: Path | None = None


def start_logging(argv: Sequence[str], path: Path | None = None) -> Path | None:
    """Send the program's log to the log file (once per process); returns its path, or
    None when the file cannot be written."""
    global _started
    if _started is not None:
        return _started
    path = path or log_path()
    try:
        ensure_parent(path)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    # A log that cannot be written (the disk is full, another process rotates it) must
    # not print tracebacks into the clerk's terminal.
    logging.raiseExceptions = False
    handler.setFormatter(
        logging.Formatter("%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s")
    )
    logger = logging.getLogger(LOGGER)
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    logger.info("start: %s", " ".join(argv) or "(window)")
    _started = path
    return path


def log() -> logging.Logger:
    return logging.getLogger(LOGGER)


def current_log_path() -> Path | None:
    """Where this process writes its log (None: nowhere)."""
    return _started
