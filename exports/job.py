"""One export being made: the data collected, what was asked, and the words every
document shares (the fixed words in the plan's script, the sign-off).

``exports.service.run_export`` makes the job; the writer of the kind asked for
(``exports.kinds``) turns it into files and notes what the clerk should know.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from db.reports import PlanReport
from domain.form_keys import FormStamp
from domain.script import doc_number, to_traditional
from exports.request import ExportError, ExportRequest, ExportWarning, Progress, safe_file_name
from exports.text import chinese_date


@lru_cache(maxsize=4096)
def _traditional(text: str) -> str:
    return to_traditional(text)


@dataclass(frozen=True)
class Wording:
    """The fixed words of a document in the script of its plan: as written (Simplified) for
    a plan in Simplified characters, converted (s2t) for a plan kept in Traditional ones.
    Placeholders such as ``{count}`` pass through the conversion untouched."""

    traditional: bool = False

    def __call__(self, text: str, **values: object) -> str:
        fixed = _traditional(text) if self.traditional else text
        return fixed.format(**values) if values else fixed

    @classmethod
    def of(cls, report: PlanReport) -> Wording:
        return cls(report.traditional)


def period_phrase(report: PlanReport) -> str:
    """The period as a title names it: 第二季度 when the plan's title names the year (no
    "2020年全市教育工作要点2020年第二季度"); 截至2020年7月10日 without a period."""
    if report.period is None:
        return Wording.of(report)("截至{day}", day=chinese_date(report.as_of))
    name = report.period.name
    year = f"{report.plan.year}年" if report.plan.year else ""
    if year and name.startswith(year) and year in report.plan.title and name != year:
        return name[len(year) :]
    return name


def doc_number_text(report: PlanReport, text: str) -> str:
    """A 发文字号 as printed: 〔2020〕2号, in the plan's script."""
    number = doc_number(text)
    return Wording.of(report)(number) if report.traditional else number


def use_doc_number(doc: object, report: PlanReport) -> None:
    """{{发文字号}} of an office template: the 发文字号 of the settings (or the export)."""
    if report.settings.doc_number:
        number = doc_number_text(report, report.settings.doc_number)
        doc.placeholders["发文字号"] = number  # type: ignore[attr-defined]


@dataclass
class ExportJob:
    report: PlanReport
    request: ExportRequest
    template: str = ""  # an office's .docx template ("": the built-in look)
    # What the keys of returned forms are signed over (feedback forms only): the database's
    # secret and identity, the plan's generation, this export's generation and sequence.
    stamp: FormStamp | None = None
    progress: Progress | None = None
    warnings: list[ExportWarning] = field(default_factory=list)

    def warn(self, code: str, count: int, message: str) -> None:
        self.warnings.append(ExportWarning(code, count, message))

    @property
    def issued_on(self) -> dt.date:
        """成文日期: the date asked for, else today (not the date the figures speak of)."""
        return self.request.issued_on or dt.date.today()

    def file_target(self, title: str, suffix: str = ".docx") -> Path:
        """The file to write: the output as given, or ``title`` + suffix in that folder."""
        output = self.request.output
        if output.is_dir() or not output.suffix:
            return output / f"{safe_file_name(title)}{suffix}"
        if output.suffix.lower() != suffix:
            kind = "Word documents are saved as .docx" if suffix == ".docx" else "Excel: .xlsx"
            raise ExportError(f"{output}: {kind}; choose a {suffix} name.")
        return output

    def folder(self) -> Path:
        folder = self.request.output
        if folder.suffix.lower() in (".docx", ".xlsx"):
            raise ExportError(
                f"{folder}: this export writes one file per department; choose a folder."
            )
        return folder
