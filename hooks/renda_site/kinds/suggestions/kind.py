"""代表建议 and their handling: one file per suggestion (data/suggestions/<session>/<number>.yaml).

Pages: one per suggestion with its whole chain (who filed it, the text, 交办, each reply, the deputies'
view, 重点督办, the timeline); per session a listing readers filter by status, unit, category and deputy
(a plain list without JavaScript) and a summary with charts; the latest replies (with their feed).
Through relations: each deputy's page lists their suggestions, each unit's page its suggestions and
figures, and a reply kept as a page names the suggestion it answers.
"""
from __future__ import annotations

import re

from ... import address
from ...input.sources import DataSource
from ...model.kind import Draft, RecordKind, Scaffold
from ...model.relations import ANSWERED_BY, BELONGS_TO, HANDLED_BY, MENTIONS, Relation
from ...outputs import (
    FEED_LENGTH,
    Entry,
    Feed,
    HomeBlock,
    HomeItem,
    Link,
    PageSpec,
    SearchHint,
    SiteMapGroup,
    crumb,
    paginate,
)
from ..deputies import NAME as DEPUTIES
from ..sessions import NAME as SESSIONS
from ..units import NAME as UNITS
from .checks import check_settings, check_suggestion, settings_of
from .figures import charts, figures, status_bars
from .index import build_index, session_page, short_session, summary_page
from .model import NAME, STATUSES, Suggestion, due, on_time, timeline
from .opendata import OPEN_DATA, project
from .sections import cite_answer, deputy_section, unit_sections

REPLIES = address.REPLIES




