"""Error messages on the command line, in the clerk's language.

An error with a stable ``code`` (a bad file, a database that cannot be opened) is printed
with the same translated sentence the window shows, followed by its English particulars;
in English, or where Qt's translations cannot be loaded, the original sentence alone.
Qt is loaded only when there is an error to explain: a command that succeeds starts as
fast as before.
"""

from __future__ import annotations


def _language() -> str:
    from qtapp.i18n import choose_language
    from qtapp.ui_settings import UiSettings

    return choose_language(UiSettings().language())


def error_message(exc: BaseException) -> str:
    """``exc`` for the clerk, as the line the command line prints: "错误：…" with the
    translated sentence where its code has one, else "error: …" with the original."""
    original = f"error: {exc}"
    if not isinstance(getattr(exc, "code", None), str):
        return original
    try:
        from PySide6.QtCore import QCoreApplication

        from qtapp.i18n import CHINESE, install_translators
        from qtapp.input_errors import MESSAGES, error_line

        if _language() != CHINESE or exc.code not in MESSAGES:  # type: ignore[attr-defined]
            return original
        app = QCoreApplication.instance() or QCoreApplication([])
        translators = install_translators(app, CHINESE)
        try:
            return error_line(exc)
        finally:
            for translator in translators:
                QCoreApplication.removeTranslator(translator)
    except Exception:  # no Qt, no translation: the English sentence still says it all
        return original
