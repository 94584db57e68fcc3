"""The pieces of the office-PC build that are ours, not PyInstaller's: what is collected,
what of Qt stays out, the icons, the Windows version resource, the desktop entry and the
Debian control file. (The built program itself is checked by tools/check_bundle.py, which
CI runs after building it.)"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools import bundle_parts as parts


def test_the_project_and_its_run_time_requirements_are_found_generically() -> None:
    project = parts.project()
    assert project.name == "duban"
    assert set(project.packages) == {"cli", "db", "domain", "exports", "qtapp", "sample_data"}
    found = {name.lower() for name in parts.runtime_distributions()}
    # Direct requirements and theirs (sqlite-utils → click), never the test tools.
    assert {"python-docx", "lxml", "opencc", "openpyxl", "sqlite-utils", "click"} <= found
    assert not {"pytest", "hypothesis", "ruff", "pyinstaller"} & found
    assert parts.import_names("python-docx") == ["docx"]
    assert parts.import_names("OpenCC") == ["opencc"]


def test_qt_plugins_and_translations_not_used_stay_out() -> None:
    kept = parts.qt_part_kept
    for used in (
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/imageformats/libqico.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "docx/templates/default.docx",
    ):
        assert kept(used), used
    for unused in (
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/generic/libqtuiotouchplugin.so",
        "PySide6\\plugins\\tls\\qschannelbackend.dll",
        "PySide6/Qt/translations/qtbase_de.qm",
    ):
        assert not kept(unused), unused


def test_trimming_drops_what_only_dropped_parts_needed() -> None:
    """Libraries are kept only when something kept needs them; the desktop's own session
    libraries are left to the system on Linux; dangling links go too."""
    binaries = [
        ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/src/libQt6Widgets.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/generic/libqtuiotouchplugin.so", "/src/libqtuio.so", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libX11.so.6", "/usr/lib/libX11.so.6", "BINARY"),
        ("libpython3.11.so.1.0", "/py/libpython3.11.so.1.0", "BINARY"),
        ("opencc/clib/bin/opencc", "/src/opencc", "BINARY"),  # a tool beside the library
    ]
    needs = {
        "/src/QtWidgets.abi3.so": ["libQt6Widgets.so.6"],
        "/src/libqxcb.so": ["libxcb-cursor.so.0", "libX11.so.6"],
        "/src/libqtuio.so": ["libQt6Network.so.6"],
    }
    datas = [
        ("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("docx/templates/default.docx", "/src/default.docx", "DATA"),
        ("opencc/clib/lib64/libopencc.a", "/src/libopencc.a", "DATA"),
        ("lxml/includes/libxml/xpath.h", "/src/xpath.h", "DATA"),
    ]
    kept, kept_data = parts.trimmed(binaries, datas, lambda src: needs.get(src, []), linux=True)
    assert [dest for dest, _src, _kind in kept] == [
        "PySide6/QtWidgets.abi3.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libxcb-cursor.so.0",
        "libpython3.11.so.1.0",
    ]
    assert [dest for dest, _src, _kind in kept_data] == [
        "libQt6Widgets.so.6",
        "docx/templates/default.docx",
    ]
    # On Windows nothing is left to the system, and names compare without case.
    kept, _ = parts.trimmed(binaries, [], lambda src: needs.get(src, []), linux=False)
    assert "libX11.so.6" in [dest for dest, _src, _kind in kept]


def test_session_libraries_are_left_to_the_desktop_but_not_the_new_xcb_cursor() -> None:
    system = parts.from_the_system
    for name in ("libX11.so.6", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0", "libfontconfig.so.1",
                 "libfreetype.so.6", "libglib-2.0.so.0", "libdbus-1.so.3"):  # fmt: skip
        assert system(name), name
    for name in ("libxcb-cursor.so.0", "libsqlite3.so.0", "libffi.so.8", "libstdc++.so.6",
                 "libicudata.so.73", "libQt6Core.so.6", "libpython3.11.so.1.0"):  # fmt: skip
        assert not system(name), name


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files exist on Linux")
def test_elf_reading_finds_direct_dependencies_and_the_glibc_needed() -> None:
    python = Path(sys.executable).resolve()
    needed = parts.elf_needed(python)
    assert "libc.so.6" in needed or any(n.startswith("libpython") for n in needed)
    assert parts.elf_needed(ROOT / "main.py") == []
    glibc = parts.glibc_needed([python, ROOT / "main.py"])
    assert glibc is not None and (2, 2) <= glibc < (3, 0)


def test_glibc_needed_is_the_newest_version_named(tmp_path: Path) -> None:
    fake = tmp_path / "lib.so"
    fake.write_bytes(
        b"\x7fELF" + b"\0" * 60 + b"GLIBC_2.17\0GLIBC_2.34\0GLIBC_2.2.5\0GLIBC_PRIVATE\0"
    )
    not_elf = tmp_path / "text.so"
    not_elf.write_bytes(b"GLIBC_2.99\0")
    assert parts.glibc_needed([fake, not_elf]) == (2, 34)
    assert parts.glibc_needed([not_elf]) is None


@pytest.mark.gui
def test_icons_are_drawn_at_every_size_and_packed_into_an_ico(qapp, tmp_path: Path) -> None:
    from PySide6.QtGui import QImageReader

    pngs = parts.render_icons(parts.ICON_SVG, tmp_path)
    assert sorted(pngs) == list(parts.ICON_SIZES)
    for size, path in pngs.items():
        assert parts.png_size(path.read_bytes()) == (size, size)
    ico = tmp_path / "duban.ico"
    ico.write_bytes(parts.ico_bytes(p.read_bytes() for p in pngs.values()))
    reserved, kind, count = struct.unpack("<HHH", ico.read_bytes()[:6])
    assert (reserved, kind, count) == (0, 1, len(parts.ICON_SIZES))
    reader = QImageReader(str(ico))  # Qt's own ICO reader reads it back, every size
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        sizes.append(reader.read().width())
    assert sorted(sizes) == list(parts.ICON_SIZES)


def test_an_icon_image_over_256_pixels_is_refused() -> None:
    big = b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + struct.pack(">II", 512, 512) + b"\0" * 20
    with pytest.raises(ValueError, match="256"):
        parts.ico_bytes([big])


def test_windows_version_resource_names_the_program_and_version() -> None:
    text = parts.windows_version_info("0.1.0", "督办 — a description")
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates it as one expression
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    assert "filevers=(0, 1, 0, 0)" in text and "prodvers=(0, 1, 0, 0)" in text
    assert "StringStruct('ProductVersion', '0.1.0')" in text
    assert "StringStruct('OriginalFilename', 'duban.exe')" in text
    assert "'督办 Duban'" in text
    assert "filevers=(1, 2, 3, 4)" in parts.windows_version_info("1.2.3.4.5", "")


def test_desktop_entry_has_the_chinese_name_command_and_icon() -> None:
    entry = parts.desktop_entry(parts.project().description)
    lines = entry.splitlines()
    assert lines[0] == "[Desktop Entry]"
    fields = dict(line.split("=", 1) for line in lines[1:] if line)
    assert fields["Name[zh_CN]"] == "督办"
    assert fields["Exec"] == "duban %f" and fields["Icon"] == "duban"
    assert fields["Type"] == "Application" and fields["Terminal"] == "false"
    assert fields["Categories"].endswith(";")


def test_debian_control_file_is_well_formed() -> None:
    text = parts.debian_control("0.1.0", "amd64", ["libc6 (>= 2.36)", "libx11-6"], 120_000)
    assert text.endswith("\n") and "\n\n" not in text
    fields = {}
    for line in text.splitlines():
        if not line.startswith(" "):
            key, _, value = line.partition(": ")
            fields[key] = value
    assert fields["Package"] == "duban" and fields["Version"] == "0.1.0"
    assert fields["Architecture"] == "amd64" and fields["Installed-Size"] == "120000"
    assert fields["Depends"] == "libc6 (>= 2.36), libx11-6"
    assert "Depends" not in parts.debian_control("0.1.0", "arm64", [], 1)


def test_data_entries_expand_folders_into_files(tmp_path: Path) -> None:
    folder = tmp_path / "pkg-1.0.dist-info"
    (folder / "licenses").mkdir(parents=True)
    (folder / "METADATA").write_text("Name: pkg\n", encoding="utf-8")
    (folder / "licenses" / "LICENSE").write_text("…", encoding="utf-8")
    single = tmp_path / "data.json"
    single.write_text("{}", encoding="utf-8")
    entries = parts.data_entries([(str(folder), "pkg-1.0.dist-info"), (str(single), "pkg/data")])
    assert entries == [
        ("pkg-1.0.dist-info/METADATA", str(folder / "METADATA"), "DATA"),
        ("pkg-1.0.dist-info/licenses/LICENSE", str(folder / "licenses" / "LICENSE"), "DATA"),
        ("pkg/data/data.json", str(single), "DATA"),
    ]
