"""办理情况: the figures of a set of suggestions (a session's, a unit's) and the charts drawn from them.

Definitions, printed on the summary page as well:
- 按期答复率 = suggestions whose first reply came within the office's deadline after 交办 ÷ suggestions
  交办 (one not answered yet counts as not on time, so an unfinished session shows where it stands);
- 办理结果 and 满意度 are those of the final reply (after 重新办理, the second answer); the deputies'
  view of the first answer is counted apart (首次答复满意度);
- 满意率 = (满意 + 基本满意) ÷ suggestions whose deputies gave their view of the final reply.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...outputs import Bar, Chart
from .model import SATISFACTIONS, STATUSES, Suggestion, on_time

NOT_ASKED = "未征询"


def rate(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


@dataclass(frozen=True)
class Figures:
    total: int
    assigned: int
    replied: int
    in_time: int
    results: Counter             # final reply's result code -> count
    satisfaction: Counter        # final reply's satisfaction (or 未征询) -> count
    first_satisfaction: Counter  # first reply's satisfaction (or 未征询) -> count
    statuses: Counter
    categories: Counter
    supervised: int
    redone: int

    @property
    def late(self) -> int:
        return self.replied - self.in_time

    @property
    def unanswered(self) -> int:
        return self.assigned - self.replied

    @property
    def asked(self) -> int:
        return sum(n for k, n in self.satisfaction.items() if k != NOT_ASKED)

    @property
    def pleased(self) -> int:
        return self.satisfaction["满意"] + self.satisfaction["基本满意"]

    @property
    def in_time_rate(self) -> str:
        return rate(self.in_time, self.assigned)

    @property
    def pleased_rate(self) -> str:
        return rate(self.pleased, self.asked)

    @property
    def closed(self) -> int:
        return self.statuses["banjie"]


def figures(suggestions: list[Suggestion], months: int) -> Figures:
    return Figures(
        total=len(suggestions),
        assigned=sum(1 for s in suggestions if s.assigned),
        replied=sum(1 for s in suggestions if s.assigned and s.replies),
        in_time=sum(1 for s in suggestions if on_time(s, months)),
        results=Counter(s.final.result for s in suggestions if s.final),
        satisfaction=Counter((s.final.satisfaction or NOT_ASKED) for s in suggestions if s.final),
        first_satisfaction=Counter((s.replies[0].satisfaction or NOT_ASKED) for s in suggestions if s.replies),
        statuses=Counter(s.status for s in suggestions),
        categories=Counter(s.category for s in suggestions),
        supervised=sum(1 for s in suggestions if s.supervision),
        redone=sum(1 for s in suggestions if s.redone),
    )


def _chart(key: str, title: str, bars: list[Bar], caption: str, label: str = "类别") -> Chart:
    return Chart(f"chart-{key}", title, [b for b in bars if b.count], caption, unit="件", columns=(label, "件数"))


def charts(name: str, f: Figures, categories: list[str], results: list[tuple[str, str]],
           by_unit: list[tuple[str, int]]) -> list[tuple[str, Chart]]:
    """(heading, chart) of a session's summary: 件数 by category, 按期答复, results, 满意度, by unit."""
    satisfaction = SATISFACTIONS + [NOT_ASKED]
    out = [
        (
            "按类别",
            _chart(
                "category", f"{name}代表建议件数（按类别）", [Bar(c, f.categories[c]) for c in categories], "各类别件数"
            ),
        ),
        (
            "按期答复",
            _chart(
                "intime",
                f"{name}代表建议按期答复情况（按期答复率 {f.in_time_rate}）",
                [Bar("按期答复", f.in_time), Bar("逾期答复", f.late), Bar("尚未答复", f.unanswered)],
                "按期答复件数",
                "答复情况",
            ),
        ),
        (
            "办理结果",
            _chart(
                "result",
                f"{name}代表建议办理结果（以最终答复计）",
                [Bar(f"{code} 类（{label}）", f.results[code]) for code, label in results],
                "各类办理结果件数",
                "办理结果",
            ),
        ),
        (
            "满意度",
            _chart(
                "satisfaction",
                f"{name}代表对最终答复的意见（满意率 {f.pleased_rate}）",
                [Bar(k, f.satisfaction[k]) for k in satisfaction],
                "代表意见件数",
                "代表意见",
            ),
        ),
        (
            "首次答复满意度",
            _chart(
                "first",
                f"{name}代表对首次答复的意见",
                [Bar(k, f.first_satisfaction[k]) for k in satisfaction],
                "代表意见件数",
                "代表意见",
            ),
        ),
        (
            "按主办单位",
            _chart(
                "unit",
                f"{name}代表建议件数（按主办单位）",
                [Bar(unit, count) for unit, count in by_unit],
                "各单位主办件数",
                "主办单位",
            ),
        ),
    ]
    return [(heading, chart) for heading, chart in out if chart.bars]


def status_bars(f: Figures) -> list[Bar]:
    return [Bar(label, f.statuses[code]) for code, label in STATUSES.items() if f.statuses[code]]
