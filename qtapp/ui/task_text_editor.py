"""The selected task's text: its number, its item, the text to edit, split and merge."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.records import TaskRow
from qtapp.drafts import TEXT, DraftKey

TEXT_LINES = 4  # the text box shows this many lines; the item above it two


class TaskTextEditor(QGroupBox):
    save_requested = Signal(int, str)  # task id, new text
    split_requested = Signal(int, int)  # task id, character position
    merge_requested = Signal(int)
    edited = Signal()
    discarded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Task"))
        self._task: TaskRow | None = None
        self._restored = False
        self._editable = True
        line = self.fontMetrics().lineSpacing()
        self.heading = QLabel(self)
        self.heading.setObjectName("detailHeading")
        self.heading.setFixedHeight(line + 4)
        self.item = QLabel(self)
        self.item.setObjectName("detailItem")
        self.item.setWordWrap(True)
        self.item.setStyleSheet("color: #4b5563;")
        # Fixed heights: selecting another task never moves the tabs below.
        self.item.setFixedHeight(2 * line + 4)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("taskTextEdit")
        self.text.setFixedHeight(TEXT_LINES * line + 12)
        self.save = QPushButton(self.tr("Save text"), self)
        self.save.setObjectName("saveTextButton")
        self.discard_button = QPushButton(self.tr("Discard"), self)
        self.discard_button.setObjectName("discardTextButton")
        self.split = QPushButton(self.tr("Split at cursor"), self)
        self.split.setObjectName("splitButton")
        self.merge = QPushButton(self.tr("Merge with next"), self)
        self.merge.setObjectName("mergeButton")
        self.state = QLabel(self)
        self.state.setObjectName("textDraftLabel")
        self.state.setStyleSheet("color: #b45309;")
        buttons = QHBoxLayout()
        for widget in (self.save, self.discard_button, self.state):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.split)
        buttons.addWidget(self.merge)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.item)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

        self.text.textChanged.connect(self._changed)
        self.save.clicked.connect(self.request_save)
        self.discard_button.clicked.connect(self.discard)
        self.split.clicked.connect(
            lambda: self._task and self.split_requested.emit(self._task.id, self.cursor_position())
        )
        self.merge.clicked.connect(lambda: self._task and self.merge_requested.emit(self._task.id))
        self.show_task(None, "")

    def show_task(self, task: TaskRow | None, heading: str) -> None:
        """One task (None: none, with ``heading`` saying what is selected instead). The same
        task shown again keeps the text the clerk typed and has not saved."""
        keep = task is not None and self._task is not None and task.id == self._task.id
        keep = keep and self.draft_values() is not None
        self._task = task
        for widget in (self.text, self.split, self.merge):
            widget.setEnabled(task is not None)
        for widget in (self.split, self.merge):
            widget.setEnabled(task is not None and self._editable)
        if task is None:
            self.heading.setText(heading)
            self.item.setText("")
        else:
            self.heading.setText(self.tr("Task %1").replace("%1", task.code))
            self.item.setText(
                f"{task.section_label}{task.section_title}\n"
                f"{task.item_label}{task.item_title}".strip()
            )
            self.item.setToolTip(self.item.text())
        if not keep:
            self.text.blockSignals(True)
            self.text.setPlainText(task.text if task else "")
            self.text.blockSignals(False)
            self._restored = False
        self._changed(emit=False)

    def set_editable(self, on: bool) -> None:
        self._editable = on
        self.text.setReadOnly(not on)
        for widget in (self.split, self.merge):
            widget.setEnabled(on and self._task is not None)
        self._changed(emit=False)

    def cursor_position(self) -> int:
        return self.text.textCursor().position()

    def request_save(self) -> None:
        if self._task is not None and self.draft_values() is not None:
            self.save_requested.emit(self._task.id, self.text.toPlainText())

    def discard(self) -> None:
        self.text.setPlainText(self._task.text if self._task else "")
        self._restored = False
        self.discarded.emit()

    def _changed(self, emit: bool = True) -> None:
        dirty = self.draft_values() is not None
        self.save.setEnabled(dirty and self._editable)
        self.discard_button.setVisible(dirty)
        self.state.setText(
            ""
            if not dirty
            else self.tr("✎ Draft kept from before")
            if self._restored
            else self.tr("✎ Not saved")
        )
        if emit:
            self.edited.emit()

    # -- drafts ----------------------------------------------------------------------------

    def draft_key(self) -> DraftKey | None:
        return DraftKey(TEXT, (self._task.id,)) if self._task is not None else None

    def draft_values(self) -> dict[str, str] | None:
        if self._task is None:
            return None
        typed = self.text.toPlainText()
        return {"text": typed} if typed.strip() != self._task.text.strip() else None

    def apply_draft(self, values: dict[str, str]) -> None:
        self._restored = True
        self.text.setPlainText(str(values.get("text", "")))
