"""Window state kept between runs (QSettings), behind a small typed wrapper.

Data settings (office name, thresholds, calendar) live in the database and travel
with it; what is here belongs to this PC and this user: geometry, splitters, column
layout, recent files, language, last folders.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
LANGUAGES = ("auto", "zh_CN", "en")


class UiSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings("Duban", "Duban")

    # -- bytes blobs: geometry, window state, splitters, header layout -------------------
    def blob(self, key: str) -> QByteArray | None:
        value = self._s.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_blob(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"layout/{key}", value)

    def remove(self, key: str) -> None:
        self._s.remove(f"layout/{key}")

    # -- on/off choices: whole texts in the table, … -------------------------------------
    def flag(self, key: str, default: bool = False) -> bool:
        value = self._s.value(f"ui/{key}", default)
        return value in (True, "true", "1", 1)

    def set_flag(self, key: str, on: bool) -> None:
        self._s.setValue(f"ui/{key}", bool(on))

    # -- text values (drafts, …) ---------------------------------------------------------
    def text(self, key: str, default: str = "") -> str:
        return str(self._s.value(key, default))

    def set_text(self, key: str, value: str) -> None:
        self._s.setValue(key, value)
        self._s.sync()  # drafts are worth a write at once: nothing typed is lost in a crash

    # -- recent database files ------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self._s.value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [str(v) for v in items if v]

    def add_recent_file(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        items = [p for p in self.recent_files() if p != path]
        self._s.setValue("files/recent", [path, *items][:MAX_RECENT])

    # -- language -------------------------------------------------------------------------
    def language(self) -> str:
        value = str(self._s.value("ui/language", "auto"))
        return value if value in LANGUAGES else "auto"

    def set_language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(value)
        self._s.setValue("ui/language", value)

    # -- folders --------------------------------------------------------------------------
    def folder(self, key: str) -> str:
        """The folder last used for ``key`` (imports, exports, …); at first the user's
        Documents folder (or home), never the folder the program was started in."""
        found = str(self._s.value(f"folders/{key}", ""))
        if found and Path(found).is_dir():
            return found
        from platformdirs import user_documents_dir

        documents = Path(user_documents_dir())
        return str(documents if documents.is_dir() else Path.home())

    def set_folder(self, key: str, path: str | Path) -> None:
        self._s.setValue(f"folders/{key}", str(Path(path).parent if Path(path).is_file() else path))

    def sync(self) -> None:
        self._s.sync()
