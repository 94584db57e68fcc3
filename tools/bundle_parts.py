"""The parts of the office-PC bundle around PyInstaller: what goes in (generically, from
the project's own packages and its run-time requirements), which Qt parts stay out, the
icons, the Windows version resource, and the Linux desktop entry and package.

Used by tools/build_bundle.py and tools/duban.spec, tested by tests/test_bundle_parts.py.
PyInstaller is imported only inside the functions that need it, so the rest runs in a
test environment without the build extra. See docs/packaging.md.
"""

from __future__ import annotations

import fnmatch
import platform
import re
import struct
import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
Entry = tuple[str, str, str]  # PyInstaller's table of contents: (destination, source, kind)
APP = "duban"  # the executable, the package, the desktop entry and the icon are named so
ICON_SVG = ROOT / "qtapp" / "images" / "duban.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

# Qt comes in through PyInstaller's own Qt hooks (only the Qt modules the code imports),
# trimmed below; the generic collection leaves these distributions to them.
QT_DISTRIBUTIONS = frozenset({"pyside6", "pyside6-essentials", "pyside6-addons", "shiboken6"})

# Files of a dependency that a running program never reads: headers, sources and import
# libraries for compilers, stubs for type checkers, command-line tools shipped beside a
# library, and the packages' own tests.
DEVELOPMENT_FILES = (
    "**/*.h",
    "**/*.hpp",
    "**/*.c",
    "**/*.lib",
    "**/*.a",
    "**/*.exe",
    "**/include/**",
    "**/includes/**",
    "**/cmake/**",
    "**/pkgconfig/**",
    "**/bin/**",
    "**/*.pyx",
    "**/*.pxd",
    "**/*.pxi",
    "**/*.pyi",
    "**/py.typed",
    "**/tests/**",
    "**/__pycache__/**",
)

