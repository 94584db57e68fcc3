"""Department and leader lists as clerks write them: one per line, in a file or pasted.

Departments: ``name | short name | other names`` (other names separated by 、 , or ，).
The short name and the other names may be left out, so a plain list of names works too,
and a line without ``|`` may hold several names separated by 、 or ， (a list copied from
a document). A tab works as ``|`` (columns copied from a spreadsheet).

Leaders: ``name | title | departments supervised`` — or the name and its title
separated by a space, a comma or a tab: "李明 副局长", "李明，副局长", "李明\t副局长".
A title may itself hold a 、 ("党委书记、局长"); departments follow only after a ``|``
or a tab, so they are never mistaken for a title.

Blank lines and lines starting with ``#`` are skipped. A line that cannot be read raises
``ListLineError`` with its line number, before anything is used: the caller adds nothing.
This is the one reader of these lists — the command line, the window and the demo share it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from domain.errors import PlanInputError
from domain.textsource import decode_text

_FIELDS = re.compile(r"[|｜\t]")
_NAMES = re.compile(r"[、，,；;]+")
_NAME_AND_TITLE = re.compile(r"[\s\u3000]*[,，:：;；][\s\u3000]*|[\s\u3000]+")
_SPACES = re.compile(r"[\s\u3000]+")
_SENTENCE = re.compile(r"[。！？!?“”]")
_PUNCTUATION = re.compile(r"[、，,；;：:。（）()]")

MAX_DEPARTMENT_NAME = 40  # the longest real ones are about 16 characters
# A Chinese name has two to four characters; a transliterated one (阿依古丽·买买提) has a
# middle dot and may be longer.
MAX_LEADER_NAME = 6
MAX_LEADER_NAME_WITH_DOT = 20
_NAME_DOTS = re.compile(r"[·•・．.]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff])[\s\u3000]+(?=[\u3400-\u9fff])")
# A person's name never ends so: "李明副局长" is a name and a title run together.
_TITLE_ENDINGS = ("局长", "处长", "厅长", "校长", "院长", "组长", "书记", "主任", "巡视员",
                  "调研员", "督学", "主席", "委员")  # fmt: skip


@dataclass(frozen=True)
class DepartmentEntry:
    line: int
    name: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class LeaderEntry:
    line: int
    name: str
    title: str = ""
    departments: tuple[str, ...] = ()


class ListLineError(ValueError):
    """A line of a department or leader list that cannot be read.

    ``kind`` names the problem for a translated message ("too_many_parts", "no_name",
    "several_names", "several_short_names", "not_a_name", "name_and_title"); ``reason``
    is the English sentence.
    """

    def __init__(self, source: str | None, line: int, text: str, kind: str, reason: str) -> None:
        self.source = source
        self.line = line
        self.text = text
        self.kind = kind
        self.reason = reason
        super().__init__(self.message)

    @property
    def place(self) -> str:
        return f"{self.source}, line {self.line}" if self.source else f"line {self.line}"

    @property
    def message(self) -> str:
        return f"{self.place}: {self.reason} The line reads “{self.text}”. Nothing was added."


def clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def split_names(text: str) -> list[str]:
    """Names separated by 、 , ， or ; — cleaned, empty ones dropped, in the order given."""
    return [name for part in _NAMES.split(text) if (name := clean(part))]


def _lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) of every line that holds something (not a # comment)."""
    found = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().lstrip("\ufeff").strip()
        if line and not line.startswith("#"):
            found.append((number, line))
    return found


def _fields(source: str | None, number: int, line: str, what: str) -> list[str]:
    """The ``|`` (or tab) separated parts of a line: at most three."""
    fields = [clean(f) for f in _FIELDS.split(line)]
    while len(fields) > 1 and not fields[-1]:
        fields.pop()
    if len(fields) > 3:
        raise ListLineError(
            source, number, line, "too_many_parts",
            f"A line holds at most three parts separated by |: {what}.",
        )  # fmt: skip
    if not fields[0]:
        raise ListLineError(source, number, line, "no_name", "The line has no name before |.")
    return fields + [""] * (3 - len(fields))


