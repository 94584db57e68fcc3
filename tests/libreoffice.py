"""Converting documents with LibreOffice, as the tests that check them need it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

FONTS = Path(__file__).resolve().parent / "fontconfig" / "fonts.conf"


def require_soffice() -> str:
    """The soffice program; on CI its absence fails the run (a skipped check proves nothing)."""
    found = shutil.which("soffice")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is not installed; .ci/run installs it")
    pytest.skip("LibreOffice is not installed here (CI installs it)")


def to_pdf(docx: Path, out_dir: Path) -> Path:
    return to_pdfs([docx], out_dir)[0]


def to_pdfs(documents: list[Path], out_dir: Path) -> list[Path]:
    """Convert many documents with one LibreOffice start (each start costs seconds)."""
    soffice = require_soffice()
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS), HOME=str(profile))
    try:
        result = subprocess.run(
            [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
             "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, documents)],
            capture_output=True, text=True, timeout=180 + 20 * len(documents), env=env,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdfs = [out_dir / f"{docx.stem}.pdf" for docx in documents]
    for pdf in pdfs:
        assert pdf.exists() and pdf.stat().st_size > 0, result.stderr or result.stdout
    return pdfs


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of each page, from pdfinfo."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True,
                         text=True, check=True, timeout=60).stdout  # fmt: skip
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)
    ]


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout  # fmt: skip


_PAGE_NUMBER = re.compile(r"^\s*[—–-]\s*\d+\s*[—–-]\s*$")


def page_lines(pdf: Path) -> list[list[str]]:
    """The lines of text on each page, the page number ("— 2 —") left out."""
    pages = []
    for number in range(1, len(pdf_pages(pdf)) + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(number), "-l", str(number),
                               str(pdf), "-"], capture_output=True, text=True, check=True,
                              timeout=60).stdout  # fmt: skip
        pages.append([line for line in text.splitlines()
                      if line.strip() and not _PAGE_NUMBER.match(line)])  # fmt: skip
    return pages
