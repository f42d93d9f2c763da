"""Import results on the test fixtures: headings found, furniture removed, hard-wrapped lines joined,
paragraphs compared with the hand-checked expected bodies (tests/fixtures/import/*.expected.md), debris
left in the body (a block that shares no text with the expected body), and the repairs, removals and
damage the report names.

    .venv/bin/python bench/import_fixtures.py
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from renda_site.editors.importer import convert  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "import"


def blocks(markdown: str) -> list[str]:
    return [b.strip() for b in markdown.split("\n\n") if b.strip()]


def merged(block: str, parts: list[str]) -> int:
    """If `block` is two or more consecutive `parts` glued together, how many boundaries it hides."""
    for start in range(len(parts)):
        text = ""
        for end in range(start, len(parts)):
            text += parts[end]
            if text == block and end > start:
                return end - start
            if not block.startswith(text):
                break
    return 0


def plain(block: str) -> str:
    return re.sub(r"\s|\\\\|\*\*|^#+ ", "", block)


def debris(got: list[str], expected: list[str]) -> list[str]:
    """Output blocks that are no part of the expected body (wrongly joined or split paragraphs are)."""
    whole = "".join(plain(b) for b in expected)
    return [b for b in got if plain(b) not in whole]


def main() -> int:
    for source in sorted(FIXTURES.glob("*.txt")):
        front, body, report = convert(source)
        expected = blocks((FIXTURES / (source.stem + ".expected.md")).read_text(encoding="utf-8"))
        got = blocks(body)
        correct = sum(1 for b in expected if b in got)
        wrong = sum(merged(b, expected) for b in got if b not in expected)     # paragraphs glued together
        missed = sum(merged(b, got) for b in expected if b not in got)         # a paragraph left in pieces
        levels = ", ".join(f"h{level}: {n}" for level, n in sorted(report.headings.items()))
        print(f"{source.name}")
        print(f"  metadata: title={front['title']!r} body={front['source']!r} "
              f"doc_no={(front.get('disclosure') or {}).get('doc_no')!r} date={front['date']}")
        print(f"  headings: {levels}; run-in (bold lead) {report.run_in_headings}")
        print(f"  removed: page markers {len(report.page_markers)}, running headers/footers "
              f"{len(report.repeated_lines)}, watermark/advert/web chrome {len(report.noise_lines)}")
        print(f"  joins: made {report.joins}, wrong {wrong}, missed {missed} "
              f"(needed {report.joins - wrong + missed}); tables {report.tables}, attachments {report.attachments}")
        print(f"  paragraphs identical to expected: {correct}/{len(expected)}; debris blocks left: "
              f"{len(debris(got, expected))}")
        removed = ", ".join(f"{kind} {len(lines)}" for kind, lines in report.chrome.items()) or "none"
        print(f"  reported: repairs {len(report.repairs)}, page leftovers by kind ({removed}), "
              f"paragraphs rejoined at page markers {report.page_joins}, damage left for the editor "
              f"{len(report.damage)}")
        for line in report.repairs + report.damage:
            print(f"    {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
