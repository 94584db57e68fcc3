"""Languages: English source strings, a Simplified Chinese translation shipped as .ts.

The .qm file Qt loads is built from the .ts at run time when it is missing or older
(with the lrelease that ships with PySide6), into the user's cache folder when the
program folder is read-only — so a checkout needs no build step. The bundled program
carries a .qm made by its build (tools/build_bundle.py).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent / "i18n"
TS_FILE = I18N_DIR / "duban_zh_CN.ts"
CHINESE = "zh_CN"
ENGLISH = "en"


def tr(text: str, n: int = -1) -> str:
    """Translate a message written outside a QObject's ``self.tr``.

    lupdate files bare ``tr("…")`` calls under the empty context, so that is the context
    looked up here; ``%n`` is replaced by ``n`` when given.
    """
    return QCoreApplication.translate("", text, None, n)


def choose_language(setting: str | None, system: QLocale | None = None) -> str:
    """The language to show: the setting, or Chinese on a Chinese system, else English."""
    if setting in (CHINESE, ENGLISH):
        return setting
    system = system or QLocale.system()
    return CHINESE if system.language() == QLocale.Language.Chinese else ENGLISH


def _lrelease() -> str | None:
    import PySide6

    candidates = [
        Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease"),
        Path(sys.executable).parent / "pyside6-lrelease",
    ]
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def translation_name(ts: Path) -> str:
    """The .qm file name for ``ts``: its stem and a digest of its content, so a changed
    .ts is never matched with an old .qm."""
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:12]
    return f"{ts.stem}-{digest}.qm"


def build_translation(ts: Path, folder: Path) -> Path | None:
    """Compile ``ts`` into ``folder`` under :func:`translation_name` with lrelease; None
    when no lrelease is found or the folder cannot be written."""
    tool = _lrelease()
    if tool is None:
        return None
    qm = folder / translation_name(ts)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return qm if qm.exists() else None


def compiled_translation(ts: Path = TS_FILE) -> Path | None:
    """The .qm built from ``ts`` (building it first if needed); None if it cannot be built.

    The bundled program carries the .qm its build made beside the .ts and never builds
    one: it writes nothing into its own folder."""
    if not ts.exists():
        return None
    name = translation_name(ts)
    for folder in (I18N_DIR, _cache_dir()):
        qm = folder / name
        if qm.exists():
            return qm
    if getattr(sys, "frozen", False):
        return None
    for folder in (I18N_DIR, _cache_dir()):
        qm = build_translation(ts, folder)
        if qm is not None:
            for old in folder.glob(f"{ts.stem}-*.qm"):
                if old != qm:
                    old.unlink(missing_ok=True)
            return qm
    return None


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Duban", appauthor=False)) / "i18n"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's own and Duban's translations for ``language`` (replacing those installed
    before) and return them; the application keeps them alive."""
    for old in getattr(app, "_duban_translators", []):
        app.removeTranslator(old)
    installed: list[QTranslator] = []
    app._duban_translators = installed  # type: ignore[attr-defined]
    if language != CHINESE:
        return installed
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    qm = compiled_translation()
    ours = QTranslator(app)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        installed.append(ours)
    return installed
