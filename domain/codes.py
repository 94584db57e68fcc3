"""Task codes (序号) as the clerk types them: "4-2", "2.4-1", "1.2.1-10", or "4-" for every
task of item 4 — one matcher for the window's search and the command line."""

from __future__ import annotations

import re
import unicodedata

_CODE = re.compile(r"^\d+(?:\.\d+)*-\d*$")


def code_query(text: str) -> str | None:
    """``text`` as a task code ("４－２" → "4-2"), or None when it is not one."""
    folded = unicodedata.normalize("NFKC", text).strip().replace("－", "-").replace("—", "-")
    return folded if _CODE.match(folded) else None


def code_matches(code: str, query: str) -> bool:
    """Whether ``code`` is the task ``query`` names: exactly that task ("1.1.1-1" is not
    "1.1.1-10"), or every task of an item when the query ends with "-" ("4-", not "14-")."""
    return code == query or (query.endswith("-") and code.startswith(query))