def parse_department_list(text: str, source: str | None = None) -> list[DepartmentEntry]:
    """Every department of the list in order; raises ``ListLineError`` for a bad line."""
    what = "name | short name | other names"
    entries: list[DepartmentEntry] = []
    for number, line in _lines(text):
        if not _FIELDS.search(line):
            names = split_names(line)
            entries.extend(DepartmentEntry(number, _department_name(source, number, line, n))
                           for n in names)  # fmt: skip
            continue
        name, short, others = _fields(source, number, line, what)
        if _NAMES.search(name):
            raise ListLineError(
                source, number, line, "several_names",
                "Write one department per line when a short name or other names follow it.",
            )  # fmt: skip
        if _NAMES.search(short):
            raise ListLineError(
                source, number, line, "several_short_names",
                "A department has one short name; put the other names in the third part.",
            )  # fmt: skip
        entries.append(
            DepartmentEntry(
                number,
                _department_name(source, number, line, name),
                short,
                tuple(split_names(others)),
            )
        )
    return entries


def _department_name(source: str | None, number: int, line: str, name: str) -> str:
    """``name``, unless it is a sentence (a paragraph pasted by mistake) rather than a name."""
    if len(name) > MAX_DEPARTMENT_NAME or _SENTENCE.search(name):
        raise ListLineError(
            source, number, line, "not_a_name",
            "This does not look like a department name: it is too long or a sentence.",
        )  # fmt: skip
    return name


def parse_leader_list(text: str, source: str | None = None) -> list[LeaderEntry]:
    """Every leader of the list in order; raises ``ListLineError`` for a bad line."""
    entries: list[LeaderEntry] = []
    for number, line in _lines(text):
        if _FIELDS.search(line):
            name, title, departments = _fields(source, number, line, "name | title | departments")
        else:
            name, title, departments = *_name_and_title(line), ""
        name = _CJK_GAP.sub("", name)  # "张  建", spaced out to line up with longer names
        longest = (
            MAX_LEADER_NAME_WITH_DOT
            if _NAME_DOTS.search(name) or not _CJK.search(name)
            else MAX_LEADER_NAME
        )
        if (
            len(name) > longest
            or _PUNCTUATION.search(name)
            or (name.endswith(_TITLE_ENDINGS) and not title)
        ):
            raise ListLineError(
                source, number, line, "name_and_title",
                "The name cannot be told from the title: separate them with a space, a "
                "comma or |, as in “李明 副局长”.",
            )  # fmt: skip
        entries.append(LeaderEntry(number, name, title, tuple(split_names(departments))))
    return entries


def _name_and_title(line: str) -> tuple[str, str]:
    """ "李明 副局长", "李明，副局长", and "王  红 副局长" (a two-character name spaced out to
    the width of three, as name lists often are)."""
    parts = _NAME_AND_TITLE.split(line, maxsplit=1)
    name, rest = parts[0], (parts[1] if len(parts) > 1 else "")
    padded = re.match(r"(\S{1,2})(?:[\s\u3000]+(.*))?$", rest)
    if len(name) == 1 and padded and line[1:2].isspace():
        name, rest = name + padded[1], padded[2] or ""
    return clean(name), clean(rest)


MAX_LIST_BYTES = 1024 * 1024  # a directory of hundreds of lines is a few kilobytes


def read_list_file(path: str | Path) -> str:
    """The text of a list file (UTF-8, UTF-16 or GB18030, as Notepad or WPS saved it);
    raises ``PlanInputError`` naming the file when it cannot be read."""
    path = Path(path)
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_LIST_BYTES + 1)
    except (FileNotFoundError, IsADirectoryError):
        raise PlanInputError(path, "No such file; check its name.", code="missing") from None
    except OSError as exc:
        raise PlanInputError(path, f"The file cannot be read ({exc.strerror}).") from None
    if len(data) > MAX_LIST_BYTES:
        raise PlanInputError(
            path,
            "The file is larger than 1 MB; a department or leader list is a few kilobytes. "
            "Check that this is the list.",
            code="too_large",
        )
    return decode_text(data, path)[0]
