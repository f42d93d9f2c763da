"""常委会会议: one file per Standing Committee meeting (data/meetings/<term>-<number>.yaml).

Pages: one per meeting (dates, place, who presided, attendance, the agenda with each item's documents,
审议意见, adopted text, appointment list and vote, the bulletins that carry it, news), a listing per term
(the section page shows the current term) and a feed. Through relations: the pages a meeting adopted,
considered or was reported in name the meeting; its appointment list names it; each deputy's page lists
the meetings they presided over, attended or attended as invited deputy.
"""
from __future__ import annotations

from ... import address
from ...input.sources import DataSource
from ...model.kind import Draft, RecordKind, Scaffold
from ...model.relations import ADOPTS, BELONGS_TO, CONSIDERS, MENTIONS, PAGES, PUBLISHES, REPORTED_BY, Relation
from ...outputs import (
    FEED_LENGTH,
    Entry,
    Feed,
    HomeBlock,
    HomeItem,
    Link,
    PageSpec,
    SearchHint,
    Section,
    SiteMapGroup,
    crumb,
)
from ...text import cn_date
from ..appointments import NAME as APPOINTMENTS
from ..articles import NAME as ARTICLES
from ..terms import NAME as TERMS, current_term
from .exports import OPEN_DATA, popolo, project
from .model import NAME, Meeting, check_adopted_once, check_meeting, check_numbers, meeting_title, passed, short_title

SECTION = address.MEETINGS
INDEX = address.MEETING_INDEX
ROLES = {"presiding": "主持", "present_members": "出席", "invited_deputies": "列席"}


def term_page(term_id: str) -> str:
    return address.meetings_of_term(term_id)


def vote_text(meeting: Meeting, vote) -> str:
    verdict = "通过" if passed(meeting, vote) else "未通过"
    return f"赞成 {vote.in_favour} 票，反对 {vote.against} 票，弃权 {vote.abstain} 票，{verdict}"


def _cite_vote(catalog, ref) -> tuple[Link, str]:
    """«本文经……第十七次会议表决通过（2024年4月25日，赞成 24 票……）»."""
    m, item = ref.source, ref.holder
    note = cn_date(m.last_day) + ("，" + vote_text(m, item.vote) if item.vote else "")
    return Link(catalog.page(NAME, m), meeting_title(catalog, m)), note


def _cite(catalog, ref) -> tuple[Link, str]:
    return Link(catalog.page(NAME, ref.source), meeting_title(catalog, ref.source)), ref.detail


def _deputy_section(catalog, refs) -> Section:
    """常委会会议 on a deputy's page: one row per meeting, with every part the deputy had in it."""
    parts: dict[str, list[str]] = {}
    meetings = {}
    for ref in refs:
        meetings[ref.source.id] = ref.source
        parts.setdefault(ref.source.id, []).append(ref.detail)
    rows, counts = [], []
    for m in sorted(meetings.values(), key=lambda m: m.start):
        roles = parts[m.id]
        rows.append((Link(catalog.page(NAME, m), short_title(catalog, m)), cn_date(m.start), "、".join(roles)))
        if "主持" in roles:
            counts.append((m.term, "主持常委会会议"))
        counts.append((m.term, "列席常委会会议" if roles == ["列席"] else "出席常委会会议"))
    order = ["出席常委会会议", "主持常委会会议", "列席常委会会议"]
    return Section("常委会会议", ("会议", "日期", "身份"), rows, tuple(sorted(counts, key=lambda c: order.index(c[1]))))


def _issues(catalog, refs) -> list[Link]:
    """The issues that carry something, by their short titles (2024年第2期): a meeting page names many."""
    return [Link(catalog.page(ref.kind, ref.source), catalog.title(ref.kind, ref.source)) for ref in refs]


