"""The command line: ``python main.py COMMAND …`` (no command opens the window).

Exit codes: 0 done; 2 bad input (a message names the file or value and the reason,
and nothing was written); 3 the file is open for editing in another Duban (named) or kept
busy by another program (nothing was written); 4 the computer refused: the disk is full, the
file or its folder is read-only, this user has no permission, or the disk failed (the
message names the file and what to do; nothing was written); 1 anything else.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence

from cli.logs import log, start_logging
from cli.messages import error_message
from cli.output import fail
from db.errors import (
    DatabaseBusy,
    DiskError,
    DiskFull,
    InvalidValue,
    NoAccess,
    NotFound,
    ReadOnlyLocation,
    StoreError,
    store_error_for,
)
from db.locations import default_db_path
from db.writer_lock import DatabaseLocked
from domain.errors import PlanInputError
from domain.version import version
from exports.request import ExportError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_BAD_INPUT = 2
EXIT_LOCKED = 3  # another Duban is editing the file (or a program keeps it busy); nothing written
EXIT_CANNOT_WRITE = 4  # disk full, read-only, no permission, a failing disk; nothing written
# The exit code of each error a command may end with (the first class that matches).
EXIT_CODES: tuple[tuple[type[BaseException], int], ...] = (
    (DatabaseLocked, EXIT_LOCKED),
    (DatabaseBusy, EXIT_LOCKED),
    (ReadOnlyLocation, EXIT_CANNOT_WRITE),
    (DiskFull, EXIT_CANNOT_WRITE),
    (NoAccess, EXIT_CANNOT_WRITE),
    (DiskError, EXIT_CANNOT_WRITE),
    (PlanInputError, EXIT_BAD_INPUT),
    (StoreError, EXIT_BAD_INPUT),
    (NotFound, EXIT_BAD_INPUT),
    (InvalidValue, EXIT_BAD_INPUT),
    (ExportError, EXIT_BAD_INPUT),
)


def exit_code_for(exc: BaseException) -> int | None:
    return next((code for kind, code in EXIT_CODES if isinstance(exc, kind)), None)


def _parsers() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """(the options every command shares, the top-level parser without commands)."""
    # --db is accepted before or after the command ("everywhere"): each subparser
    # shares it, with SUPPRESS so the one given wins.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="database file (default: duban.sqlite3 in the user's data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Duban (督办): work plans → assigned tasks → progress → Word reports. "
        "Without a command, opens the window.",
        parents=[common],
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start from a fresh demo database with the sample plan and departments",
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of the window")
    parser.add_argument(
        "--version", action="version", version=f"Duban {version()}", help="print the version"
    )
    return common, parser


def build_parser() -> argparse.ArgumentParser:
    from cli import (
        backup_commands,
        confirmation_commands,
        directory_commands,
        export_commands,
        plan_commands,
        progress_commands,
        settings_commands,
        supervision_commands,
        task_commands,
    )

    common, parser = _parsers()
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    plan_commands.register(commands, common)
    directory_commands.register(commands, common)
    task_commands.register(commands, common)
    supervision_commands.register(commands, common)
    export_commands.register(commands, common)
    progress_commands.register(commands, common)
    progress_commands.register_carry_over(commands, common)
    progress_commands.register_readback(commands, common)
    confirmation_commands.register(commands, common)
    backup_commands.register(commands, common)
    settings_commands.register(commands, common)
    return parser


def _window_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The options when ``argv`` names no command (the window is to open), else None.

    Opening the window then skips building the commands' parsers and loading their
    modules: start-up time matters to the clerk, the command line's help does not."""
    if any(a in ("-h", "--help", "--version") for a in argv):
        return None
    _common, parser = _parsers()
    try:
        args, rest = parser.parse_known_args(argv)
    except SystemExit:
        return None  # let the full parser say what is wrong
    if rest:
        return None
    args.command = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _window_arguments(argv) or build_parser().parse_args(argv)
    if getattr(args, "db", None) is None:
        args.db = None
    log_file = start_logging(argv)
    try:
        if args.demo:
            from cli.demo import prepare_demo

            args.db = prepare_demo(args.db)
        if args.command is None:
            from qtapp.app import run_app

            if os.environ.get("DUBAN_STARTUP_PROBE"):  # the benchmark times the real start
                from qtapp.startup_probe import report_when_ready

                report_when_ready()

            # No --db: the window reopens the file the clerk worked in last.
            return run_app(args.db, lang=args.lang, log_file=log_file)
        if args.db is None:
            args.db = default_db_path()  # its folder is made when the store opens it
        return int(args.run(args) or 0)
    except (PlanInputError, StoreError, NotFound, InvalidValue, ExportError) as exc:
        return _refuse(exc, exit_code_for(exc) or EXIT_BAD_INPUT)
    except BrokenPipeError:
        # The reader went away (``… | head``); nothing to report.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python from failing at exit
        return EXIT_OK
    except KeyboardInterrupt:
        return fail("interrupted; nothing more was written", EXIT_ERROR)
    except (sqlite3.Error, OSError) as exc:  # what the disk, the folder or SQLite refused
        refused = store_error_for(exc, args.db or "")
        if refused is not None:
            return _refuse(refused, exit_code_for(refused) or EXIT_ERROR)
        log().exception("unexpected error")
        if os.environ.get("DUBAN_DEBUG"):
            raise
        where = f" (details in {log_file})" if log_file else ""
        return fail(f"unexpected error: {type(exc).__name__}: {exc}{where}", EXIT_ERROR)
    except Exception as exc:  # the last line of defence: a message, never a bare traceback
        log().exception("unexpected error")
        if os.environ.get("DUBAN_DEBUG"):
            raise
        where = f" (details in {log_file})" if log_file else ""
        return fail(f"unexpected error: {type(exc).__name__}: {exc}{where}", EXIT_ERROR)


def _refuse(exc: Exception, code: int) -> int:
    """A refusal the clerk can act on: logged, and said in the clerk's language."""
    log().warning("refused (exit %d): %s", code, exc)
    return fail(error_message(exc), code, prefix="")


def _utf8_output() -> None:
    # A Windows console or pipe may use a legacy code page; never crash on a character.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):
                pass
