"""Bad input files through the command line: a clear message or a clean result, never a
traceback, and nothing written.

``run_corpus(tmp_dir)`` makes a database the way a clerk would (``--demo``, a period, tasks
assigned, feedback forms exported as .docx and .xlsx, all through ``cli.main``), then runs
every corpus case through the command line:

- ``parse FILE`` and ``import FILE`` for every case (as a plan);
- ``readback FILE --period 第一季度`` for every case a department could send back as a
  form (.docx, .xlsx, .doc, .xls).

A run is clean when: the exit code is 0 or 2 (never 1); "Traceback" is nowhere in the
output; an error (exit 2) or a rejected form names the file; the database's content is
unchanged (a dump of every table, compared by hash) unless the command succeeded with
something to store (an import that exited 0, a form that was accepted); and, for the zip
bombs (run in a child process), the child's peak resident memory stays under
``MEMORY_LIMIT_MB`` and it ends within ``CHILD_TIMEOUT_S``.

The cases are the committed small files in ``tests/bad_inputs/`` (see its README.md) and the
files made here at run time: the huge ones (zip bombs that inflate to 1 GiB, 100 MB files,
a 10 MB line) and the damaged forms, which start from a real export because their keys are
signed with the database's own secret. Nothing is printed: ``CorpusResult.outcomes`` says
what happened in each run (exit code, the message shown, peak memory).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
import traceback
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "bad_inputs"
PERIOD = "第一季度"
MEMORY_LIMIT_MB = 300
CHILD_TIMEOUT_S = 120
BOMB_BYTES = 1 << 30  # what a zip bomb's part inflates to: 1 GiB
FORM_SUFFIXES = (".docx", ".xlsx", ".doc", ".xls")
_NOT_CORPUS = {"README.md", "make_corpus.py", "__init__.py"}
_MB = 1024 * 1024


@dataclass(frozen=True)
class Outcome:
    """One command run on one corpus file."""

    case: str  # the file name
    command: str  # "parse", "import" or "readback"
    exit_code: int
    message: str  # the error or rejection shown (first line), or the first line of output
    clean: bool
    problems: tuple[str, ...] = ()  # why it is not clean
    peak_rss_mb: float | None = None  # measured for the cases run in a child process
    seconds: float = 0.0


@dataclass
class CorpusResult:
    """``tried`` command runs (one per command per corpus file), ``clean`` of them handled
    cleanly; ``failures`` says what went wrong in the others, one line each."""

    tried: int
    clean: int
    failures: list[str]
    outcomes: list[Outcome] = field(default_factory=list)


@dataclass(frozen=True)
class Case:
    name: str  # the file name
    make: Callable[[Path, Forms], Path] | None = None  # None: the committed file of that name
    form: bool | None = None  # also read back as a form (default: by suffix)
    child: bool = False  # run in a child process and measure its memory (zip bombs)

    @property
    def as_form(self) -> bool:
        return self.form if self.form is not None else self.name.endswith(FORM_SUFFIXES)


@dataclass(frozen=True)
class Forms:
    """Real feedback forms exported from the harness database (unfilled)."""

    docx: Path
    xlsx: Path


# ---------------------------------------------------------------------------- the command line


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """``cli.main(argv)`` in this process: (exit code, stdout, stderr). Anything that escapes
    ``main`` is written to stderr as a traceback, and the code is -1."""
    from cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        except BaseException:  # the harness reports it rather than dies
            traceback.print_exc()
            code = -1
    return code, out.getvalue(), err.getvalue()


def run_cli_in_child(
    argv: list[str], work: Path, timeout: float = CHILD_TIMEOUT_S
) -> tuple[int, str, str, float | None]:
    """``cli.main(argv)`` in a child process: (exit code, stdout, stderr, peak RSS in MB).
    The child caps its address space at 4 GiB so a bomb that does unpack cannot take the
    machine down; it reports its own peak resident memory (``ru_maxrss``)."""
    rss_file = work / f"rss-{os.getpid()}-{time.monotonic_ns()}.txt"
    command = [
        sys.executable,
        "-c",
        "from tests.reliability.bad_inputs import child_main; child_main()",
        str(rss_file),
        *argv,
    ]
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("DUBAN_DEBUG", None)
    try:
        done = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return -1, "", f"timed out after {timeout} s", None
    peak = None
    if rss_file.exists():
        peak = int(rss_file.read_text()) / 1024  # Linux reports kilobytes
        rss_file.unlink()
    stdout = done.stdout.decode("utf-8", "replace")
    return done.returncode, stdout, done.stderr.decode("utf-8", "replace"), peak


def child_main() -> None:
    """The child process of :func:`run_cli_in_child`: ``sys.argv`` is [-c, RSS_FILE, ARGS…].
    Where there is no ``resource`` module (Windows) no figure is written."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not POSIX
        resource = None  # type: ignore[assignment]
    if resource is not None:
        limit = 4 << 30
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    rss_file, argv = sys.argv[1], sys.argv[2:]
    from cli import main

    code = main(argv)
    if resource is not None:
        Path(rss_file).write_text(str(_peak_kb(resource)))
    sys.exit(code)


