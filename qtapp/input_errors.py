"""Bad-input messages in the window's language.

``domain``, ``exports`` and ``db`` stay free of Qt, so their errors carry an English
sentence with the particulars (sizes, names, line numbers) and a stable ``code``. The
window shows the file, the place and the translated sentence for the code; the English
original, with its particulars, goes in the tooltip. A code without a sentence here falls
back to the original (``tests/test_i18n.py`` checks every code in the code base has one).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db.writer_lock import Holder
from domain.errors import PlanInputError

CONTEXT = "InputErrors"
MESSAGES = {
    "missing": QT_TRANSLATE_NOOP(
        "InputErrors", "The file does not exist, or it is a folder. Choose the file again."
    ),
    "io": QT_TRANSLATE_NOOP(
        "InputErrors", "The file cannot be opened; check that it exists and is not in use."
    ),
    "unreadable": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The file cannot be read: it may be damaged or truncated. Save it again and retry.",
    ),
    "empty": QT_TRANSLATE_NOOP(
        "InputErrors", "The file is empty or holds no text. Choose the file that holds the plan."
    ),
    "unsupported": QT_TRANSLATE_NOOP(
        "InputErrors",
        "Duban reads plans from .txt, .docx and .pdf files and task tables from .xlsx and "
        ".docx. Save the plan as .docx (Word or WPS) or .txt and import that.",
    ),
    "old_doc": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This is an old Word 97-2003 (.doc) or WPS file. Open it in Word or WPS, save it as "
        ".docx, and import that.",
    ),
    "old_format": QT_TRANSLATE_NOOP(
        "InputErrors",
        "An old .doc/.xls file: open it in Word, WPS or Excel, save it as .docx or .xlsx and "
        "add it again.",
    ),
    "not_docx": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This is not a Word .docx document (perhaps another kind of file renamed). Save it as "
        ".docx from Word or WPS and import again.",
    ),
    "not_text": QT_TRANSLATE_NOOP(
        "InputErrors", "This is not a text file. Choose the .txt or .docx file of the plan."
    ),
    "encoding": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The text mixes character encodings. Save the file as UTF-8 (Notepad: Save As → "
        "Encoding UTF-8) and import again.",
    ),
    "encrypted": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The document is password-protected. Remove the password in Word or WPS, save, and "
        "import again.",
    ),
    "truncated": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The file is damaged or incomplete, for example a download that was cut off. Save or "
        "download it again.",
    ),
    "no_document": QT_TRANSLATE_NOOP(
        "InputErrors", "The file holds no Word document. Import the plan saved from Word or WPS."
    ),
    "too_large": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The file, or a part of it, is far larger than any plan or form; it is refused for "
        "safety. Check that this is the right file.",
    ),
    "bad_xml": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The document's inner XML is damaged or unsafe (it declares entities, which Word never "
        "writes). Open it in Word or WPS, save it again, and retry.",
    ),
    "not_a_form": QT_TRANSLATE_NOOP(
        "InputErrors",
        "Not a Duban feedback form: it has no form id and no task keys (校验码). Only forms "
        "exported from Duban can be read back.",
    ),
    "no_numbering": QT_TRANSLATE_NOOP(
        "InputErrors",
        "No sections (一、二、…) or numbered items (1. 2. …) were found: this does not look like "
        "a work plan.",
    ),
    "no_rows": QT_TRANSLATE_NOOP("InputErrors", "The file holds no rows to read."),
    "template": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The template cannot be used: choose a .docx document saved from Word or WPS.",
    ),
    "duplicate": QT_TRANSLATE_NOOP("InputErrors", "This file was imported before."),
    # The database file: what stops it from being opened, and what to do.
    "no_folder": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The folder for the database cannot be created. Check that the drive or USB stick is "
        "connected and that you may write there, or choose another place.",
    ),
    "lock_unwritable": QT_TRANSLATE_NOOP(
        "InputErrors",
        "Duban cannot write in the database's folder, so the file cannot be opened for "
        "editing. Keep the database in a folder you may write to (for example Documents), or "
        "ask for write access to this one.",
    ),
    "cannot_open": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The database file cannot be opened. Check that it exists, that the drive is "
        "connected and that no other program holds it.",
    ),
    "damaged": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The database file is damaged, so it was not opened (it is left as it is). Restore "
        "the newest good backup, or keep a copy of the file and ask for help.",
    ),
    "not_duban": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This file is not a Duban database. Choose a database made by Duban (.sqlite3), or "
        "make a new one.",
    ),
    "newer_schema": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This database was saved by a newer version of Duban; it was not changed. Open it with "
        "that version, or install it on this PC.",
    ),
    "locked": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This database is open for editing in another Duban. Close it there first; reading "
        "still works meanwhile.",
    ),
    "upgrade_while_open": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This database needs an upgrade, and it is open in another Duban. Close it there, then "
        "open it here.",
    ),
    "missing_last": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The database you worked in last is not there: it may have been moved or renamed, or "
        "it is on a USB stick or network drive that is not connected.",
    ),
    "no_text_layer": QT_TRANSLATE_NOOP(
        "InputErrors", "This is a scan without a text layer: convert it to text first."
    ),
    "not_xlsx": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This is not an Excel .xlsx workbook (perhaps another kind of file renamed). Save it "
        "as .xlsx from Excel or WPS and import again.",
    ),
    "no_task_table": QT_TRANSLATE_NOOP(
        "InputErrors",
        "No task table was found: no header row with a task column (工作任务, 具体任务 …) "
        "beside 牵头单位, 配合单位 or 完成时限.",
    ),
    "unknown_departments": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The table names departments or leaders that are not in the directory. Tick “Add "
        "them to the directory” or add them first; nothing was imported.",
    ),
    "feedback_form": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This is a progress feedback form exported by Duban, not a plan: read it back "
        "instead (Progress → Read back feedback forms).",
    ),
    # What the computer refuses, and other problems of the database file (db.errors).
    "store": QT_TRANSLATE_NOOP(
        "InputErrors", "The database cannot be used as it is; nothing was changed."
    ),
    "busy": QT_TRANSLATE_NOOP(
        "InputErrors",
        "Another program kept the database busy, so nothing was saved. Wait a moment, then "
        "do it again.",
    ),
    "read_only": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The database file or its folder is read-only, so nothing can be saved there. Copy "
        "the database to a folder you can write, such as Documents (File → Save a copy…), "
        "and open the copy.",
    ),
    "disk_full": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The disk is full, so nothing was saved. Free some space (empty the recycle bin, move "
        "old files to another disk), then do it again.",
    ),
    "no_access": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The file cannot be opened: this user has no permission for it, or another program "
        "is using it. Ask whoever manages the computer or the share for access, or copy the "
        "database to a folder you can write.",
    ),
    "io_error": QT_TRANSLATE_NOOP(
        "InputErrors",
        "The disk, USB stick or network share failed while the file was read or written; "
        "nothing more was saved. Check that it is still connected, then check the database; "
        "keep it on this computer's own disk if it happens again.",
    ),
    "hard_link": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This database file has more than one name (hard links); working through two names "
        "would damage it, so it is not opened. Make a real copy, remove the other names, and "
        "use the copy.",
    ),
    "foreign_backup": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This backup belongs to another database; it was not restored and the database is as "
        "it was. To work in that data, open that database file itself.",
    ),
    # Warnings that do not stop the work (db.store.Store.warnings).
    "network": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This database is on a network share: it is kept in the slower but safe "
        "rollback-journal mode, and only one computer should use it at a time.",
    ),
    "backup_failed": QT_TRANSLATE_NOOP(
        "InputErrors",
        "Today's backup could not be made (the disk may be nearly full). The database itself "
        "is unharmed and works as usual; free some disk space so that the next backup succeeds.",
    ),
    "clock": QT_TRANSLATE_NOOP(
        "InputErrors",
        "This computer's clock looks wrong: the database was already changed or backed up at "
        "a later time. Set the date and time; backups are kept in the order they were made.",
    ),
}


def translated_reason(code: str, fallback: str) -> str:
    sentence = MESSAGES.get(code)
    return QCoreApplication.translate(CONTEXT, sentence) if sentence else fallback


def error_text(exc: BaseException) -> str:
    """Any error with a ``code``, in the window's language: the file (and place) it names
    and the translated sentence; without a sentence for its code, the original."""
    if isinstance(exc, PlanInputError):
        return input_error_text(exc)
    code = getattr(exc, "code", None)
    reason = getattr(exc, "reason", None)
    if not isinstance(code, str) or code not in MESSAGES or reason is None:
        return str(exc)
    path = getattr(exc, "path", "") or ""
    sentence = translated_reason(code, str(reason))
    holder = getattr(exc, "holder", None)
    if isinstance(holder, Holder):
        sentence += " (" + holder_text(holder) + ")"
    return f"{path}: {sentence}" if path else sentence


def error_line(exc: BaseException) -> str:
    """The command line's message for ``exc``: "error: " and the translated sentence, then
    the original particulars on a line of their own (for whoever helps the clerk)."""
    line = QCoreApplication.translate("InputErrors", "error: %1").replace("%1", error_text(exc))
    details = QCoreApplication.translate("InputErrors", "(details: %1)")
    return line + "\n" + details.replace("%1", str(getattr(exc, "reason", exc)))


def holder_text(holder: Holder | None) -> str:
    """Who edits a file, in the window's language."""
    translate = QCoreApplication.translate
    if holder is None:
        return translate("InputErrors", "another Duban")
    program = (
        translate("InputErrors", "the window")
        if holder.program == "window"
        else translate("InputErrors", "the command line")
    )
    return (
        translate("InputErrors", "Duban (%1) on %2, user %3, process %4, since %5")
        .replace("%1", program)
        .replace("%2", holder.host)
        .replace("%3", holder.user or "?")
        .replace("%4", str(holder.pid))
        .replace("%5", holder.since.replace("T", " ")[:16])
    )


def input_error_text(exc: PlanInputError) -> str:
    """ "plan.docx (line 12): <the sentence for its code, translated>"."""
    name = Path(exc.path).name if exc.path else ""
    place = f" ({exc.where})" if exc.where else ""
    reason = translated_reason(exc.code, exc.reason)
    return f"{name}{place}: {reason}" if name else reason