# The Qt plugins the program uses, by plugin folder, as file stems without "lib" and the
# suffix; a folder not named here is left out whole. Windows, X11 and Wayland desktops, the
# offscreen platform for scripts and checks, Chinese input through IBus (also what Fcitx 5
# serves), the SVG icon engine, and the image formats of icons and the clipboard. Widgets
# draw in software, so no OpenGL integrations.
QT_PLUGINS = {
    "platforms": {"qxcb", "qwayland", "qoffscreen", "qwindows"},
    "platforminputcontexts": {
        "composeplatforminputcontextplugin",
        "ibusplatforminputcontextplugin",
    },
    "iconengines": {"qsvgicon"},
    "imageformats": {"qsvg", "qico", "qgif", "qjpeg"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle"},
    "wayland-shell-integration": None,  # None: the whole folder
    "wayland-decoration-client": None,
}
# Qt's own translations: only the Chinese one for the standard buttons (确定/取消).
QT_TRANSLATIONS = {"qtbase_zh_CN.qm"}

# Linux libraries taken from the desktop instead of carried: the X11, keyboard, font,
# GLib and D-Bus libraries of the graphical session (every 统信UOS and 银河麒麟 desktop has
# them: its own desktop is built on Qt 5, which needs the same), so the program uses the
# system's font configuration and D-Bus. The Debian package depends on them by name.
# (PyInstaller itself never carries the C library, OpenGL/EGL, libxcb and Wayland's.)
# libxcb-cursor is carried: Qt 6's X11 plugin needs it and Qt 5 did not.
SYSTEM_LIBRARIES = re.compile(
    r"^lib(X11|X11-xcb|Xau|Xdmcp|xcb-(?!cursor)[a-z0-9-]+|xkbcommon|xkbcommon-x11|fontconfig"
    r"|freetype|glib-2\.0|gthread-2\.0|gobject-2\.0|dbus-1)\.so(\.\d+)*$"
)


# -- the project ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Project:
    name: str
    version: str
    description: str
    packages: tuple[str, ...]  # top-level import packages of the project's own code


def project(root: Path = ROOT) -> Project:
    """What pyproject.toml says about the project."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    info = data["project"]
    patterns = data["tool"]["setuptools"]["packages"]["find"]["include"]
    tops = sorted(
        {pattern.split(".")[0].rstrip("*") for pattern in patterns}
        & {p.parent.name for p in root.glob("*/__init__.py")}
    )
    return Project(info["name"], info["version"], info["description"], tuple(tops))


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(top: str = APP) -> list[str]:
    """The installed distributions the program needs at run time: its requirements, their
    requirements and so on (environment markers evaluated for this machine, no extras), in
    a stable order, without ``top`` itself."""
    from packaging.requirements import Requirement

    found: dict[str, str] = {}
    pending = [top]
    while pending:
        name = pending.pop()
        dist = metadata.distribution(name)
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            key = _canonical(requirement.name)
            if key not in found and key != _canonical(top):
                found[key] = metadata.distribution(requirement.name).metadata["Name"]
                pending.append(requirement.name)
    return [found[key] for key in sorted(found)]


def import_names(distribution: str) -> list[str]:
    """The top-level packages and modules a distribution installs."""
    wanted = _canonical(distribution)
    return sorted(
        name
        for name, dists in metadata.packages_distributions().items()
        if any(_canonical(d) == wanted for d in dists) and name.isidentifier()
    )


def own_collection(root: Path = ROOT) -> tuple[list[tuple[str, str]], list[str]]:
    """(data files, hidden imports) of the project's own packages: every module (so imports
    made by name at run time are found too) and every data file (the translation source,
    the icon, the sample plan), with the project's metadata (its version). The .qm is not
    taken from the checkout: the build compiles it afresh."""
    from PyInstaller.utils.hooks import collect_data_files, collect_submodules, copy_metadata

    datas: list[tuple[str, str]] = []
    hidden: list[str] = []
    for package in project(root).packages:
        hidden += collect_submodules(package)
        datas += collect_data_files(package, excludes=[*DEVELOPMENT_FILES, "**/*.qm"])
    return datas + copy_metadata(APP), hidden


@dataclass(frozen=True)
class DependencyFiles:
    metadata: list[tuple[str, str]]  # its distribution's metadata (with the first name only)
    data: list[tuple[str, str]]  # data files: (source, destination folder)


def dependency_data() -> dict[str, DependencyFiles]:
    """The data files and metadata of each run-time dependency (Qt aside), by the name it
    is imported as. Generic, so a new dependency in pyproject.toml, pure Python or not,
    needs no change to the build."""
    from PyInstaller.utils.hooks import collect_data_files, copy_metadata

    found: dict[str, DependencyFiles] = {}
    for dist in runtime_distributions():
        if _canonical(dist) in QT_DISTRIBUTIONS:
            continue
        meta = copy_metadata(dist)
        for name in import_names(dist):
            data = collect_data_files(name, excludes=list(DEVELOPMENT_FILES))
            found[name] = DependencyFiles(meta, data)
            meta = []
    return found


def bundled_names(pure: Iterable[Entry], binaries: Iterable[Entry]) -> set[str]:
    """The top-level names of the modules the analysis put in the program (a requirement
    never imported — sqlite-utils asks for pip — brings no data)."""
    names = {name.split(".")[0] for name, _src, _kind in pure}
    names |= {
        dest.replace("\\", "/").split("/")[0].split(".")[0]
        for dest, _src, kind in binaries
        if kind == "EXTENSION"
    }
    return names


def data_entries(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """PyInstaller's ``(source, destination folder)`` pairs — a source may be a folder — as
    table-of-contents entries ``(destination file, source file, "DATA")``."""
    entries = []
    for source, folder in pairs:
        path = Path(source)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            inside = file.relative_to(path).as_posix() if path.is_dir() else file.name
            entries.append(
                (f"{PurePosixPath(folder.replace(chr(92), '/')) / inside}", str(file), "DATA")
            )
    return entries


# -- trimming Qt ---------------------------------------------------------------------------


def _library_stem(file_name: str) -> str:
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def qt_part_kept(destination: str) -> bool:
    """Whether a file PyInstaller collected belongs in the bundle, judged by where it goes
    (``PySide6/Qt/plugins/…`` on Linux, ``PySide6/plugins/…`` on Windows): unused Qt plugins
    and foreign-language Qt translations stay out; anything else is kept."""
    parts = PurePosixPath(destination.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6":
        return True
    if "plugins" in parts:
        at = parts.index("plugins")
        if len(parts) < at + 3:
            return True
        folder, file_name = parts[at + 1], parts[-1]
        if folder not in QT_PLUGINS:
            return False
        allowed = QT_PLUGINS[folder]
        return allowed is None or _library_stem(file_name) in allowed
    if "translations" in parts and parts[-1].endswith(".qm"):
        return parts[-1] in QT_TRANSLATIONS
    return True


def from_the_system(file_name: str) -> bool:
    """Whether a Linux library is left to the desktop (see ``SYSTEM_LIBRARIES``)."""
    return bool(SYSTEM_LIBRARIES.match(file_name))


def elf_needed(path: Path) -> list[str]:
    """The libraries an ELF file names as needed (``DT_NEEDED``), read from its dynamic
    section: the direct dependencies, not ldd's whole closure."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF":
        return []
    wide = data[4] == 2
    order = "<" if data[5] == 1 else ">"
    if wide:
        (shoff,) = struct.unpack_from(order + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x3A)
        header, entry = order + "IIQQQQIIQQ", order + "qQ"
    else:
        (shoff,) = struct.unpack_from(order + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x2E)
        header, entry = order + "IIIIIIIIII", order + "iI"
    sections = [struct.unpack_from(header, data, shoff + i * shentsize) for i in range(shnum)]
    needed = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, entsize or struct.calcsize(entry)):
            tag, value = struct.unpack_from(entry, data, at)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strings + value)
                needed.append(data[strings + value : end].decode())
    return needed