def _peak_kb(resource: object) -> int:
    """This process's own peak resident memory in KB. On Linux ``ru_maxrss`` keeps, across
    ``exec``, the high-water mark of the process it was forked (or vforked) from — the test
    runner, hundreds of MB late in a run — so the program's own figure, ``VmHWM`` of its
    memory map, is read instead."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # type: ignore[attr-defined]


def fingerprint(db_path: Path) -> str:
    """A hash of the database's whole content (schema and rows, as ``.dump`` writes them)."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for line in connection.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
            digest.update(b"\n")
        return digest.hexdigest()
    finally:
        connection.close()


def make_database(work: Path) -> tuple[Path, Forms]:
    """The demo database with a period and assigned tasks, and its exported forms."""
    db = work / "base.sqlite3"
    period = ["periods", "add", PERIOD, "--start", "2020-01-01", "--end", "2020-03-31"]
    forms = ["export", "feedback-forms", "--period", PERIOD, "-o"]
    steps = [
        ["--demo", *period, "--kind", "quarter"],
        ["assign", "--section", "一", "--lead", "基础教育处", "--with", "办公室"],
        [*forms, str(work / "d")],
        [*forms, str(work / "x"), "--xlsx"],
    ]
    for step in steps:
        argv = ["--db", str(db), *step]
        code, _out, err = run_cli(argv)
        if code != 0:
            raise RuntimeError(f"setting up the corpus database failed: {argv}: {err}")
    connection = sqlite3.connect(db)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    docx = next((work / "d").glob("*基础教育处*.docx"))
    xlsx = next((work / "x").glob("*基础教育处*.xlsx"))
    return db, Forms(docx, xlsx)


