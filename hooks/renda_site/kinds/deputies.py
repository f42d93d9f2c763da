"""人大代表: one file per person (data/deputies/<id>.yaml), people-first, with every term served.

Pages: a profile per deputy (with whatever other kinds say about them, through their relations), the
代表风采 section page and one roster per term by 代表团/小组, and a composition page per term with charts.
"""
from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from .. import address
from ..input.sources import DataSource
from ..model.kind import Draft, OpenDataSet, RecordKind, Scaffold
from ..model.records import DocsPath, Id, LongText, Record, Text, YearMonth
from ..model.references import RefTo
from ..model.relations import BELONGS_TO, Relation
from ..outputs import Bar, Chart, HomeBlock, Link, PageSpec, SearchHint, Section, SiteMapGroup, crumb
from .groups import NAME as GROUPS, GroupId
from .terms import NAME as TERMS, TermId, current_term

NAME = "deputies"                  # the kind's registry name, its data folder's name
DeputyId = Annotated[Id, RefTo(NAME)]   # a field holding the id of a 代表

Gender = Literal["男", "女"]
EndReason = Literal["届满", "辞职", "罢免", "调离", "去世", "资格终止"]

INDEX = address.DEPUTY_INDEX


class Membership(Record):
    model_config = ConfigDict(title="任职记录")
    term: TermId = Field(description="届次编号")
    group: GroupId | None = Field(default=None, description="所在代表团或代表小组的编号")
    constituency: Text | None = Field(default=None, description="选区或选举单位")
    position: Text | None = Field(default=None, description="工作单位及职务")
    roles: list[Text] = Field(default_factory=list, description="在人大的职务，如 县人大常委会委员")
    start: datetime.date | None = Field(default=None, description="开始日期；留空时为本届开始日期")
    end: datetime.date | None = Field(default=None, description="提前终止的日期；任期届满时留空")
    end_reason: EndReason | None = Field(default=None, description="提前终止的原因")


class Deputy(Record):
    model_config = ConfigDict(title="人大代表")
    id: Id = Field(description="稳定编号，如 d0001；不随姓名变化，不重复使用")
    name: Text = Field(description="姓名")
    other_names: list[Text] = Field(default_factory=list, description="曾用名")
    gender: Gender = Field(description="性别")
    ethnicity: Text | None = Field(default=None, description="民族")
    birth: YearMonth | None = Field(default=None, description="出生年月，如 \"1975-03\"")
    party: Text | None = Field(default=None, description="政治面貌")
    education: Text | None = Field(default=None, description="学历")
    photo: DocsPath | None = Field(default=None, description="照片，docs/ 下的路径")
    bio: LongText | None = Field(default=None, description="简介（Markdown）")
    memberships: list[Membership] = Field(min_length=1, description="各届任职情况")


@dataclass(frozen=True)
class Seat:
    """One membership of one deputy, with its term and group resolved."""

    deputy: Deputy
    membership: Membership
    term: Any                   # a terms record, a groups record: kinds know each other by name only
    group: Any | None

    @property
    def start(self) -> datetime.date:
        return self.membership.start or self.term.start

    @property
    def end(self) -> datetime.date | None:
        return self.membership.end or self.term.end

    @property
    def ended_early(self) -> bool:
        return self.membership.end is not None


@dataclass(frozen=True)
class Seats:
    by_term: dict[str, list[Seat]]
    by_deputy: dict[str, list[Seat]]      # oldest first


def _overlap(a: Membership, b: Membership, term) -> bool:
    """Whether two memberships of one term share a day; open ends run to the end of the term."""
    first = term.start if term else datetime.date.min
    last = term.end if term and term.end else datetime.date.max
    return (a.start or first) <= (b.end or last) and (b.start or first) <= (a.end or last)


# 代表构成: age bands, counted values
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


def composition_page(term) -> str:
    return address.composition(term.id)


def archive(sections: list, terms: list) -> Section | None:
    """履职档案: what the tables on a deputy's page count, per term (newest first) — whatever kinds put
    there through their relations, each thing under the label its section gives it. A row per thing, a
    column per term: narrow enough for a phone."""
    labels: list[str] = []
    per_term: dict[str, Counter] = defaultdict(Counter)
    for section in sections:
        for term, label in section.counts:
            if label not in labels:
                labels.append(label)
            per_term[term][label] += 1
    served = [t for t in terms if t.id in per_term]
    if not served:
        return None
    return Section("履职档案", ("履职事项", *(t.name for t in served)),
                   [(label, *(per_term[t.id][label] for t in served)) for label in labels])


