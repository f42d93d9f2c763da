"""What suggestions put on other kinds' pages through their relations: a deputy's suggestions (with
counts per term for the deputy's record of duties), a unit's suggestions and figures, and the line on a
reply page that names the suggestion it answers."""
from __future__ import annotations

from ...outputs import Link, Section
from ..sessions import NAME as SESSIONS
from .figures import figures
from .index import short_session, summary_page
from .model import NAME, STATUSES

ROLES = {"lead": "领衔", "cosigner": "附议", "leader": "督办"}
COUNTED = {"lead": "领衔代表建议", "cosigner": "附议代表建议", "leader": "督办代表建议"}


def suggestion_link(catalog, s) -> Link:
    return Link(catalog.page(NAME, s), f"第{s.number}号　{s.title}")


def _ordered(catalog, refs):
    return sorted(refs, key=lambda r: (catalog.get(SESSIONS, r.source.session).start, r.source.number))


def deputy_section(catalog, refs) -> Section:
    """Four narrow columns: a phone shows the table without scrolling sideways."""
    rows, counts = [], []
    for ref in _ordered(catalog, refs):
        s, role = ref.source, ref.detail
        session = catalog.get(SESSIONS, s.session)
        rows.append((short_session(catalog, session), suggestion_link(catalog, s), ROLES[role], STATUSES[s.status]))
        counts.append((session.term, COUNTED[role]))
    order = list(COUNTED.values())
    return Section("代表建议", ("会次", "建议", "身份", "状态"), rows,
                   tuple(sorted(counts, key=lambda c: order.index(c[1]))))


def unit_sections(catalog, refs) -> list[Section]:
    """办理情况 (per session: 主办 and 协办 counts, and of those it led: answered, on time, 满意率) and
    the suggestions themselves."""
    index = catalog.index(NAME)
    refs = _ordered(catalog, refs)
    by_session: dict[str, list] = {}
    for ref in refs:
        by_session.setdefault(ref.source.session, []).append(ref)
    figure_rows = []
    for sid, session_refs in list(by_session.items()) + ([("", refs)] if len(by_session) > 1 else []):
        led = [r.source for r in session_refs if r.detail == "主办"]
        f = figures(led, index.months)
        name = Link(summary_page(sid), short_session(catalog, catalog.get(SESSIONS, sid))) if sid else "合计"
        figure_rows.append((name, len(led), len(session_refs) - len(led), f.replied, f.in_time_rate, f.pleased_rate))
    listed = []
    for ref in refs:
        s = ref.source
        final = s.final
        listed.append(
            (
                short_session(catalog, catalog.get(SESSIONS, s.session)),
                suggestion_link(catalog, s),
                ref.detail,
                index.result_label(final.result) if final else "",
                (final.satisfaction or "") if final else "",
                STATUSES[s.status],
            )
        )
    return [Section("办理情况统计", ("会次", "主办", "协办", "已答复", "按期答复率", "满意率"), figure_rows),
            Section("承办的代表建议", ("会次", "建议", "承办方式", "办理结果", "代表意见", "办理状态"), listed)]


def cite_answer(catalog, ref) -> tuple[Link, str | None]:
    """On a reply kept as a page: «本文是对十八届人大三次会议第41号建议的答复（再次答复）»."""
    s = ref.source
    session = catalog.get(SESSIONS, s.session)
    link = Link(catalog.page(NAME, s), f"{short_session(catalog, session)}第{s.number}号建议《{s.title}》")
    _, reply, _ = ref.loc                    # ("replies", index, "page"): a reply after the first
    return link, "再次答复" if reply else None
