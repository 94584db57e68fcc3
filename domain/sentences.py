"""Splitting item text into task sentences.

A sentence ends at 。；！？ (and ; ! ?) that stand outside quotation marks, book-title
marks and brackets. Every character of the input lands in exactly one sentence:
``"".join(split_sentences(t)) == t`` always holds, so nothing is lost.
"""

from __future__ import annotations

TERMINATORS = frozenset("。；！？;!?")
OPENERS = "“‘「『《〈（(【〔[｛{"
CLOSERS = "”’」』》〉）)】〕]｝}"
CLOSER_FOR = dict(zip(OPENERS, CLOSERS, strict=True))
# What may trail a terminator and still belong to the sentence it ends.
TRAILING = frozenset(CLOSERS) | {" ", "\t", "\u3000", "…"}


def _matched_openers(text: str) -> set[int]:
    """Positions of openers that are closed later; a stray "（" must not swallow the rest."""
    stack: list[int] = []
    matched: set[int] = set()
    for i, ch in enumerate(text):
        if ch in CLOSER_FOR:
            stack.append(i)
        elif ch in CLOSER_FOR.values():
            for depth in range(len(stack) - 1, -1, -1):
                if CLOSER_FOR[text[stack[depth]]] == ch:
                    matched.add(stack[depth])
                    del stack[depth:]
                    break
    return matched


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, keeping every character (terminators included)."""
    if not text:
        return []
    matched = _matched_openers(text)
    pieces: list[str] = []
    stack: list[str] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in CLOSER_FOR and i in matched:
            stack.append(CLOSER_FOR[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif ch in TERMINATORS and not stack:
            end = i + 1
            # Unmatched closers right after it ("。）") close nothing; they stay here.
            while end < n and (text[end] in TERMINATORS or text[end] in TRAILING):
                end += 1
            pieces.append(text[start:end])
            start = end
            i = end
            continue
        i += 1
    if start < n:
        pieces.append(text[start:])
    return _attach_fragments(pieces)


def _attach_fragments(pieces: list[str]) -> list[str]:
    """Fold pieces that are not sentences of their own into their neighbour.

    A trailing "（责任单位：…）" or a lone closing mark belongs to the sentence before it.
    """
    out: list[str] = []
    for piece in pieces:
        core = piece.strip()
        if out and (not _has_words(core) or _is_bracketed_note(core)):
            out[-1] += piece
        else:
            out.append(piece)
    # A leading fragment without words (rare: text that starts with "。") joins the next.
    if len(out) > 1 and not _has_words(out[0].strip()):
        out[1] = out[0] + out[1]
        del out[0]
    return out


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _is_bracketed_note(text: str) -> bool:
    """A whole piece inside one pair of brackets: a note on the sentence before it."""
    if len(text) < 2 or text[0] not in "（(【[〔" or CLOSER_FOR.get(text[0]) != text[-1]:
        return False
    return _matched_openers(text) >= {0} and _closes_at_end(text)


def _closes_at_end(text: str) -> bool:
    depth = 0
    for i, ch in enumerate(text):
        if ch == text[0]:
            depth += 1
        elif ch == text[-1]:
            depth -= 1
            if depth == 0 and i != len(text) - 1:
                return False
    return depth == 0