class SuggestionsKind(RecordKind):
    name = NAME
    label = "代表建议"
    sources = (DataSource(NAME, Suggestion, "data/suggestions", "files", "suggestion",
                          "代表建议（data/suggestions/<会次>/<编号>.yaml）", nested=True),)
    relations = (
        Relation(BELONGS_TO, "人代会会议", ("session",)),
        Relation(MENTIONS, "代表编号", {"lead": "lead", "cosigners.*": "cosigner", "supervision.leader": "leader"},
                 section=deputy_section),
        Relation(HANDLED_BY, "承办单位", {"lead_unit": "主办", "co_units.*": "协办"}, section=unit_sections),
        Relation(ANSWERED_BY, "答复页面", ("replies.*.page",), cite=cite_answer, check=False),
    )
    open_data = (OPEN_DATA,)
    scaffold = Scaffold("suggestion", "新建代表建议 data/suggestions/<会次>/<编号>.yaml", Suggestion,
                        [("--session", {"help": "人代会会议编号，如 18-5；默认为最近一次会议"})],
                        example_args=("--session", "18-4"),
                        example={"title": "关于改善城区公交站台候车条件的建议", "category": "交通运输", "lead": "d0005",
                                 "text": "城区部分公交站台没有遮雨棚，建议分批改造。"})

    def key(self, s) -> str:
        return s.key

    def file_of(self, key: str) -> str:
        session, _, number = key.rpartition("-")
        return f"data/suggestions/{session}/{number}.yaml"

    def order(self, records):
        return sorted(records, key=lambda s: (s.session, s.number))

    def page(self, s) -> str:
        return address.suggestion(s.session, s.number)

    def updated(self, s):
        """The last step of its handling: filed, assigned, replied to, asked for feedback, closed."""
        steps = [s.filed, s.assigned, s.closed, *(d for r in s.replies for d in (r.date, r.feedback))]
        return max(d for d in steps if d is not None)

    def title(self, s, catalog) -> str:
        return s.title

    def check(self, checker) -> None:
        config = checker.loaded.one("site")
        check_settings(config, checker)
        settings = settings_of(config)
        for s in checker.records(self.name):
            check_suggestion(s, checker, settings)

    def index(self, catalog):
        return build_index(catalog, self.name)

    # pages
    def pages(self, catalog):
        index = catalog.index(self.name)
        for session in index.sessions:
            items = index.by_session[session.id]
            for s in items:
                yield PageSpec(
                    self.page(s),
                    "suggestion.md.j2",
                    self._context(catalog, index, session, s),
                    s.origin.path,
                    SearchHint(date=s.filed),
                    layout="record",
                    crumbs=(crumb(f"{short_session(catalog, session)}代表建议", session_page(session.id)),),
                )
            common = {
                "session": session,
                "short": short_session(catalog, session),
                "figures": index.session_figures[session.id],
                "listing": session_page(session.id),
                "summary": summary_page(session.id),
                "replies": address.listing(REPLIES, 1),
            }
            yield PageSpec(
                session_page(session.id),
                "suggestion_session.md.j2",
                {**common, **self._filters(catalog, index, items)},
                f"data/suggestions/{session.id}",
                SearchHint(skip=True),
                layout="listing",
            )
            yield PageSpec(
                summary_page(session.id),
                "suggestion_summary.md.j2",
                {**common, **self._summary(catalog, index, session)},
                f"data/suggestions/{session.id}",
                SearchHint(),
                layout="record",
            )
        feed = {"path": address.feed(REPLIES), "title": catalog.feed_title("代表建议答复")}
        for pager in paginate(index.replies, 20, REPLIES):
            yield PageSpec(
                pager.uri,
                "suggestion_replies.md.j2",
                {"pager": pager, "feed": feed, "short": short_session},
                "data/suggestions",
                SearchHint(skip=True),
                layout="listing", feed=feed["path"], feed_title=feed["title"],
            )

    def _context(self, catalog, index, session, s) -> dict:
        deadline = due(s, index.months)
        return {"s": s, "session": session, "short": short_session(catalog, session), "status": STATUSES[s.status],
                "steps": timeline(s, index.unit_names, index.result_names), "deadline": deadline,
                "in_time": on_time(s, index.months), "months": index.months, "results": index.result_names,
                "listing": session_page(session.id), "summary": summary_page(session.id)}

    @staticmethod
    def _filters(catalog, index, items) -> dict:
        """The choices of the listing's filters, each only with values that occur in this session."""
        order = {unit: position for position, unit in enumerate(index.unit_names)}      # as data/units.yaml lists them
        units = sorted({u for s in items for u in s.units}, key=lambda u: order.get(u, len(order)))
        # Imported here, not at the top: see appointments.pinyin_key.
        from pypinyin import lazy_pinyin
        names = {d: catalog.title(DEPUTIES, catalog.get(DEPUTIES, d)) for s in items for d in s.deputies}
        deputies = sorted(names, key=lambda d: (lazy_pinyin(names[d]), d))
        categories = [c for c in index.categories if any(s.category == c for s in items)]
        return {
            "items": items,
            "statuses": [(c, label) for c, label in STATUSES.items() if any(s.status == c for s in items)],
            "units": [(u, index.unit_names.get(u, u)) for u in units],
            "deputies": [(d, names[d]) for d in deputies],
            "categories": [(f"k{index.categories.index(c) + 1}", c) for c in categories],
            "category_code": {c: f"k{i + 1}" for i, c in enumerate(index.categories)},
            "status_names": STATUSES,
        }

    @staticmethod
    def _summary(catalog, index, session) -> dict:
        f = index.session_figures[session.id]
        items = index.by_session[session.id]
        led: dict[str, list] = {}
        helped: dict[str, int] = {}
        for s in items:
            if s.lead_unit:
                led.setdefault(s.lead_unit, []).append(s)
            for unit in s.co_units:
                helped[unit] = helped.get(unit, 0) + 1
        units = sorted(
            set(led) | set(helped), key=lambda u: (-len(led.get(u, [])), -helped.get(u, 0), index.unit_names[u])
        )
        name = short_session(catalog, session)
        return {
            "charts": charts(
                name,
                f,
                index.categories,
                index.results,
                [(index.unit_names[u], len(led[u])) for u in units if u in led],
            ),
            "statuses": status_bars(f),
            "months": index.months,
            "results": index.results,
            "unit_rows": [
                (catalog.get(UNITS, u), len(led.get(u, [])), helped.get(u, 0), figures(led.get(u, []), index.months))
                for u in units
            ],
            "supervised": [s for s in items if s.supervision],
            "redone": [s for s in items if s.redone],
        }

    def feeds(self, catalog):
        index = catalog.index(self.name)
        entries = [Entry(self.page(s), s.title, day,
                         f"{index.unit_names.get(s.lead_unit, '')}答复"
                         f"{short_session(catalog, catalog.get(SESSIONS, s.session))}"
                         f"第{s.number}号建议，办理结果 {index.result_label(s.final.result)}"
                         + (f"，代表意见：{s.final.satisfaction}" if s.final.satisfaction else "") + "。")
                   for day, s in index.replies[:FEED_LENGTH]]
        yield Feed(
            address.feed(REPLIES),
            address.listing(REPLIES, 1),
            "代表建议答复",
            catalog.feed_title("代表建议答复"),
            "承办单位对代表建议的最新答复",
            entries,
        )

    def project(self, dataset, s, catalog, urls) -> dict:
        return project(s, catalog, urls)

    def column_links(self, catalog):
        index = catalog.index(self.name)
        for session in index.sessions:
            short = short_session(catalog, session)
            count = len(index.by_session[session.id])
            yield address.SUGGESTIONS, Link(session_page(session.id), f"{short}代表建议（{count} 件）")
            yield address.HANDLING, Link(summary_page(session.id), f"{short}代表建议办理情况")
        if index.replies:
            yield address.HANDLING, Link(address.listing(REPLIES, 1), "代表建议最新答复")

    def sitemap(self, catalog):
        index = catalog.index(self.name)
        links = []
        for session in index.sessions:
            short = short_session(catalog, session)
            links += [
                Link(session_page(session.id), f"{short}代表建议"),
                Link(summary_page(session.id), f"{short}代表建议办理情况"),
            ]
        if index.replies:
            links.append(Link(address.listing(REPLIES, 1), "代表建议最新答复"))
        if links:
            yield SiteMapGroup("代表建议", links)

    def home(self, catalog):
        """代表建议: the latest session's figures; 建议办理: the newest replies."""
        index = catalog.index(self.name)
        if not index.sessions:
            return
        session = index.sessions[0]
        yield HomeBlock(
            address.SUGGESTIONS,
            "代表建议",
            Link(session_page(session.id), "全部建议"),
            [],
            "suggestions_home.md.j2",
            {
                "short": short_session(catalog, session),
                "figures": index.session_figures[session.id],
                "listing": session_page(session.id),
                "summary": summary_page(session.id),
            },
        )
        items = [HomeItem(catalog.link(self.name, s), day) for day, s in index.replies[:catalog.config.home.items]]
        if items:
            yield HomeBlock(address.HANDLING, "建议办理", Link(address.listing(REPLIES, 1), "更多答复"), items)

    def draft(self, editor, args) -> Draft:
        sessions = sorted(editor.loaded.of(SESSIONS), key=lambda s: s.start)
        if args.session:
            session = args.session
        elif sessions:
            session = sessions[-1].id
        else:
            raise editor.error("data/sessions.yaml 中没有人代会会议，请先填写会议（或用 --session 指定）")
        folder = editor.root / "data" / "suggestions" / session
        used = [int(p.stem) for p in folder.glob("*.yaml") if re.fullmatch(r"\d+", p.stem)] if folder.is_dir() else []
        number = max(used, default=0) + 1
        values = {"session": session, "number": number, "filed": editor.today, "replies": []}
        return Draft(f"data/suggestions/{session}/{number}.yaml",
                     f"代表建议第{number}号。先填写标有（必填）的项；交办后填写 assigned、lead_unit，答复后在 replies "
                     "中逐次增加一项。", values)


KIND = SuggestionsKind()