def development_file(destination: str) -> bool:
    """Whether a collected file is one of ``DEVELOPMENT_FILES`` (a package's own hook may
    collect them: OpenCC's takes its static libraries and command-line tool)."""
    path = destination.replace("\\", "/")
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in DEVELOPMENT_FILES)


def is_shared_library(destination: str) -> bool:
    name = PurePosixPath(destination.replace("\\", "/")).name.lower()
    return name.endswith((".dll", ".dylib")) or ".so" in name.split("/")[-1]


def reachable(roots: Iterable[str], imports_of: dict[str, list[str]]) -> set[str]:
    """``roots`` and every file reached from them by following each file's imports."""
    seen = set(roots)
    pending = list(seen)
    while pending:
        name = pending.pop()
        for needed in imports_of.get(name, []):
            if needed not in seen:
                seen.add(needed)
                pending.append(needed)
    return seen


def trimmed(
    binaries: list[Entry], datas: list[Entry], imports: Callable[[str], list[str]], linux: bool
) -> tuple[list[Entry], list[Entry]]:
    """The binaries and data files that stay: unused Qt plugins and translations out,
    development files out (``DEVELOPMENT_FILES``), on Linux the session libraries of the
    desktop out (``SYSTEM_LIBRARIES``), then every
    library no longer needed by what is left (``imports(source)`` names a file's direct
    dependencies). Python's extension modules, the plugins and the Python library (which
    the launcher loads by name) are where the search starts; symbolic links to files no
    longer there go too."""

    def name(destination: str) -> str:
        return PurePosixPath(destination.replace("\\", "/")).name

    def key(file_name: str) -> str:
        return file_name if linux else file_name.lower()

    kept = [
        entry
        for entry in binaries
        if qt_part_kept(entry[0])
        and not development_file(entry[0])
        and not (linux and from_the_system(name(entry[0])))
    ]
    by_name = {key(name(dest)): dest for dest, _src, _kind in kept}
    imports_of = {
        dest: [by_name[key(n)] for n in imports(src) if key(n) in by_name]
        for dest, src, _kind in kept
    }
    roots = [
        dest
        for dest, _src, kind in kept
        if kind == "EXTENSION"
        or "plugins" in PurePosixPath(dest.replace("\\", "/")).parts
        or name(dest).lower().startswith(("libpython", "python"))
        or not is_shared_library(dest)
    ]
    needed = reachable(roots, imports_of)
    binaries = [entry for entry in kept if entry[0] in needed]
    present = {PurePosixPath(dest.replace("\\", "/")) for dest, _src, _kind in binaries}
    datas = [
        (dest, src, kind)
        for dest, src, kind in datas
        if qt_part_kept(dest)
        and not development_file(dest)
        and (
            kind != "SYMLINK"
            or PurePosixPath(dest.replace("\\", "/")).parent / src.replace("\\", "/") in present
        )
    ]
    return binaries, datas