DEPUTY_FIELDS = [("id", None), ("name", None), ("other_names", None), ("gender", None), ("ethnicity", None),
                 ("birth", "出生年月，格式为 年-月，如 1975-03"), ("party", None), ("education", None),
                 ("photo", "照片地址"), ("bio", "简介（Markdown 文本）"), ("url", "代表个人页面地址"),
                 ("memberships", "各届任职情况（列表），每项的字段见下表")]
MEMBERSHIP_FIELDS = [
    ("term", "届次，如 第十八届"),
    ("group", "代表团或代表小组"),
    ("constituency", None),
    ("position", None),
    ("roles", "在人大的职务（列表）"),
    ("start", "任期开始日期"),
    ("end", "任期结束日期；尚在任期内时为空"),
    ("end_reason", "提前终止代表资格的原因；任期届满时为空"),
]
DEPUTY_CSV = ["id", "name", "other_names", "gender", "ethnicity", "birth", "party", "education",
              *[key for key, _ in MEMBERSHIP_FIELDS], "url"]


def _deputy_rows(deputies: list[dict]):
    for deputy in deputies:                        # one row per term served
        for membership in deputy["memberships"]:
            yield {**{k: deputy[k] for k in DEPUTY_CSV if k in deputy}, **membership}


class DeputiesKind(RecordKind):
    name = NAME
    label = "代表"
    sources = (
        DataSource(NAME, Deputy, "data/deputies", "files", "deputy", "人大代表（data/deputies/<编号>.yaml）"),
    )
    id_matches_file = True
    section = (address.DEPUTIES, "代表风采")
    relations = (
        Relation(BELONGS_TO, "届次", ("memberships.*.term",)),
        Relation(BELONGS_TO, "代表团/小组", ("memberships.*.group",)),
    )
    open_data = (OpenDataSet(
        "deputies", "人大代表", "人大代表：每人一项，含各届任职情况和简介", DEPUTY_FIELDS, Deputy,
        nested=[("memberships", "代表各届任职", Membership, MEMBERSHIP_FIELDS)],
        csv_summary="人大代表：每人每届一行（不含简介）", csv_columns=DEPUTY_CSV, csv_rows=_deputy_rows,
        csv_note="`deputies.csv` 每行是一位代表在一届中的任职，列为代表的各项字段（不含 `photo`、`bio`、`memberships`）"
                 "和该届任职的各项字段。",
        notes=["代表编号（`id`）长期不变，不随姓名变化，可用于关联不同文件中的同一位代表（任免事项中的 `deputy`）。"]),)
    scaffold = Scaffold("deputy", "新建代表 data/deputies/<新编号>.yaml", Deputy,
                        [("--name", {"default": "", "help": "姓名"})],
                        example_args=("--name", "郑晓雯"),
                        example={"gender": "女", "ethnicity": "汉族", "birth": "1983-09", "party": "群众",
                                 "memberships": [{"group": "t18-shimen", "constituency": "石门乡第二选区",
                                                  "position": "石门乡中心小学教师"}]})

    def file_of(self, key: str) -> str:
        return f"data/deputies/{key}.yaml"

    def order(self, records):
        return sorted(records, key=lambda d: d.id)

    def page(self, deputy) -> str:
        return address.deputy(deputy.id)

    def title(self, deputy, catalog) -> str:
        return deputy.name

    def check(self, checker) -> None:
        for deputy in checker.records(self.name):
            self._check(deputy, checker)

    def _check(self, deputy: Deputy, checker) -> None:
        checker.markdown(deputy, ("bio",), deputy.bio)
        if deputy.photo:
            checker.docs_file(deputy, ("photo",), deputy.photo, "照片", (".jpg", ".jpeg", ".png", ".webp", ".svg"))
        else:
            checker.error(deputy, ("photo",), "没有照片", warning=True)
        if deputy.birth:
            born = datetime.date(int(deputy.birth[:4]), int(deputy.birth[5:7]), 1)
            # Measured from the first day served, not from today: an archive keeps the deputies of the
            # 1950s, born in the 1890s.
            terms = [checker.get(TERMS, m.term) for m in deputy.memberships]
            starts = [m.start or term.start for m, term in zip(deputy.memberships, terms, strict=True)
                      if m.start or term is not None]
            first = min(starts, default=checker.today)
            since = "开始任职" if starts else "今天"
            if born > checker.today:
                checker.error(deputy, ("birth",), f"出生年月「{deputy.birth}」晚于今天")
            elif born.year < first.year - 100:
                checker.error(deputy, ("birth",), f"出生年月「{deputy.birth}」不合理（比{since}早一百多年）")
        seen_terms: dict[str, list[int]] = {}
        for index, m in enumerate(deputy.memberships):
            loc = ("memberships", index)
            term = checker.get(TERMS, m.term)
            for other in seen_terms.get(m.term, []):
                if _overlap(m, deputy.memberships[other], term):
                    checker.error(deputy, loc + ("start",), f"与第 {other + 1} 条任职记录同属一届且时间重叠"
                                                            "（同一届中调整代表团时，前一条须填写 end）")
            seen_terms.setdefault(m.term, []).append(index)
            group = checker.get(GROUPS, m.group)
            if group is not None and group.term != m.term:
                checker.error(deputy, loc + ("group",), f"代表团/小组「{m.group}」属于第 {group.term} 届，不是第 "
                                                        f"{m.term} 届")
            start = m.start or (term.start if term else None)
            if m.end and start and m.end < start:
                checker.error(deputy, loc + ("end",), "结束日期早于开始日期")
            if term and m.start and (m.start < term.start or (term.end and m.start > term.end)):
                checker.error(deputy, loc + ("start",), f"开始日期不在{term.name}任期内")
            if m.end and not m.end_reason:
                checker.error(deputy, loc + ("end_reason",), "提前终止时须注明原因（辞职、罢免、调离、去世、资格终止）")
            if m.end_reason and not m.end and m.end_reason != "届满":
                checker.error(deputy, loc + ("end",), f"注明了终止原因「{m.end_reason}」但缺少结束日期")
            if deputy.birth and start and start.year - int(deputy.birth[:4]) < 18:
                checker.error(deputy, ("birth",), "按出生年月，任职开始时未满 18 周岁")

    def index(self, catalog) -> Seats:
        by_term: dict[str, list[Seat]] = defaultdict(list)
        by_deputy: dict[str, list[Seat]] = defaultdict(list)
        for deputy in catalog.records(self.name):
            for membership in deputy.memberships:
                seat = Seat(
                    deputy, membership, catalog.get(TERMS, membership.term), catalog.get(GROUPS, membership.group)
                )
                by_term[membership.term].append(seat)
                by_deputy[deputy.id].append(seat)
        return Seats(dict(by_term), {k: sorted(v, key=lambda s: s.start) for k, v in by_deputy.items()})

    # pages
    def pages(self, catalog):
        seats: Seats = catalog.index(self.name)
        terms = catalog.index(TERMS)
        serving_term = terms.current
        newest_first = terms.newest_first
        for deputy in catalog.records(self.name):
            mine = seats.by_deputy.get(deputy.id, [])
            current = next((s for s in mine if s.term is serving_term and not s.ended_early), None)
            last = current or (mine[-1] if mine else None)
            crumbs = (crumb(last.term.name + "代表名单", catalog.page(TERMS, last.term)),) if last else ()
            sections = catalog.sections_about(self.name, deputy.id)
            yield PageSpec(self.page(deputy), "deputy.md.j2", {
                "deputy": deputy, "seats": mine, "current": current, "index": INDEX, "sections": sections,
                "archive": archive(sections, newest_first)},
                deputy.origin.path, SearchHint(person=tuple(n for n in (deputy.name, *deputy.other_names) if n)),
                layout="record", crumbs=crumbs)
        if serving_term:
            yield PageSpec(INDEX, "deputy_index.md.j2", self._roster(catalog, serving_term, newest_first, True),
                           "data/deputies", SearchHint(skip=True), layout="listing")
        for term in newest_first:
            yield PageSpec(catalog.page(TERMS, term), "deputy_index.md.j2",
                           self._roster(catalog, term, newest_first, False), "data/deputies", SearchHint(),
                           layout="listing")
        for term in newest_first:
            yield PageSpec(
                composition_page(term),
                "composition.md.j2",
                self._composition(catalog, term, newest_first),
                "data/deputies",
                crumbs=(crumb(term.name + "代表名单", catalog.page(TERMS, term)),),
            )

    @staticmethod
    def _group_order(catalog) -> dict[str, int]:
        """代表团 and 代表小组 in the office's own order: as data/groups.yaml lists them."""
        return {g.id: i for i, g in enumerate(catalog.records(GROUPS))}

    def _roster(self, catalog, term, terms, is_section: bool) -> dict:
        seats = catalog.index(self.name).by_term.get(term.id, [])
        grouped = defaultdict(list)
        for seat in seats:
            grouped[seat.group].append(seat)
        order = sorted(grouped, key=lambda g: (g is None, self._group_order(catalog).get(g.id if g else "", 0)))
        groups = [(group, sorted(grouped[group], key=lambda s: s.deputy.id)) for group in order]
        return {
            "term": term,
            "groups": groups,
            "terms": terms,
            "is_section": is_section,
            "composition": composition_page,
            "total": len(seats),
            "ended": sum(1 for s in seats if s.ended_early),
        }

    def _composition(self, catalog, term, terms) -> dict:
        """Counted: the term's deputies whose membership did not end early (still serving, or served to the
        end of the term), including those elected during the term. Those who left early are counted
        separately, by reason, below the charts — so the charts match the roster's "现有代表"."""
        seats = catalog.index(self.name).by_term.get(term.id, [])
        serving = [s for s in seats if not s.ended_early]
        left = Counter(s.membership.end_reason or "其他" for s in seats if s.ended_early)
        deputies = [s.deputy for s in serving]
        groups = sorted({s.group for s in serving if s.group}, key=lambda g: self._group_order(catalog)[g.id])
        specs = [
            ("性别", "gender", "代表性别构成", counted([d.gender for d in deputies], ["男", "女"])),
            ("民族", "ethnicity", "代表民族构成", counted([d.ethnicity or UNKNOWN for d in deputies])),
            ("政治面貌", "party", "代表政治面貌构成", counted([d.party or UNKNOWN for d in deputies])),
            (
                "年龄",
                "age",
                "代表年龄构成（按本届开始日计算）",
                counted([age_band(d.birth, term.start) for d in deputies], [b for _, b in AGE_BANDS]),
            ),
            (
                "代表团（代表小组）",
                "group",
                "代表按代表团（代表小组）分布",
                counted(
                    [s.group.name if s.group else "未编入代表团" for s in serving],
                    [g.name for g in groups] + ["未编入代表团"],
                ),
            ),
        ]
        charts = [(heading, Chart(f"chart-{key}", term.name + title, bars, f"{heading}数据表"))
                  for heading, key, title, bars in specs]
        return {"term": term, "terms": terms, "serving": len(serving), "left": sorted(left.items()), "index": INDEX,
                "composition": composition_page, "left_total": sum(left.values()), "charts": charts}

    # open data: only what the pages show
    def project(self, dataset, deputy, catalog, urls) -> dict:
        memberships = [{
            "term": seat.term.name,
            "group": seat.group.name if seat.group else None,
            "constituency": seat.membership.constituency,
            "position": seat.membership.position,
            "roles": list(seat.membership.roles),
            "start": seat.start.isoformat(),
            "end": seat.end.isoformat() if seat.end else None,
            "end_reason": seat.membership.end_reason if seat.ended_early else None,
        } for seat in catalog.index(self.name).by_deputy.get(deputy.id, [])]
        return {
            "id": deputy.id, "name": deputy.name, "other_names": list(deputy.other_names),
            "gender": deputy.gender, "ethnicity": deputy.ethnicity,
            "birth": deputy.birth[:7] if deputy.birth else None,      # the page shows year and month only
            "party": deputy.party, "education": deputy.education,
            "photo": urls.file(deputy.photo) if deputy.photo else None,
            "bio": deputy.bio.strip() if deputy.bio else None,
            "url": urls.page(self.page(deputy)), "memberships": memberships,
        }

    def names(self, deputy):
        return (deputy.name, *deputy.other_names)

    def updated(self, deputy):
        """The last change of the deputy's terms of office (elected, ended early)."""
        days = [d for m in deputy.memberships for d in (m.start, m.end) if d is not None]
        return max(days) if days else None

    def serving(self, deputy, term, day=None):
        """The roles of the membership of `term` that covers `day` (any membership of the term without a day)."""
        for m in deputy.memberships:
            if m.term == term and (
                day is None or ((m.start is None or m.start <= day) and (m.end is None or day <= m.end))
            ):
                return tuple(m.roles)
        return None

    def popolo(self, catalog, popolo):
        """Each deputy a person; each term served a membership of the people's congress (with the 选区 as
        an area), of their group, and of the term's Standing Committee for each role held there (a post)."""
        committees = {g.term: g for g in catalog.records(GROUPS) if g.kind == "常委会"}
        persons, memberships, areas, posts = [], [], {}, {}
        for deputy in catalog.records(self.name):
            person = popolo.id(self.name, deputy.id)
            persons.append({"id": person, "name": deputy.name, "gender": {"男": "male", "女": "female"}[deputy.gender],
                            "other_names": [{"name": n, "note": "曾用名"} for n in deputy.other_names],
                            "birth_date": deputy.birth[:7] if deputy.birth else None,
                            "image": popolo.file(deputy.photo) if deputy.photo else None,
                            "links": popolo.links(self.page(deputy))})
            for seat in catalog.index(self.name).by_deputy.get(deputy.id, []):
                period = {"person_id": person, "legislative_period_id": popolo.id(TERMS, seat.term.id),
                          "start_date": seat.start.isoformat(), "end_date": seat.end.isoformat() if seat.end else None}
                area = popolo.id("areas", seat.membership.constituency) if seat.membership.constituency else None
                if area:
                    areas[area] = {"id": area, "name": seat.membership.constituency, "classification": "选区"}
                memberships.append({**period, "organization_id": popolo.assembly, "role": "代表", "area_id": area,
                                    "label": f"{seat.term.name}人大代表"})
                if seat.group:
                    memberships.append(
                        {**period, "organization_id": popolo.id(GROUPS, seat.group.id), "role": "成员"}
                    )
                committee = committees.get(seat.term.id)
                if committee is None:
                    continue
                for role in seat.membership.roles:
                    post = popolo.id("posts", f"{seat.term.id}/{role}")
                    posts[post] = {
                        "id": post,
                        "label": role,
                        "role": role,
                        "organization_id": popolo.id(GROUPS, committee.id),
                    }
                    memberships.append({**period, "organization_id": popolo.id(GROUPS, committee.id), "role": role,
                                        "post_id": post})
        return {
            "persons": persons,
            "memberships": memberships,
            "areas": list(areas.values()),
            "posts": list(posts.values()),
        }

    def sitemap(self, catalog):
        terms = catalog.index(TERMS).newest_first
        yield SiteMapGroup("代表和名录", [Link(INDEX, "代表风采")] +
                           [Link(catalog.page(TERMS, t), t.name + "人大代表名册") for t in terms])

    def home(self, catalog):
        """代表风采: the current term's numbers, the way into the roster and the composition."""
        term = catalog.index(TERMS).current
        if term is None:
            return
        serving = [s for s in catalog.index(self.name).by_term.get(term.id, []) if not s.ended_early]
        women = sum(1 for s in serving if s.deputy.gender == "女")
        groups = len({s.group.id for s in serving if s.group and s.group.kind == "代表团"})
        yield HomeBlock(address.DEPUTIES, "代表风采", Link(INDEX, "全部代表"), [], "deputies_home.md.j2", {
            "term": term, "serving": len(serving), "women": women, "groups": groups,
            "roster": Link(INDEX, f"{term.name}代表名单"), "composition": Link(composition_page(term), "代表构成")})

    def draft(self, editor, args) -> Draft:
        used = [
            int(m[1]) for p in (editor.root / "data/deputies").glob("d*.yaml") if (m := re.fullmatch(r"d(\d+)", p.stem))
        ]
        new_id = f"d{max(used, default=0) + 1:04d}"
        values = {"id": new_id, "name": args.name, "memberships": [{"term": current_term(editor).id}]}
        return Draft(
            f"data/deputies/{new_id}.yaml",
            f"人大代表 {new_id}。编号一经使用不再改变。填写标有（必填）的空白项；不知道的可选项保留 null。",
            values,
        )


KIND = DeputiesKind()

__all__ = ["KIND", "Deputy", "Membership", "Seat", "age_at", "age_band"]
