"""Fill a Qt .ts file from a table of translations (used when strings are added).

    python tools/fill_translations.py qtapp/i18n/duban_zh_CN.ts TABLE.py

TABLE.py defines ZH = {english: chinese} and optionally CONTEXT = {(context, english):
chinese}. Messages already translated are left alone; the script prints what is still
missing, so a run ends with nothing unfinished.
"""

from __future__ import annotations

import runpy
import sys

from lxml import etree


def fill(ts_path: str, table_path: str) -> list[str]:
    table = runpy.run_path(table_path)
    plain: dict[str, str] = table["ZH"]
    by_context: dict[tuple[str, str], str] = table.get("CONTEXT", {})
    tree = etree.parse(ts_path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation.get("type") not in ("unfinished", None):
                continue
            if translation.get("type") is None and (translation.text or len(translation)):
                continue
            text = by_context.get((name, source), plain.get(source))
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            forms = translation.findall("numerusform")
            if message.get("numerus") == "yes":
                if not forms:
                    forms = [etree.SubElement(translation, "numerusform")]
                for form in forms:  # Chinese has one plural form
                    form.text = text
            else:
                translation.text = text
            translation.attrib.pop("type", None)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE TS>")
    return missing


if __name__ == "__main__":
    left = fill(sys.argv[1], sys.argv[2])
    for line in left:
        print("untranslated:", line)
    sys.exit(1 if left else 0)