# -- icons ---------------------------------------------------------------------------------


def render_icons(svg: Path, folder: Path, sizes: Iterable[int] = ICON_SIZES) -> dict[int, Path]:
    """PNG files of ``svg`` at each size (``duban-32.png`` …), drawn by Qt's SVG renderer."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not an SVG file Qt can draw")
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        path = folder / f"{APP}-{size}.png"
        path.write_bytes(bytes(data.data()))
        made[size] = path
    return made


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def ico_bytes(pngs: Iterable[bytes]) -> bytes:
    """A Windows .ico holding the PNG images as they are (the PNG-in-ICO form Windows has
    read since Vista), smallest first."""
    images = sorted(pngs, key=lambda data: png_size(data)[0])
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for data in images:
        width, height = png_size(data)
        if width > 256 or height > 256:
            raise ValueError("an icon image is at most 256 × 256")
        entries += struct.pack(
            "<BBBBHHII", width % 256, height % 256, 0, 0, 1, 32, len(data), offset + len(blobs)
        )
        blobs += data
    return header + entries + blobs


# -- Windows: the version resource of duban.exe -------------------------------------------


def windows_version_info(version: str, description: str) -> str:
    """PyInstaller's version file (a ``VSVersionInfo`` expression) for duban.exe, so that
    Windows shows the name, version and description under Properties → Details."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    quad = tuple(numbers)
    strings = {
        "CompanyName": "Duban",
        "FileDescription": "督办 Duban",
        "FileVersion": version,
        "InternalName": APP,
        "LegalCopyright": "",
        "OriginalFilename": f"{APP}.exe",
        "ProductName": "督办 Duban",
        "ProductVersion": version,
        "Comments": description,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={quad!r}, prodvers={quad!r}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404b0', [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


# -- Linux: desktop entry, Debian package --------------------------------------------------


def desktop_entry(description: str) -> str:
    """The freedesktop.org entry: the menu shows 督办 on a Chinese desktop."""
    comment = description.split(" — ", 1)[-1]
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.0",
            "Name=Duban",
            "Name[zh_CN]=督办",
            "GenericName=Work plan supervision",
            "GenericName[zh_CN]=工作督办",
            f"Comment={comment[:1].upper()}{comment[1:]}",
            "Comment[zh_CN]=把年度工作要点分解为任务、跟踪进展、生成通报",
            f"Exec={APP} %f",
            f"Icon={APP}",
            "Terminal=false",
            "Categories=Office;ProjectManagement;",
            "Keywords=督办;工作要点;任务分解;进展;通报;",
            "StartupWMClass=Duban",
            "",
        ]
    )


def debian_architecture() -> str:
    machine = platform.machine().lower()
    return {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(
        machine, machine
    )


def debian_control(
    version: str, architecture: str, depends: Iterable[str], installed_kib: int
) -> str:
    lines = [
        f"Package: {APP}",
        f"Version: {version}",
        f"Architecture: {architecture}",
        "Maintainer: Duban <duban@localhost>",
        f"Installed-Size: {installed_kib}",
    ]
    depends = list(depends)
    if depends:
        lines.append(f"Depends: {', '.join(depends)}")
    lines += [
        "Section: misc",
        "Priority: optional",
        "Description: 督办 — work plans into tasks, progress and Word reports",
        " Duban turns an annual work plan (工作要点) into assigned tasks, collects progress",
        " and writes the office's Word documents. Everything it needs is in /opt/duban;",
        " it works offline and keeps its data in the user's own folder.",
        "",
    ]
    return "\n".join(lines)


GLIBC_VERSION = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?\x00")


def glibc_needed(files: Iterable[Path]) -> tuple[int, ...] | None:
    """The newest glibc symbol version the ELF files ask for (the C library the target
    system needs at least), from the version names in their string tables."""
    newest: tuple[int, ...] | None = None
    for path in files:
        data = path.read_bytes()
        if not data.startswith(b"\x7fELF"):
            continue
        for match in GLIBC_VERSION.finditer(data):
            found = tuple(int(g) for g in match.groups() if g is not None)
            if newest is None or found > newest:
                newest = found
    return newest


def elf_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    yield path


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
