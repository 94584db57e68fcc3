"""Build the program for office PCs without Python, in one folder, with PyInstaller.

    pip install -e ".[build]" -c tools/bundle-constraints.txt
    python tools/build_bundle.py

Writes, for the machine it runs on (see docs/packaging.md):

- ``dist/duban/`` with the executable ``dist/duban/duban`` (``duban.exe`` on Windows, and
  ``duban-cli.exe`` for a console), which runs the window and every command as main.py does;
- ``dist/duban-VERSION-linux-x86_64.tar.gz`` (the machine's architecture) or
  ``dist/duban-VERSION-windows-x64.zip`` (the 绿色版: unpack and run);
- on Linux ``dist/duban_VERSION_ARCH.deb`` for 统信UOS and 银河麒麟: the program in
  /opt/duban, a ``duban`` command, a desktop entry 督办 and its icon.

Exit codes: 0 built; 2 the machine lacks something the build needs (it says what); 1 the
build failed.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.bundle_parts import (  # noqa: E402
    APP,
    ICON_SIZES,
    ICON_SVG,
    debian_architecture,
    debian_control,
    desktop_entry,
    elf_files,
    elf_needed,
    folder_size,
    glibc_needed,
    ico_bytes,
    project,
    render_icons,
    windows_version_info,
)

SPEC = ROOT / "tools" / "duban.spec"
LINUX = sys.platform.startswith("linux")
WINDOWS = sys.platform == "win32"
SIZE_LIMIT_MB = 150  # the unpacked folder on Linux x86_64


class BuildError(Exception):
    """The build cannot go on; the message says why and what to do."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def say(text: str) -> None:
    print(text, flush=True)


# -- before building -----------------------------------------------------------------------


def check_environment(version: str) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise BuildError(
            'PyInstaller is not installed here: pip install -e ".[build]" '
            "-c tools/bundle-constraints.txt",
            2,
        ) from None
    from importlib import metadata

    try:
        installed = metadata.version(APP)
    except metadata.PackageNotFoundError:
        raise BuildError('Duban is not installed here: pip install -e ".[build]"', 2) from None
    if installed != version:
        # The bundle reads its version from the installed metadata it carries.
        raise BuildError(
            f"pyproject.toml says {version} but the installed metadata says {installed}: "
            'run pip install -e ".[build]" again',
            2,
        )


def make_inputs(folder: Path, version: str, description: str) -> None:
    """What the build generates before PyInstaller runs: the compiled translation, the
    icons, and the Windows version resource."""
    from qtapp.i18n import TS_FILE, build_translation

    if folder.exists():
        shutil.rmtree(folder)
    if build_translation(TS_FILE, folder / "i18n") is None:
        raise BuildError(f"{TS_FILE}: could not compile it with lrelease (PySide6's)", 2)
    icons = render_icons(ICON_SVG, folder / "icons")
    (folder / "icons" / f"{APP}.ico").write_bytes(
        ico_bytes(path.read_bytes() for path in icons.values())
    )
    (folder / "version_info.txt").write_text(
        windows_version_info(version, description), encoding="utf-8"
    )


def run_pyinstaller(inputs: Path, dist: Path, work: Path) -> Path:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "pyinstaller"),
    ]
    env = {**os.environ, "DUBAN_BUNDLE_INPUTS": str(inputs)}
    if subprocess.run(command, cwd=ROOT, env=env).returncode != 0:
        raise BuildError("PyInstaller failed (its messages are above)")
    folder = dist / APP
    executable = folder / (f"{APP}.exe" if WINDOWS else APP)
    if not executable.is_file():
        raise BuildError(f"PyInstaller made no {executable}")
    return folder


# -- what the Linux program needs from the system ------------------------------------------


