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
    soffice = require_soffice()
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS), HOME=str(profile))
    try:
        result = subprocess.run(
            [soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
             "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
            capture_output=True, text=True, timeout=180, env=env,
        )  # fmt: skip
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = out_dir / f"{docx.stem}.pdf"
    assert pdf.exists() and pdf.stat().st_size > 0, result.stderr or result.stdout
    return pdf


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
