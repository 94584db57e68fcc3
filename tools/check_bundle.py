"""Check the built program the way an office PC meets it: no Python, no virtual
environment, an empty home folder.

    python tools/check_bundle.py [--dist dist]

Runs after tools/build_bundle.py (CI runs both). Every check starts the bundled program
itself, with nothing from the build's environment (on Linux ``env -i PATH=/usr/bin:/bin``
plus a fresh HOME): ``--version``; ``parse`` of the sample plan (6 sections); ``--demo``
until its window is shown with the plan's tasks, then staying up for some seconds; a
document and an Excel form written; the same from the unpacked archive; and on Linux the
.deb unpacked with ``dpkg-deb -x``, its desktop entry and icons, and its program started.
The program's folder must be unchanged afterwards (it writes nothing beside itself).

A missing bundle is a failure, not a skip. Exit code 0 when every check passed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.bundle_parts import APP, ICON_SIZES, folder_size, project  # noqa: E402

WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")
SAMPLE = ROOT / "sample_data" / "qingdao-2020-education-workplan.txt"
# The same plan printed to PDF by LibreOffice (CJK fonts embedded): pdfminer.six and the
# cryptography it imports must be in the bundle and work.
SAMPLE_PDF = ROOT / "tests" / "fixtures" / "plans" / "qingdao-2020-sample-printed.pdf"
SECTIONS = 6  # the sample plan's 一、 … 六、
STAY_UP_SECONDS = 5
SIZE_LIMIT_MB = 150


class CheckFailed(Exception):
    pass


def executable_in(folder: Path) -> Path:
    return folder / (f"{APP}.exe" if WINDOWS else APP)


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment with nothing from the build: no Python, no virtual environment."""
    if WINDOWS:
        keep = ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "TEMP", "TMP", "COMSPEC", "PATHEXT")
        env = {k: os.environ[k] for k in keep if k in os.environ}
        env["PATH"] = os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32")
        env["USERPROFILE"] = str(home)
        # platformdirs asks Windows itself for these folders unless told otherwise here.
        for name, inside in (("LOCAL_APPDATA", "Local"), ("APPDATA", "Roaming")):
            env[name.replace("_", "")] = env[f"WIN_PD_OVERRIDE_{name}"] = str(
                home / "AppData" / inside
            )
    else:
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
    env.update(extra)
    return env


def run(program: Path, args: list[str], home: Path, timeout: float = 120, **extra: str):
    return subprocess.run(
        [str(program), *args],
        env=clean_env(home, **extra),
        cwd=home,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )


def expect(result: subprocess.CompletedProcess, what: str) -> str:
    if result.returncode != 0:
        raise CheckFailed(
            f"{what}: exit code {result.returncode}\n{result.stdout[-2000:]}{result.stderr[-2000:]}"
        )
    return result.stdout


# -- the checks ----------------------------------------------------------------------------


def check_version(program: Path, home: Path) -> str:
    out = expect(run(program, ["--version"], home), "--version").strip()
    wanted = f"Duban {project().version}"
    if out != wanted:
        raise CheckFailed(f"--version printed {out!r}, not {wanted!r}")
    return out


def check_parse(program: Path, home: Path) -> str:
    found = []
    for plan in (SAMPLE, SAMPLE_PDF):
        out = expect(run(program, ["parse", str(plan), "--json"], home), f"parse {plan.name}")
        outline = json.loads(out)["outline"]
        labels = [node["label"] for node in outline]
        if len(outline) != SECTIONS:
            raise CheckFailed(
                f"parse {plan.name}: {len(outline)} sections, not {SECTIONS}: {labels}"
            )
        tasks = sum(len(item["tasks"]) for node in outline for item in node["children"])
        found.append(f"{plan.suffix}: {len(outline)} sections ({' '.join(labels)}), {tasks} tasks")
    return "; ".join(found)