class MeetingsKind(RecordKind):
    name = NAME
    label = "常委会会议"
    sources = (
        DataSource(
            NAME, Meeting, "data/meetings", "files", "meeting", "常委会会议（data/meetings/<届次>-<次数>.yaml）"
        ),
    )
    id_matches_file = True
    section = (SECTION, "常委会会议")
    relations = (
        Relation(BELONGS_TO, "届次", ("term",)),
        Relation(MENTIONS, "代表编号", {f"{field}.*": role for field, role in ROLES.items()}, section=_deputy_section),
        Relation(ADOPTS, "任免名单", ("agenda.*.appointments",), cite=_cite_vote),
        Relation(ADOPTS, "通过的文件", ("agenda.*.adopted",), cite=_cite_vote, check=False),
        Relation(CONSIDERS, "审议的文件", {"agenda.*.documents.*": "审议的文件", "agenda.*.opinion": "审议意见"},
                 cite=_cite, check=False),
        Relation(REPORTED_BY, "会议报道", {"news.*": "会议报道"}, cite=_cite, check=False),
    )
    open_data = (OPEN_DATA,)
    scaffold = Scaffold("meeting", "新建常委会会议 data/meetings/<届次>-<会议次数>.yaml", Meeting,
                        [("--number", {"type": int, "help": "本届常委会第几次会议，默认为已有会议的下一次"})],
                        example={"presiding": ["d0001"], "present": 22,
                                 "agenda": [{"title": "听取和审议县人民政府关于城区停车管理工作情况的报告"}]})

    def file_of(self, key: str) -> str:
        return f"data/meetings/{key}.yaml"

    def order(self, records):
        return sorted(records, key=lambda m: (m.start, m.number), reverse=True)      # newest first

    def page(self, m) -> str:
        return address.meeting(m.id)

    def updated(self, m):
        return m.end or m.start

    def title(self, m, catalog) -> str:
        return meeting_title(catalog, m)

    def check(self, checker) -> None:
        meetings = checker.records(self.name)
        for m in meetings:
            check_meeting(m, checker)
        check_numbers(meetings, checker)
        check_adopted_once(meetings, checker)

    def pages(self, catalog):
        meetings = catalog.records(self.name)
        terms = [t for t in catalog.index(TERMS).newest_first if any(m.term == t.id for m in meetings)]
        for m in meetings:
            term = catalog.get(TERMS, m.term)
            listing = INDEX if term is terms[0] else term_page(m.term)  # the newest term's meetings: the index
            yield PageSpec(
                self.page(m),
                "meeting.md.j2",
                self._context(catalog, m),
                m.origin.path,
                SearchHint(date=m.start),
                layout="record", crumbs=(crumb(f"{term.name}常委会会议", listing),),
            )
        feed = {"path": address.feed(SECTION), "title": catalog.feed_title("常委会会议")}
        for position, term in enumerate(terms):
            yield PageSpec(INDEX if position == 0 else term_page(term.id), "meetings.md.j2", {
                "term": term, "terms": terms, "meetings": [m for m in meetings if m.term == term.id], "feed": feed,
                "index": INDEX, "term_page": term_page}, "data/meetings", SearchHint(skip=True),
                layout="listing", feed=feed["path"], feed_title=feed["title"])

    def _context(self, catalog, m: Meeting) -> dict:
        agenda = []
        for item in m.agenda:
            agenda.append({"item": item, "documents": [self._doc(catalog, p) for p in item.documents],
                           "opinion": self._doc(catalog, item.opinion) if item.opinion else None,
                           "adopted": self._doc(catalog, item.adopted) if item.adopted else None,
                           "appointments": self._list(catalog, item.appointments) if item.appointments else None,
                           "vote": vote_text(m, item.vote) if item.vote else None,
                           "passed": passed(m, item.vote) if item.vote else None})
        bulletins = [catalog.cite(ref)[0] for ref in catalog.refs_to(self.name, m.id, PUBLISHES)]
        return {"m": m, "agenda": agenda, "bulletins": bulletins, "news": [self._doc(catalog, p) for p in m.news],
                "half": m.members // 2 + 1, "index": INDEX}

    @staticmethod
    def _doc(catalog, page: str) -> tuple[Link, list[Link]]:
        """A page with its title, and the bulletin issues that carry it."""
        article = catalog.get(ARTICLES, page)
        return Link(page, article.meta.title if article else page), _issues(
            catalog, catalog.refs_to(PAGES, page, PUBLISHES)
        )

    @staticmethod
    def _list(catalog, list_id: str) -> tuple[Link, list[Link]]:
        lst = catalog.get(APPOINTMENTS, list_id)
        carried = _issues(catalog, catalog.refs_to(APPOINTMENTS, list_id, PUBLISHES))
        return Link(catalog.page(APPOINTMENTS, lst), catalog.title(APPOINTMENTS, lst)), carried

    def feeds(self, catalog):
        entries = [
            Entry(self.page(m), meeting_title(catalog, m), m.start, "会议议程：" + "；".join(i.title for i in m.agenda))
            for m in catalog.records(self.name)[:FEED_LENGTH]
        ]
        yield Feed(address.feed(SECTION), INDEX, "常委会会议", catalog.feed_title("常委会会议"), None, entries)

    def project(self, dataset, m, catalog, urls) -> dict:
        return project(m, catalog, urls)

    def popolo(self, catalog, helper):
        return popolo(catalog, helper, catalog.records(self.name))

    def sitemap(self, catalog):
        meetings = catalog.records(self.name)
        terms = [t for t in catalog.index(TERMS).newest_first if any(m.term == t.id for m in meetings)]
        if terms:
            yield SiteMapGroup("常委会会议", [Link(INDEX if i == 0 else term_page(t.id), f"{t.name}常委会会议")
                                           for i, t in enumerate(terms)])

    def home(self, catalog):
        """常委会会议: the latest meeting with its agenda's length, and the meetings before it."""
        meetings = catalog.records(self.name)
        if not meetings:
            return
        items = [HomeItem(catalog.link(self.name, m), m.start) for m in meetings[1:catalog.config.home.items]]
        yield HomeBlock(
            SECTION, "常委会会议", Link(INDEX, "更多会议"), items, "meetings_home.md.j2", {"meeting": meetings[0]}
        )

    def draft(self, editor, args) -> Draft:
        term = current_term(editor)
        held = [m for m in editor.loaded.of(self.name) if m.term == term.id]
        number = args.number or max((m.number for m in held), default=0) + 1
        last = max(held, key=lambda m: m.number, default=None)
        values = {
            "id": f"{term.id}-{number}",
            "term": term.id,
            "number": number,
            "start": editor.today,
            "members": last.members if last else "",
            "presiding": [],
            "present_members": [],
            "invited_deputies": [],
            "observers": [],
            "news": [],
            "agenda": [{"documents": []}],
        }
        return Draft(f"data/meetings/{term.id}-{number}.yaml",
                     "常委会会议。agenda 每项一个议程：审议的文件、审议意见、通过的文件、任免名单和表决结果；复制「- "
                     "title:」开头的一整段可增加一项。",
                     values)


KIND = MeetingsKind()
