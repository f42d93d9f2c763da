"""Bar charts drawn at build time as inline SVG, each with its data table beside it.

Plain string building: a horizontal bar chart is a few rectangles and labels, and a library would add a
dependency for no gain. Every data string goes through `escape` below. No script, no external file.

Accessibility: the <svg> is role="img", named by its <title> and described by a <desc> that reads out
every figure (aria-labelledby / aria-describedby); the table next to it is the full equivalent for
screen readers and for anyone who prefers numbers. Bars are one dark red (7.7:1 against white, far above
the 3:1 that WCAG 1.4.11 asks of graphics), labels use the page's text colour, and meaning never rests
on colour. Each label sits on its own line above its bar, so long names (代表团) need no truncation, and
the drawing is 360 units wide — about the width of a phone — scaled by viewBox to the column width.
"""
from __future__ import annotations

import html
import re

from markupsafe import Markup

from ..outputs import Bar

_WHITESPACE = re.compile(r"\s+")


def escape(value: object) -> str:
    """HTML-escaped, on one line: the chart is a raw HTML block inside Markdown, and a blank line in a
    label would end that block and hand the rest of the label to the Markdown parser."""
    return html.escape(_WHITESPACE.sub(" ", str(value)).strip())


WIDTH = 360
ROW = 48                 # label line + bar
BAR_HEIGHT = 18
VALUE_ROOM = 118         # right of the longest bar: "123 名（45.6%）"
BAR_COLOUR = "#a3191e"


def percent(count: int, total: int) -> str:
    return f"{count * 100 / total:.1f}%" if total else "0.0%"


def bar_chart(chart_id: str, title: str, bars: list[Bar], caption: str | None = None, unit: str = "名",
              columns: tuple[str, str] = ("类别", "人数")) -> Markup:
    """An SVG bar chart and its data table (captioned `caption`, short so it fits beside), as one HTML block."""
    total = sum(bar.count for bar in bars)
    most = max((bar.count for bar in bars), default=0) or 1
    height = ROW * len(bars) + 8
    summary = "；".join(f"{bar.label} {bar.count} {unit}，占 {percent(bar.count, total)}" for bar in bars)
    rows = []
    for index, bar in enumerate(bars):
        top = index * ROW
        length = round(bar.count / most * (WIDTH - VALUE_ROOM), 1)
        rows.append(
            f'<text x="0" y="{top + 18}">{escape(bar.label)}</text>'
            f'<rect x="0" y="{top + 26}" width="{max(length, 1)}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"></rect>'
            f'<text x="{max(length, 1) + 6}" y="{top + 40}">'
            f"{bar.count} {escape(unit)}（{percent(bar.count, total)}）</text>"
        )
    svg = (f'<svg class="rd-chart__svg" role="img" aria-labelledby="{chart_id}-title" '
           f'aria-describedby="{chart_id}-desc" '
           f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg" '
           f'fill="currentColor" font-size="15">'
           f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(summary)}</desc>'
           + "".join(rows) + "</svg>")
    body = "".join(f"<tr><th scope=\"row\">{escape(bar.label)}</th><td>{bar.count}</td>"
                   f"<td>{percent(bar.count, total)}</td></tr>" for bar in bars)
    table = (
        f"<table><caption>{escape(caption or title)}</caption>"
        f'<thead><tr><th scope="col">{escape(columns[0])}</th><th scope="col">{escape(columns[1])}</th><th '
        'scope="col">占比</th></tr></thead>'
        f'<tbody>{body}</tbody><tfoot><tr><th scope="row">合计</th><td>{total}</td><td>{percent(total, total)}</td>'
        f"</tr></tfoot></table>"
    )
    # One line per element and no blank line: Markdown keeps the whole block as raw HTML.
    return Markup(f'<div class="rd-chart" id="{chart_id}">\n<div class="rd-chart__figure">{svg}</div>\n{table}\n</div>')