def check_window(program: Path, home: Path) -> str:
    """The demo window comes up with the plan in its table, then stays up."""
    screen = {"QT_QPA_PLATFORM": "offscreen"}
    probe = run(program, ["--demo"], home, timeout=120, DUBAN_STARTUP_PROBE="1", **screen)
    if expect(probe, "--demo (until the window is filled)").strip() != "ready":
        raise CheckFailed(f"--demo never showed a filled window:\n{probe.stdout}{probe.stderr}")
    proc = subprocess.Popen(
        [str(program), "--demo"],
        env=clean_env(home, **screen),
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    try:
        out, err = proc.communicate(timeout=STAY_UP_SECONDS)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return f"window filled, then up for {STAY_UP_SECONDS} s"
    raise CheckFailed(
        f"--demo ended after less than {STAY_UP_SECONDS} s ({proc.returncode}):\n{out}{err}"
    )


def check_documents(program: Path, home: Path) -> str:
    """The document writers with their resources (a Word table, Excel forms), and OpenCC's
    data (a department named in Traditional characters)."""
    db = home / "check.sqlite3"
    db.unlink(missing_ok=True)
    expect(run(program, ["--demo", "--db", str(db), "plans"], home), "--demo plans")
    steps = [
        # 辦公室 in Traditional characters finds 办公室 through OpenCC's dictionaries.
        ["assign", "--section", "一", "--lead", "辦公室", "--deadline", "6月底前"],
        ["periods", "year", "2020", "--quarterly"],
        ["export", "decomposition", "-o", str(home / "分解表.docx")],
        [
            "export",
            "feedback-forms",
            "--xlsx",
            "--period",
            "2020年第二季度",
            "-o",
            str(home / "forms"),
        ],
    ]
    for step in steps:
        expect(run(program, ["--db", str(db), *step], home), " ".join(step[:2]))
    with zipfile.ZipFile(home / "分解表.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    # The demo's plan is in Traditional characters, so are the document's fixed words.
    if not any(word in body for word in ("任务分解", "任務分解", "工作任务", "工作任務")):
        raise CheckFailed("the decomposition table has no table heading")
    forms = sorted((home / "forms").glob("*.xlsx"))
    if [form.name for form in forms if "办公室" in form.name] != [
        f.name for f in forms
    ] or not forms:
        raise CheckFailed(f"not one Excel form for 办公室: {[f.name for f in forms]}")
    return f"分解表.docx ({len(body):,} characters of XML) and {len(forms)} Excel form(s)"


def check_x11(program: Path, home: Path) -> str:
    """The window on an X11 screen (Xvfb), through the bundle's own xcb plugin."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise CheckFailed("Xvfb is not installed (Debian: apt-get install xvfb)")
    server = subprocess.Popen(
        [xvfb, "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1366x768x24"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        display = server.stdout.readline().strip()  # written once the server is ready
        if not display:
            raise CheckFailed("Xvfb did not start")
        probe = run(
            program,
            ["--demo"],
            home,
            DUBAN_STARTUP_PROBE="1",
            DISPLAY=f":{display}",
            QT_QPA_PLATFORM="xcb",
        )
        if expect(probe, "--demo on X11").strip() != "ready":
            raise CheckFailed(f"--demo on X11 never showed a filled window:\n{probe.stderr}")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return f"window filled on X11 display :{display} (xcb)"


def folder_state(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        stat = path.lstat()
        digest.update(f"{path.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def check_program(program: Path, home: Path, checks: list[tuple[str, Callable]]) -> None:
    before = folder_state(program.parent)
    for name, check in checks:
        passed(f"{name}: {check(program, home)}")
    if folder_state(program.parent) != before:
        raise CheckFailed(f"{program.parent} changed while the program ran")
    passed("wrote nothing into its own folder")


def unpacked_archive(dist: Path, version: str, into: Path) -> Path:
    archives = sorted(
        dist.glob(f"{APP}-{version}-*.zip" if WINDOWS else f"{APP}-{version}-*.tar.gz")
    )
    if not archives:
        raise CheckFailed(f"no archive {APP}-{version}-… in {dist}")
    if WINDOWS:
        with zipfile.ZipFile(archives[0]) as archive:
            archive.extractall(into)
    else:
        with tarfile.open(archives[0]) as archive:
            archive.extractall(into, filter="tar")
    say(f"{archives[0].name} → {into}")
    return executable_in(into / f"{APP}-{version}")


def check_deb(dist: Path, version: str, into: Path, home: Path) -> None:
    debs = sorted(dist.glob(f"{APP}_{version}_*.deb"))
    if not debs:
        raise CheckFailed(f"no {APP}_{version}_ARCH.deb in {dist}")
    info = expect(
        subprocess.run(["dpkg-deb", "--info", str(debs[0])], capture_output=True, text=True),
        "dpkg-deb --info",
    )
    expect(
        subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(into)], capture_output=True, text=True),
        "dpkg-deb -x",
    )
    say(f"{debs[0].name} unpacked with dpkg-deb -x → {into}")
    depends = next((line.strip() for line in info.splitlines() if "Depends:" in line), "")
    say(f"  {depends or 'no Depends'}")
    link = into / "usr" / "bin" / APP
    if not link.is_symlink() or os.readlink(link) != f"/opt/{APP}/{APP}":
        raise CheckFailed(f"{link} is not a link to /opt/{APP}/{APP}")
    entry = into / "usr" / "share" / "applications" / f"{APP}.desktop"
    text = entry.read_text(encoding="utf-8") if entry.exists() else ""
    for line in ("Name[zh_CN]=督办", f"Exec={APP} %f", f"Icon={APP}", "Type=Application"):
        if line not in text.splitlines():
            raise CheckFailed(f"{entry}: no line {line!r}")
    icons = into / "usr" / "share" / "icons" / "hicolor"
    wanted = [icons / f"{n}x{n}" / "apps" / f"{APP}.png" for n in ICON_SIZES]
    wanted.append(icons / "scalable" / "apps" / f"{APP}.svg")
    absent = [str(p.relative_to(into)) for p in wanted if not p.is_file()]
    if absent:
        raise CheckFailed(f"icons missing from the package: {absent}")
    passed(f"/usr/bin/{APP} → /opt/{APP}/{APP}; {entry.name} (督办); {len(wanted)} icons")
    program = into / "opt" / APP / APP
    check_program(program, home, [("--version", check_version), ("--demo", check_window)])


def say(text: str) -> None:
    print(text, flush=True)


PASSED: list[str] = []


def passed(text: str) -> None:
    """One check passed: say so and count it."""
    PASSED.append(text)
    say(f"  ok  {text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python tools/check_bundle.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--x11", action="store_true", help="also start the window on Xvfb")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    folder = dist / APP
    program = executable_in(folder)
    version = project().version
    try:
        if not program.is_file():
            raise CheckFailed(f"no bundle: {program} does not exist (python tools/build_bundle.py)")
        size_mb = folder_size(folder) / 1_000_000
        say(f"{folder}:")
        if LINUX and platform.machine() == "x86_64" and size_mb > SIZE_LIMIT_MB:
            raise CheckFailed(f"{folder} is {size_mb:.0f} MB, over {SIZE_LIMIT_MB} MB")
        passed(f"{size_mb:.1f} MB unpacked (at most {SIZE_LIMIT_MB} MB on Linux x86_64)")
        with tempfile.TemporaryDirectory(prefix="duban-check-") as tmp:
            work = Path(tmp)
            checks = [
                ("--version", check_version),
                ("parse the sample", check_parse),
                ("--demo", check_window),
                ("documents", check_documents),
            ]
            if args.x11:
                checks.append(("X11", check_x11))
            home = work / "home-bundle"
            home.mkdir()
            say(f"{program} (empty home, no Python on the PATH):")
            check_program(program, home, checks)
            if WINDOWS:
                say(f"{APP}-cli.exe:")
                check_program(folder / f"{APP}-cli.exe", home, checks[:2])
            extracted = unpacked_archive(dist, version, work / "archive")
            home = work / "home-archive"
            home.mkdir()
            say(f"{extracted} (unpacked from the archive):")
            check_program(extracted, home, checks[:3])
            if LINUX:
                home = work / "home-deb"
                home.mkdir()
                check_deb(dist, version, work / "deb", home)
    except (CheckFailed, subprocess.TimeoutExpired, OSError, ValueError) as exc:
        print(f"FAILED: {exc}", file=sys.stderr, flush=True)
        say(f"bundle: {len(PASSED)} passed, 1 failed")
        return 1
    say(f"bundle: {len(PASSED)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
