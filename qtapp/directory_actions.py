"""What the clerk does to the directory (departments and leaders), as undo commands.

The directory dialog shows the tables and forwards the clerk's requests here; these
methods ask what they need through the prompts object (a name, a target, a pasted list,
a confirmation), build one ``DirectoryCommand`` with a human name, and hand it to the
context. Each returns what the dialog needs to select afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from sqlite_utils import Database

from db import departments as dept_db
from db import leaders as leader_db
from db.directory_lists import ListResult, add_department_entries, add_leader_entries
from db.errors import NotFound
from db.records import Department, Leader
from domain.directory_lists import (
    ListLineError,
    parse_department_list,
    parse_leader_list,
    split_names,
)
from qtapp.commands import DirectoryCommand
from qtapp.context import AppContext
from qtapp.models.directory_models import (
    COL_ALIASES,
    COL_LEADER_NAME,
    COL_LEADER_TITLE,
    COL_NAME,
    COL_SHORT_NAME,
)


def fill(text: str, *args: str) -> str:
    """Put arguments into %1, %2 … in one pass (a name may itself contain "%2")."""
    return re.sub(r"%(\d)", lambda m: args[int(m[1]) - 1] if int(m[1]) <= len(args) else m[0], text)


def moved_order(
    everything: Sequence[int], shown: Sequence[int], item: int, step: int
) -> list[int] | None:
    """``everything`` with ``item`` swapped with the row shown ``step`` away from it (rows
    hidden in between keep their turn), or None when it cannot move that way."""
    if item not in shown or not 0 <= shown.index(item) + step < len(shown):
        return None
    neighbour = shown[shown.index(item) + step]
    order = [i for i in everything if i != item]
    order.insert(order.index(neighbour) + (step > 0), item)
    return order


class DirectoryActions(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def _execute(
        self, text: str, operation: Callable[[Database], object], department_ids: Sequence[int] = ()
    ) -> bool:
        return self.ctx.execute(
            DirectoryCommand(self.ctx, text, operation, department_ids=department_ids)
        )

    # -- departments ------------------------------------------------------------------------

    def add_department(self) -> int | None:
        """Ask for a name and add it; the new id, or None when cancelled or refused."""
        title = self.tr("Add department")
        name = self.ctx.prompts.ask_text(title, self.tr("Name of the department:"))
        if not name or not name.strip():
            return None
        added: list[Department] = []
        if not self._execute(title, lambda db: added.append(dept_db.add_department(db, name))):
            return None
        return added[0].id

    def paste_departments(self) -> list[int]:
        """Ask for a pasted list and add it (see ``add_department_list``)."""
        return self._paste(
            self.tr("Paste departments"),
            self.tr(
                "One department per line: name | short name | other names. The short name "
                "and the other names may be left out; separate other names with 、. Names "
                "already listed are skipped."
            ),
            "办公室\n组织干部处 | 组干处 | 组织人事处\n基础教育处 | 基教处",
            self.add_department_list,
        )

    def add_department_list(self, text: str) -> list[int] | None:
        """Every new department of a list (one per line, or separated by 、), in order, as
        one command; the ids added. A line that cannot be read is shown and nothing is
        added: None (so the clerk can correct the list)."""
        return self._add_list(
            text, parse_department_list, add_department_entries,
            lambda n: self.tr("Add %n department(s)", "", n),
            self.tr("Paste departments"), self.tr("All these departments are already listed."),
        )  # fmt: skip

    def edit_department(self, department_id: int, column: int, text: str) -> bool:
        """A cell typed in the department table: name, short name or other names."""
        try:
            dept = dept_db.get_department(self.ctx.db, department_id)
        except NotFound:  # gone meanwhile (an undo): the reload has closed the row
            return False
        value = " ".join(text.split())
        if column == COL_NAME and value != dept.name:
            return self._execute(
                self.tr("Rename department"),
                lambda db: dept_db.rename_department(db, department_id, value),
            )
        if column == COL_SHORT_NAME and value != dept.short_name:
            return self._execute(
                self.tr("Change short name"),
                lambda db: dept_db.set_short_name(db, department_id, value),
            )
        if column == COL_ALIASES:
            return self.set_aliases(department_id, list(dict.fromkeys(split_names(text))))
        return False

    def set_aliases(self, department_id: int, aliases: Sequence[str]) -> bool:
        """Make the other names exactly ``aliases`` (removed and added in one command)."""
        old = dept_db.get_department(self.ctx.db, department_id).aliases
        removed = [a for a in old if a not in aliases]
        added = [a for a in aliases if a not in old]
        if not removed and not added:
            return False

        def operation(db: Database) -> None:
            for alias in removed:
                dept_db.remove_alias(db, department_id, alias)
            for alias in added:
                dept_db.add_alias(db, department_id, alias)

        return self._execute(self.tr("Change aliases"), operation)

    def move_department(self, department_id: int, step: int, shown: Sequence[int]) -> bool:
        """Swap with the department shown ``step`` rows away (retired ones hidden between
        keep their place in the official order)."""
        everything = [d.id for d in dept_db.list_departments(self.ctx.db, include_retired=True)]
        order = moved_order(everything, shown, department_id, step)
        return order is not None and self._execute(
            self.tr("Move department"), lambda db: dept_db.reorder_departments(db, order)
        )

    def toggle_department_retired(self, dept: Department) -> bool:
        if dept.merged_into_id is not None:  # a merge is taken back by undo
            return False
        text = self.tr("Retire department") if dept.active else self.tr("Reactivate department")
        return self._execute(
            text, lambda db: dept_db.set_department_active(db, dept.id, not dept.active)
        )

    def merge_department(self, source: Department) -> int | None:
        """Ask which active department takes ``source`` over, confirm, merge; the id of the
        department that remains, or None."""
        if not source.active:
            return None
        targets = [d for d in dept_db.list_departments(self.ctx.db) if d.id != source.id]
        if not targets:
            return None
        prompts = self.ctx.prompts
        choice = prompts.ask_choice(
            self.tr("Merge department"),
            fill(self.tr("Merge “%1” into:"), source.name),
            [d.name for d in targets],
        )
        if choice is None or not 0 <= choice < len(targets):
            return None
        target = targets[choice]
        question = fill(
            self.tr(
                "Merge “%1” into “%2”?\n\nThe tasks assigned to “%1” and its leader move to "
                "“%2”, and “%1” becomes another name (alias) of “%2”, so plans that still "
                "use it keep matching. Undo takes the merge back."
            ),
            source.name,
            target.name,
        )
        if not prompts.confirm(self.tr("Merge departments"), question, destructive=True):
            return None
        done = self._execute(
            fill(self.tr("Merge %1 into %2"), source.name, target.name),
            lambda db: dept_db.merge_departments(db, source.id, target.id),
            department_ids=[source.id, target.id],
        )
        return target.id if done else None

    # -- leaders ----------------------------------------------------------------------------

    def add_leader(self) -> int | None:
        """Ask for a name, then a title (may be empty); None when cancelled or refused."""
        title = self.tr("Add leader")
        prompts = self.ctx.prompts
        name = prompts.ask_text(title, self.tr("Name of the leader:"))
        if not name or not name.strip():
            return None
        job = prompts.ask_text(title, self.tr("Title, e.g. 副局长 (may be empty):"))
        if job is None:
            return None
        added: list[Leader] = []
        if not self._execute(
            title, lambda db: added.append(leader_db.add_leader(db, name, title=job))
        ):
            return None
        return added[0].id

    def paste_leaders(self) -> list[int]:
        """Ask for a pasted list and add it (see ``add_leader_list``)."""
        return self._paste(
            self.tr("Paste leaders"),
            self.tr(
                "One leader per line: the name and the title, separated by a space or a "
                "comma. To give the departments supervised too, separate with |: "
                "name | title | departments (separated by 、). Leaders already listed are "
                "skipped."
            ),
            "张建国 局长\n陈静，党委副书记\n李明 | 副局长 | 基础教育处、教师工作处",
            self.add_leader_list,
        )

    def add_leader_list(self, text: str) -> list[int] | None:
        """Every new leader of a list, in order, as one command; the ids added. A line that
        cannot be read is shown and nothing is added: None."""
        return self._add_list(
            text, parse_leader_list, add_leader_entries,
            lambda n: self.tr("Add %n leader(s)", "", n),
            self.tr("Paste leaders"), self.tr("All these leaders are already listed."),
        )  # fmt: skip

    def edit_leader(self, leader_id: int, column: int, text: str) -> bool:
        """A cell typed in the leader table: the name or the title."""
        try:
            leader = leader_db.get_leader(self.ctx.db, leader_id)
        except NotFound:
            return False
        if column == COL_LEADER_NAME:
            return self._execute(
                self.tr("Rename leader"), lambda db: leader_db.rename_leader(db, leader_id, text)
            )
        if column == COL_LEADER_TITLE:
            return self.set_leader_title(leader, text)
        return False

    def set_leader_title(self, leader: Leader, title: str) -> bool:
        title = " ".join(title.split())
        if title == leader.title:
            return False
        return self._execute(
            fill(self.tr("Change the title of %1"), leader.name),
            lambda db: leader_db.set_leader_title(db, leader.id, title),
        )

    def edit_leader_departments(self, leader: Leader) -> bool:
        """Ask which departments ``leader`` supervises (a checklist of the active ones, and
        retired ones already chosen so they can be unticked), and set them."""
        departments = [
            d
            for d in dept_db.list_departments(self.ctx.db, include_retired=True)
            if d.active or d.id in leader.department_ids
        ]
        labels = [
            d.name if d.active else fill(self.tr("%1 (retired)"), d.name) for d in departments
        ]
        current = [i for i, d in enumerate(departments) if d.id in leader.department_ids]
        ticked = self.ctx.prompts.ask_checklist(
            self.tr("Departments supervised"),
            fill(self.tr("Departments %1 supervises:"), leader.name),
            labels,
            current,
        )
        if ticked is None:
            return False
        ids = [departments[i].id for i in ticked if 0 <= i < len(departments)]
        if sorted(ids) == sorted(leader.department_ids):
            return False
        return self._execute(
            fill(self.tr("Change departments supervised by %1"), leader.name),
            lambda db: leader_db.set_leader_departments(db, leader.id, ids),
        )

    def move_leader(self, leader_id: int, step: int, shown: Sequence[int]) -> bool:
        order = moved_order(shown, shown, leader_id, step)
        return order is not None and self._execute(
            self.tr("Move leader"), lambda db: leader_db.reorder_leaders(db, order)
        )

    def toggle_leader_retired(self, leader: Leader) -> bool:
        text = self.tr("Retire leader") if leader.active else self.tr("Reactivate leader")
        return self._execute(
            text, lambda db: leader_db.set_leader_active(db, leader.id, not leader.active)
        )

    # -- lists ------------------------------------------------------------------------------

    def _paste(
        self, title: str, label: str, placeholder: str, add: Callable[[str], list[int] | None]
    ) -> list[int]:
        """Ask for a list until it is added or the clerk cancels: a list that cannot be
        read, or is refused, comes back as it was typed, to be corrected."""
        if not self.ctx.writable():
            return []
        text = ""
        while True:
            answer = self.ctx.prompts.ask_pasted_list(title, label, placeholder, text)
            if answer is None:
                return []
            added = add(answer)
            if added is not None:
                return added
            text = answer

    def _add_list(
        self,
        text: str,
        parse: Callable[[str], Sequence[object]],
        add: Callable[[Database, Sequence[object]], ListResult],
        command_text: Callable[[int], str],
        title: str,
        nothing_new: str,
    ) -> list[int] | None:
        """Read a list and add it as one command named after what it really adds, and say
        which names were already listed. None: a line cannot be read, or the list was
        refused (said; nothing added; the clerk may correct the list)."""
        try:
            entries = parse(text)
        except ListLineError as exc:
            self._refuse_line(title, exc)
            return None
        if not any(not self._listed(e) for e in entries):
            if entries:
                self.ctx.prompts.show_info(title, nothing_new)
            return []
        result = ListResult()

        def operation(db: Database) -> None:
            nonlocal result
            result = add(db, entries)
            command.setText(command_text(len(result.added)))

        command = DirectoryCommand(self.ctx, title, operation)
        if not self.ctx.execute(command):
            return [] if self.ctx.read_only else None
        if result.skipped:
            self.ctx.prompts.show_info(
                title,
                fill(
                    self.tr("Added: %1. Already listed, so left as they were: %2."),
                    "、".join(x.name for x in result.added),
                    "、".join(result.skipped),
                ),
            )
        return [x.id for x in result.added]

    def _listed(self, entry: object) -> bool:
        name = getattr(entry, "name", "")
        if hasattr(entry, "short_name"):
            return dept_db.find_department(self.ctx.db, name, include_retired=True) is not None
        return leader_db.find_leader(self.ctx.db, name) is not None

    def _refuse_line(self, title: str, exc: ListLineError) -> None:
        reasons = {
            "too_many_parts": self.tr("A line holds at most three parts separated by |."),
            "no_name": self.tr("The line has no name before |."),
            "several_names": self.tr(
                "Write one department per line when a short name or other names follow it."
            ),
            "several_short_names": self.tr(
                "A department has one short name; put the other names in the third part."
            ),
            "not_a_name": self.tr(
                "This does not look like a department name: it is too long or a sentence."
            ),
            "name_and_title": self.tr(
                "The name cannot be told from the title: separate them with a space, a comma "
                "or |, as in “李明 副局长”."
            ),
        }
        sentence = self.tr(
            "Line %1 cannot be read: %2\n\n“%3”\n\nNothing was added. Correct the line and "
            "try again."
        )
        reason = reasons.get(exc.kind, exc.reason)
        self.ctx.prompts.show_error(title, fill(sentence, str(exc.line), reason, exc.text))
