"""Make docs/assets/js/t2s.txt, the traditional→simplified table the search box converts a query with
(search.js `simplified`): every character OpenCC's t2s conversion changes, as pairs 繁简繁简…

The table is made once and committed (the build does not need OpenCC): regenerate it with
`PYTHONPATH=hooks .venv/bin/python -m renda_site.publish.t2s_table` after upgrading opencc;
tests/test_search.py checks that the committed file equals what this makes.
"""
from __future__ import annotations

import sys
from pathlib import Path

TABLE = Path(__file__).resolve().parents[3] / "docs" / "assets" / "js" / "t2s.txt"
BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))   # the CJK blocks search_words.py cuts


def pairs() -> str:
    import opencc
    converter = opencc.OpenCC("t2s")
    out = []
    for low, high in BLOCKS:
        for code in range(low, high):
            char = chr(code)
            simple = converter.convert(char)
            if simple != char and len(simple) == 1:
                out.append(char + simple)
    return "".join(out) + "\n"


def main() -> int:
    TABLE.write_text(pairs(), encoding="utf-8")
    print(f"{TABLE}: {TABLE.stat().st_size:,d} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