# ---------------------------------------------------------------------------- generated cases


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def _write_package(target: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return target


def write_bomb(target: Path, source: Path, part: str, marker: bytes) -> Path:
    """``source`` with 1 GiB of blanks streamed into ``part`` after ``marker`` (an XML start
    tag): a ~1 MB file whose part inflates to over 1 GiB."""
    blanks = b" " * _MB
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in _parts(source).items():
            if name != part:
                package.writestr(name, data)
                continue
            cut = data.index(marker) + len(marker)
            with package.open(name, "w") as member:  # under 2 GiB: no zip64 fields
                member.write(data[:cut])
                for _ in range(BOMB_BYTES // len(blanks)):
                    member.write(blanks)
                member.write(data[cut:])
    return target


def _claim_size(path: Path, part: str, size: int) -> None:
    """Make the local and central zip headers of ``part`` claim ``size`` unpacked bytes (a
    bomb that lies about its size)."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + length] == name:
            struct.pack_into("<I", data, start + 24, size)
            local = struct.unpack_from("<I", data, start + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
        start += 4
    path.write_bytes(bytes(data))


def dimension_bomb(source: Path, target: Path, cell: str) -> Path:
    """The workbook ``source`` with one more cell, at ``cell`` (``XFD1048576`` is the last of
    a sheet), and the sheet's ``<dimension>`` stretched to it: a workbook of a few KB that a
    reader walking the whole grid takes minutes and gigabytes over."""
    parts = _parts(source)
    name = "xl/worksheets/sheet1.xml"
    xml = parts[name].decode("utf-8")
    row = int(re.sub(r"\D", "", cell))
    xml = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="A1:{cell}"/>', xml)
    last = f'<row r="{row}"><c r="{cell}" t="inlineStr"><is><t>x</t></is></c></row>'
    parts[name] = xml.replace("</sheetData>", last + "</sheetData>").encode("utf-8")
    return _write_package(target, parts)


def _sparse(target: Path, size: int, head: bytes = b"") -> Path:
    """A file of ``size`` bytes that starts with ``head``; the rest is a hole (no disk used)."""
    with target.open("wb") as stream:
        stream.write(head)
        stream.truncate(size)
    return target


def _bomb_docx(work: Path, forms: Forms) -> Path:
    return write_bomb(work / "bomb.docx", forms.docx, "word/document.xml", b"<w:body>")


def _bomb_lying_docx(work: Path, forms: Forms) -> Path:
    bomb = work / "bomb.docx"
    if not bomb.exists():
        _bomb_docx(work, forms)
    target = work / "bomb-lying-header.docx"
    shutil.copyfile(bomb, target)
    _claim_size(target, "word/document.xml", 200_000)
    return target


def _bomb_xlsx(work: Path, forms: Forms) -> Path:
    target = work / "bomb.xlsx"
    return write_bomb(target, forms.xlsx, "xl/worksheets/sheet1.xml", b"<sheetData>")


def _bomb_pdf(work: Path, _forms: Forms) -> Path:
    """A small PDF whose one page's drawing instructions inflate to 1 GiB."""
    from tests.bad_inputs.make_corpus import _pdf_page, pdf_file, pdf_stream

    packer = zlib.compressobj(9)
    chunk = b" " * _MB
    packed = b"".join(packer.compress(chunk) for _ in range(BOMB_BYTES // _MB)) + packer.flush()
    data = pdf_file([*_pdf_page(b"4 0 R", b"<< >>"), pdf_stream(packed, b"/Filter /FlateDecode ")])
    target = work / "bomb.pdf"
    target.write_bytes(data)
    return target


def _huge_pdf(work: Path, _forms: Forms) -> Path:
    return _sparse(work / "huge-100mb.pdf", 100 * _MB, b"%PDF-1.7\n")


def _huge_txt(work: Path, _forms: Forms) -> Path:
    return _sparse(work / "huge-100mb.txt", 100 * _MB, "2020年工作要点\n一、".encode())


def _huge_docx(work: Path, _forms: Forms) -> Path:
    return _sparse(work / "huge-100mb.docx", 100 * _MB, b"PK\x03\x04")


def _huge_xlsx(work: Path, _forms: Forms) -> Path:
    return _sparse(work / "huge-100mb.xlsx", 100 * _MB, b"PK\x03\x04")


def _huge_picture_docx(work: Path, _forms: Forms) -> Path:
    """A real plan with a 100 MB picture in it (stored, quick to write)."""
    from tests.bad_inputs.make_corpus import plan_docx

    target = work / "plan-with-100mb-picture.docx"
    target.write_bytes(plan_docx())
    zeros = bytes(_MB)
    with (
        zipfile.ZipFile(target, "a", zipfile.ZIP_STORED) as package,
        package.open("word/media/image1.png", "w") as member,
    ):
        for _ in range(100):
            member.write(zeros)
    return target


def _long_line(megabytes: int) -> Callable[[Path, Forms], Path]:
    def make(work: Path, _forms: Forms) -> Path:
        sentence = "加强党的领导，推进教育改革发展，落实各项工作任务。".encode()
        target = work / f"long-line-{megabytes}mb.txt"
        with target.open("wb") as stream:
            for _ in range(megabytes * _MB // len(sentence) + 1):
                stream.write(sentence)
        return target

    return make


def _truncated(suffix: str) -> Callable[[Path, Forms], Path]:
    def make(work: Path, forms: Forms) -> Path:
        source = forms.docx if suffix == ".docx" else forms.xlsx
        data = source.read_bytes()
        target = work / f"form-truncated{suffix}"
        target.write_bytes(data[: len(data) // 2])
        return target

    return make


def _xxe_docx(work: Path, forms: Forms) -> Path:
    from tests.bad_inputs.make_corpus import with_doctype

    parts = _parts(forms.docx)
    parts["word/document.xml"] = with_doctype(parts["word/document.xml"], "w:document")
    return _write_package(work / "form-xxe.docx", parts)


def _xxe_xlsx(work: Path, forms: Forms) -> Path:
    from tests.bad_inputs.make_corpus import with_doctype

    parts = _parts(forms.xlsx)
    name = "xl/worksheets/sheet1.xml"
    parts[name] = with_doctype(parts[name], "worksheet")
    return _write_package(work / "form-xxe.xlsx", parts)


def _no_table_docx(work: Path, forms: Forms) -> Path:
    from docx import Document

    document = Document(str(forms.docx))
    for table in list(document.tables):
        table._tbl.getparent().remove(table._tbl)
    target = work / "form-no-table.docx"
    document.save(str(target))
    return target


def _sheet_renamed_xlsx(work: Path, forms: Forms) -> Path:
    from openpyxl import load_workbook

    workbook = load_workbook(forms.xlsx)
    workbook["进展情况反馈表"].title = "Sheet1"
    target = work / "form-sheet-renamed.xlsx"
    workbook.save(target)
    return target


def _no_header_xlsx(work: Path, forms: Forms) -> Path:
    from openpyxl import load_workbook

    workbook = load_workbook(forms.xlsx)
    sheet = workbook["进展情况反馈表"]
    header = next(row[0].row for row in sheet.iter_rows() if row[-1].value == "校验码")
    sheet.delete_rows(header)
    target = work / "form-no-header.xlsx"
    workbook.save(target)
    return target


def _far_cell(cell: str) -> Callable[[Path, Forms], Path]:
    def make(work: Path, forms: Forms) -> Path:
        return dimension_bomb(forms.xlsx, work / f"form-cell-at-{cell}.xlsx", cell)

    return make


GENERATED: tuple[Case, ...] = (
    Case("bomb.docx", _bomb_docx, child=True),
    Case("bomb-lying-header.docx", _bomb_lying_docx, child=True),
    Case("bomb.xlsx", _bomb_xlsx, child=True),
    Case("bomb.pdf", _bomb_pdf, child=True),
    Case("huge-100mb.pdf", _huge_pdf),
    Case("huge-100mb.txt", _huge_txt),
    Case("huge-100mb.docx", _huge_docx),
    Case("huge-100mb.xlsx", _huge_xlsx),
    Case("plan-with-100mb-picture.docx", _huge_picture_docx),
    Case("long-line-10mb.txt", _long_line(10)),  # over the size limit
    Case("long-line-4mb.txt", _long_line(4)),  # under it: refused for its line
    Case("form-truncated.docx", _truncated(".docx")),
    Case("form-truncated.xlsx", _truncated(".xlsx")),
    Case("form-xxe.docx", _xxe_docx),
    Case("form-xxe.xlsx", _xxe_xlsx),
    Case("form-no-table.docx", _no_table_docx),
    Case("form-sheet-renamed.xlsx", _sheet_renamed_xlsx),
    Case("form-no-header.xlsx", _no_header_xlsx),
    Case("form-cell-at-XFD1048576.xlsx", _far_cell("XFD1048576"), child=True),
    Case("form-cell-at-J1048576.xlsx", _far_cell("J1048576"), child=True),
)


def corpus_cases() -> list[Case]:
    """Every case: the committed files (by name) and the generated ones."""
    committed = sorted(
        path.name for path in CORPUS.iterdir() if path.is_file() and path.name not in _NOT_CORPUS
    )
    return [Case(name) for name in committed] + list(GENERATED)


# ---------------------------------------------------------------------------- judging a run


def _message(out: str, err: str) -> str:
    for line in err.splitlines():
        if line.startswith(("error:", "rejected:")):
            return line
    first = next((line for line in out.splitlines() if line.strip()), "")
    return first or next(iter(err.splitlines()), "")


def judge(
    case: Case,
    command: str,
    result: tuple[int, str, str],
    file: Path,
    changed: bool,
    peak_mb: float | None = None,
    seconds: float = 0.0,
) -> Outcome:
    """Whether one run was handled cleanly (see the module docstring)."""
    code, out, err = result
    problems = []
    if code not in (0, 2):
        problems.append(f"exit code {code}")
    if "Traceback" in out or "Traceback" in err:
        problems.append("a traceback was printed")
    if "root:x:0:0" in out or "root:x:0:0" in err:
        problems.append("an external entity was resolved (/etc/passwd shown)")
    rejected = [line for line in err.splitlines() if line.startswith("rejected:")]
    if code == 2 and file.name not in err:
        problems.append("the error does not name the file")
    if any(file.name not in line for line in rejected):
        problems.append("the rejection does not name the file")
    stored = (command == "import" and code == 0) or (
        command == "readback" and code == 0 and not rejected
    )
    if changed and not stored:
        problems.append("the database changed")
    if case.child and peak_mb is None:
        problems.append("no memory figure from the child process")
    if peak_mb is not None and peak_mb >= MEMORY_LIMIT_MB:
        problems.append(f"peak memory {peak_mb:.0f} MB")
    return Outcome(
        case.name,
        command,
        code,
        _message(out, err),
        not problems,
        tuple(problems),
        peak_mb,
        seconds,
    )


def command_line(command: str, file: Path, db: Path) -> list[str]:
    """The arguments of ``command`` ("parse", "import", "readback") on ``file``."""
    tail = ["--period", PERIOD] if command == "readback" else []
    return ["--db", str(db), command, str(file), *tail]


def run_case(case: Case, file: Path, base: Path, expected: str, work: Path) -> list[Outcome]:
    """Every command of ``case`` on ``file``, each on a fresh copy of the ``base`` database
    whose content hash is ``expected``."""
    commands = ["parse", "import"] + (["readback"] if case.as_form else [])
    outcomes = []
    for command in commands:
        db = work / f"{command}.sqlite3"
        shutil.copyfile(base, db)
        argv = command_line(command, file, db)
        started = time.perf_counter()
        peak = None
        if case.child:
            code, out, err, peak = run_cli_in_child(argv, work)
        else:
            code, out, err = run_cli(argv)
        seconds = time.perf_counter() - started
        try:
            changed = fingerprint(db) != expected
        except sqlite3.Error:  # damaged, or no longer a database at all
            changed = True
        outcomes.append(judge(case, command, (code, out, err), file, changed, peak, seconds))
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    return outcomes


def run_corpus(tmp_dir: Path, cases: list[Case] | None = None) -> CorpusResult:
    """Run every corpus case (or ``cases``) through the command line in ``tmp_dir``."""
    tmp_dir = Path(tmp_dir)
    setup = tmp_dir / "setup"
    generated = tmp_dir / "generated"
    runs = tmp_dir / "runs"
    for folder in (setup, generated, runs):
        folder.mkdir(parents=True, exist_ok=True)
    base, forms = make_database(setup)
    expected = fingerprint(base)
    outcomes: list[Outcome] = []
    for case in corpus_cases() if cases is None else cases:
        try:
            file = CORPUS / case.name if case.make is None else case.make(generated, forms)
        except Exception as error:  # the export changed shape: report it, run the rest
            problem = f"the case could not be made: {type(error).__name__}: {error}"
            outcomes.append(Outcome(case.name, "make", -1, "", False, (problem,)))
            continue
        outcomes.extend(run_case(case, file, base, expected, runs))
        if case.make is not None and file.stat().st_size > 10 * _MB:
            file.unlink()  # the huge ones take room (a bomb is ~1 MB, and is used again)
    failures = [
        f"{o.command} {o.case}: {'; '.join(o.problems)} (exit {o.exit_code}: {o.message[:200]})"
        for o in outcomes
        if not o.clean
    ]
    return CorpusResult(len(outcomes), len(outcomes) - len(failures), failures, outcomes)