def _system_libraries() -> dict[str, str]:
    """soname → path of the libraries the system's dynamic loader knows."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, check=True).stdout
    found: dict[str, str] = {}
    arch = platform.machine()
    for line in out.splitlines()[1:]:
        name, _, path = line.strip().partition(" => ")
        soname, _, kind = name.partition(" (")
        if arch == "x86_64" and "x86-64" not in kind:
            continue  # a 32-bit library of the same name
        found.setdefault(soname, path)
    return found


def _debian_package(path: str) -> str | None:
    candidates = [path, os.path.realpath(path)]
    candidates += [p.removeprefix("/usr") for p in list(candidates) if p.startswith("/usr/")]
    candidates += ["/usr" + p for p in list(candidates) if not p.startswith("/usr/")]
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":")[0].strip()
    return None


def linux_requirements(folder: Path) -> tuple[list[str], tuple[int, ...] | None]:
    """(the Debian packages of the system libraries the program links against, the newest
    glibc it needs). Fails when a library is neither carried nor installed here — the
    bundle would then miss it on every machine that lacks it."""
    files = list(elf_files(folder))
    carried = {p.name for p in folder.rglob("*")}
    system = _system_libraries()
    missing: dict[str, set[str]] = {}
    packages: set[str] = set()
    for path in files:
        for name in elf_needed(path):
            if name in carried:
                continue
            if name not in system:
                missing.setdefault(name, set()).add(path.relative_to(folder).as_posix())
                continue
            package = _debian_package(system[name]) if shutil.which("dpkg") else None
            if package:
                packages.add(package)
    if missing:
        lines = [
            f"  {name} (for {', '.join(sorted(users)[:2])})" for name, users in missing.items()
        ]
        raise BuildError(
            "libraries the program needs are not installed on this machine, so the bundle "
            "cannot be checked against them (Debian: apt-get install the packages that "
            "provide them, e.g. libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4):\n"
            + "\n".join(sorted(lines)),
            2,
        )
    glibc = glibc_needed(files)
    depends = sorted(p for p in packages if p not in ("libc6", "libc6-amd64"))
    if glibc:
        depends.insert(0, f"libc6 (>= {'.'.join(map(str, glibc))})")
    return depends, glibc


# -- archives and the Debian package --------------------------------------------------------


def _epoch() -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())


def machine_label() -> str:
    if WINDOWS:
        return (
            "windows-x64"
            if platform.machine().lower() in ("amd64", "x86_64")
            else (f"windows-{platform.machine().lower()}")
        )
    return f"{sys.platform.rstrip('0123456789')}-{platform.machine().lower()}"


def write_tar(folder: Path, target: Path, top: str) -> Path:
    """A .tar.gz of ``folder`` under ``top/``: sorted, owned by root, one time stamp, so the
    same files make the same archive."""
    mtime = _epoch()

    def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        info.mtime = mtime
        return info

    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as tar:
        tar.add(folder, arcname=top, recursive=False, filter=clean)
        for path in sorted(folder.rglob("*")):
            tar.add(
                path,
                arcname=f"{top}/{path.relative_to(folder).as_posix()}",
                recursive=False,
                filter=clean,
            )
    temp = target.with_name(target.name + ".part")
    with (
        open(temp, "wb") as out,
        gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6, mtime=mtime) as gz,
    ):
        gz.write(raw.getvalue())
    temp.replace(target)
    return target


def write_zip(folder: Path, target: Path, top: str) -> Path:
    stamp = time.localtime(_epoch())[:6]
    temp = target.with_name(target.name + ".part")
    with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (path.stat().st_mode & 0xFFFF) << 16
                archive.writestr(info, path.read_bytes())
    temp.replace(target)
    return target


def write_deb(folder: Path, work: Path, target: Path, version: str, depends: list[str]) -> Path:
    """The Debian package from a staged tree: /opt/duban, /usr/bin/duban, the desktop entry
    and the icons."""
    if not shutil.which("dpkg-deb"):
        raise BuildError("dpkg-deb is not installed here (Debian: apt-get install dpkg)", 2)
    stage = work / "deb"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(folder, stage / "opt" / APP, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / APP).symlink_to(f"/opt/{APP}/{APP}")
    applications = stage / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    (applications / f"{APP}.desktop").write_text(
        desktop_entry(project().description), encoding="utf-8"
    )
    icons = stage / "usr" / "share" / "icons" / "hicolor"
    rendered = work / "inputs" / "icons"
    for size in ICON_SIZES:
        place = icons / f"{size}x{size}" / "apps"
        place.mkdir(parents=True)
        shutil.copyfile(rendered / f"{APP}-{size}.png", place / f"{APP}.png")
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(ICON_SVG, icons / "scalable" / "apps" / f"{APP}.svg")
    doc = stage / "usr" / "share" / "doc" / APP
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Duban (督办). The program in /opt/duban carries Python, Qt (LGPLv3, through "
        "PySide6) and the libraries listed in /opt/duban/_internal/*.dist-info, each under "
        "its own licence.\n",
        encoding="utf-8",
    )
    for path in [stage, *stage.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    control = stage / "DEBIAN"
    control.mkdir()
    (control / "control").write_text(
        debian_control(version, debian_architecture(), depends, folder_size(stage) // 1024 + 1),
        encoding="utf-8",
    )
    temp = target.with_name(target.name + ".part")
    subprocess.run(
        # xz at its fastest level: 42 MB in 18 s here for 127 MB (level 6: 36 MB in 43 s).
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z1", "--build", str(stage), str(temp)],
        check=True,
        capture_output=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(_epoch())},
    )
    temp.replace(target)
    return target


# -- the command ---------------------------------------------------------------------------


def build(dist: Path, work: Path, with_deb: bool) -> list[Path]:
    info = project()
    check_environment(info.version)
    dist.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    say(f"building Duban {info.version} for {machine_label()} …")
    inputs = work / "inputs"
    make_inputs(inputs, info.version, info.description)
    folder = run_pyinstaller(inputs, dist, work)
    size_mb = folder_size(folder) / 1_000_000
    made = [folder]
    top = f"{APP}-{info.version}"
    if WINDOWS:
        made.append(write_zip(folder, dist / f"{top}-{machine_label()}.zip", top))
    else:
        made.append(write_tar(folder, dist / f"{top}-{machine_label()}.tar.gz", top))
    depends: list[str] = []
    if LINUX:
        depends, glibc = linux_requirements(folder)
        if glibc:
            say(f"  needs glibc ≥ {'.'.join(map(str, glibc))} (the build machine's C library)")
        if with_deb:
            deb = dist / f"{APP}_{info.version}_{debian_architecture()}.deb"
            made.append(write_deb(folder, work, deb, info.version, depends))
            say(f"  package depends on: {', '.join(depends) or 'nothing'}")
    say(f"  {folder}: {size_mb:.1f} MB unpacked")
    for path in made[1:]:
        say(f"  {path}: {path.stat().st_size / 1_000_000:.1f} MB")
    say(f"built in {time.perf_counter() - started:.0f} s")
    if LINUX and platform.machine() == "x86_64" and size_mb > SIZE_LIMIT_MB:
        raise BuildError(f"{folder} is {size_mb:.0f} MB, over the {SIZE_LIMIT_MB} MB allowed")
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python tools/build_bundle.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where to put it")
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build" / "bundle",
        help="folder for the build's own files",
    )
    parser.add_argument("--no-deb", action="store_true", help="no Debian package (Linux)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the icons are drawn without a screen
    try:
        build(args.dist.resolve(), args.work.resolve(), with_deb=LINUX and not args.no_deb)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
