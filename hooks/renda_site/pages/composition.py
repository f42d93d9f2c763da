from __future__ import annotations

import datetime
from collections import Counter

from .. import urls
from ..charts import Bar, bar_chart
from ..site import Seat
from .base import PageKind

AGE_BANDS = [(35, "35岁及以下"), (45, "36至45岁"), (55, "46至55岁"), (200, "56岁及以上")]
UNKNOWN = "未填写"


def age_at(birth: str, day: datetime.date) -> int:
    """Whole years on `day` for a birth given as YYYY-MM[-DD]; a month alone counts from its first day."""
    year, month = int(birth[:4]), int(birth[5:7])
    birth_day = int(birth[8:10]) if len(birth) >= 10 else 1
    return day.year - year - ((day.month, day.day) < (month, birth_day))


def age_band(birth: str | None, day: datetime.date) -> str:
    if not birth:
        return UNKNOWN
    age = age_at(birth, day)
    return next(label for limit, label in AGE_BANDS if age <= limit)


def counted(values: list[str], order: list[str] | None = None) -> list[Bar]:
    """Bars in a fixed order when given (gender, age), else most frequent first; 未填写 always last."""
    counts = Counter(values)
    if order:
        keys = [k for k in order if counts[k]]
    else:
        keys = sorted((k for k in counts if k != UNKNOWN), key=lambda k: (-counts[k], k))
    keys += [UNKNOWN] if counts[UNKNOWN] and UNKNOWN not in keys else []
    return [Bar(k, counts[k]) for k in keys]


class CompositionPages(PageKind):
    """代表构成: one page per term, charts of gender, ethnicity, party, age band and 代表团/小组.

    Counted: the term's deputies whose membership did not end early (still serving, or served to the
    end of the term), including those elected during the term. Those who left early are counted
    separately, by reason, below the charts — so the charts match the roster's "现有代表".
    """

    template = "composition.md.j2"

    def charts(self, term, seats: list[Seat]) -> list[tuple[str, object]]:
        deputies = [s.deputy for s in seats]
        groups = sorted({s.group for s in seats if s.group}, key=lambda g: (g.kind, g.id))
        specs = [
            ("性别", "gender", "代表性别构成", counted([d.gender for d in deputies], ["男", "女"])),
            ("民族", "ethnicity", "代表民族构成", counted([d.ethnicity or UNKNOWN for d in deputies])),
            ("政治面貌", "party", "代表政治面貌构成", counted([d.party or UNKNOWN for d in deputies])),
            ("年龄", "age", "代表年龄构成（按本届开始日计算）",
             counted([age_band(d.birth, term.start) for d in deputies], [b for _, b in AGE_BANDS])),
            ("代表团（代表小组）", "group", "代表按代表团（代表小组）分布",
             counted([s.group.name if s.group else "未编入代表团" for s in seats], [g.name for g in groups] + ["未编入代表团"])),
        ]
        return [(heading, bar_chart(f"chart-{key}", term.name + title, bars, f"{heading}数据表"))
                for heading, key, title, bars in specs]

    def contexts(self):
        terms = list(reversed(self.site.terms))
        for term in terms:
            seats = self.site.seats_by_term.get(term.id, [])
            serving = [s for s in seats if not s.ended_early]
            left = Counter(s.membership.end_reason or "其他" for s in seats if s.ended_early)
            yield urls.composition(term.id), "data/deputies", {
                "term": term, "terms": terms, "serving": len(serving), "left": sorted(left.items()),
                "left_total": sum(left.values()), "charts": self.charts(term, serving)}
