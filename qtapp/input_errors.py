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
}


def translated_reason(code: str, fallback: str) -> str:
    sentence = MESSAGES.get(code)
    return QCoreApplication.translate(CONTEXT, sentence) if sentence else fallback


def input_error_text(exc: PlanInputError) -> str:
    """ "plan.docx (line 12): <the sentence for its code, translated>"."""
    name = Path(exc.path).name if exc.path else ""
    place = f" ({exc.where})" if exc.where else ""
    reason = translated_reason(exc.code, exc.reason)
    return f"{name}{place}: {reason}" if name else reason
