"""常委会会议 and the chain 会议 → 议程 → 表决 → 决定/决议 → 公报 → 全文 (and 任免名单), both ways, by the
links of the built pages; each deputy's record of duties (履职档案) counted per term from every kind."""
from __future__ import annotations

import re
from collections import Counter

from support import urls
from support.project import output_path

from renda_site.kinds.meetings import meeting_title, passed
from test_site_build import hrefs, nav_targets


def meetings(demo):
    return demo.catalog.records("meetings")



def test_meeting_page_shows_attendance_agenda_votes_and_links_everything(built, demo):
    catalog = demo.catalog
    for m in meetings(demo):
        uri = urls.meeting(m.id)
        links, text = hrefs(built, uri), built.text(uri)
        assert meeting_title(catalog, m) in text and f"常委会组成人员 {m.members} 人，出席 {m.present} 人" in text
        for deputy in m.presiding + m.present_members + m.invited_deputies:
            assert output_path(urls.deputy(deputy)) in links
        for observer in m.observers:
            assert observer in text
        for item in m.agenda:
            assert item.title in text
            for page in item.documents + [p for p in (item.opinion, item.adopted) if p]:
                assert output_path(page) in links
            if item.appointments:
                assert output_path(urls.appointment_list(item.appointments)) in links
            if item.vote:
                verdict = "通过" if passed(m, item.vote) else "未通过"
                vote = item.vote
                assert f"赞成 {vote.in_favour} 票，反对 {vote.against} 票，弃权 {vote.abstain} 票，{verdict}" in text
        for page in m.news:
            assert output_path(page) in links
        for bulletin in demo.site.bulletins:
            if m.id in bulletin.meetings:
                assert output_path(urls.bulletin(bulletin.year, bulletin.number)) in links


def test_chain_runs_both_ways(built, demo):
    """meeting → adopted text → bulletin → meeting, and back from each text and issue to the meeting."""
    walked = 0
    for m in meetings(demo):
        meeting_page = output_path(urls.meeting(m.id))
        for item in m.agenda:
            for page in [p for p in (item.adopted, item.opinion, *item.documents) if p]:
                assert meeting_page in hrefs(built, page), (m.id, page)          # the text names its meeting
                for bulletin in demo.site.bulletins:
                    if any(i.page == page for i in bulletin.items):
                        issue = urls.bulletin(bulletin.year, bulletin.number)
                        assert output_path(issue) in hrefs(built, page)          # …and the issue carrying it
                        assert output_path(page) in hrefs(built, issue)
                        if m.id in bulletin.meetings:
                            assert meeting_page in hrefs(built, issue)            # the issue names the meeting
                            walked += 1
            if item.adopted:
                text = built.text(item.adopted)
                assert f"本文经{meeting_title(demo.catalog, m)}表决通过" in text
    assert walked >= 20, walked


def test_appointment_list_and_its_meeting_link_each_other(built, demo):
    for lst in demo.site.appointments:
        meeting = demo.catalog.get("meetings", lst.id)
        assert meeting is not None, lst.id
        assert output_path(urls.meeting(meeting.id)) in hrefs(built, urls.appointment_list(lst.id))
        assert output_path(urls.appointment_list(lst.id)) in hrefs(built, urls.meeting(meeting.id))
        item = next(i for i in meeting.agenda if i.appointments == lst.id)
        assert f"赞成 {item.vote.in_favour} 票" in built.text(urls.appointment_list(lst.id))


def test_bulletin_meetings_are_links(built, demo):
    for bulletin in demo.site.bulletins:
        assert bulletin.meetings
        links = hrefs(built, urls.bulletin(bulletin.year, bulletin.number))
        assert {output_path(urls.meeting(m)) for m in bulletin.meetings} <= links


def test_meetings_listed_by_term_in_their_own_section(built, demo):
    by_term = Counter(m.term for m in meetings(demo))
    current = demo.site.current_term.id
    listed = hrefs(built, urls.MEETINGS)
    assert {output_path(urls.meeting(m.id)) for m in meetings(demo) if m.term == current} <= listed
    for term in by_term:
        if term != current:
            assert output_path(urls.meetings_of_term(term)) in listed
            pages = {output_path(urls.meeting(m.id)) for m in meetings(demo) if m.term == term}
            assert pages <= hrefs(built, urls.meetings_of_term(term))
    nav = nav_targets(built)
    assert output_path(urls.MEETINGS) in nav
    assert not nav & {output_path(urls.meeting(m.id)) for m in meetings(demo)}           # records never in the nav


def archive(built, deputy_id: str) -> dict[str, dict[str, int]]:
    """The 履职档案 table of a deputy's page (a row per thing counted, a column per term): term -> {what: count}."""
    page = built.html(urls.deputy(deputy_id))
    table = re.search(r"<h2[^>]*>履职档案</h2>\s*<table>(.*?)</table>", page, re.S)
    if table is None:
        return {}
    terms = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<th>(.*?)</th>", table.group(1))][1:]
    rows = [re.findall(r"<td>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table.group(1), re.S)[1:]]
    return {term: {row[0]: int(row[1 + i]) for row in rows} for i, term in enumerate(terms)}


def test_each_deputy_record_of_duties_is_counted_from_every_kind(built, demo):
    catalog = demo.catalog
    term_name = {t.id: t.name for t in demo.site.terms}
    session_term = {s.id: s.term for s in catalog.records("sessions")}
    for deputy in demo.site.deputies:
        expected: dict[str, Counter] = {}

        def count(term, label, expected=expected):
            expected.setdefault(term_name[term], Counter())[label] += 1
        for s in catalog.records("suggestions"):
            if s.lead == deputy.id:
                count(session_term[s.session], "领衔代表建议")
            if deputy.id in s.cosigners:
                count(session_term[s.session], "附议代表建议")
            if s.supervision and s.supervision.leader == deputy.id:
                count(session_term[s.session], "督办代表建议")
        for m in meetings(demo):
            if deputy.id in m.presiding:
                count(m.term, "主持常委会会议")
            if deputy.id in m.presiding or deputy.id in m.present_members:
                count(m.term, "出席常委会会议")
            elif deputy.id in m.invited_deputies:
                count(m.term, "列席常委会会议")
        for lst in demo.site.appointments:
            for entry in lst.entries:
                if entry.deputy == deputy.id:
                    count(lst.term, "任免事项")
        got = {term: {k: v for k, v in counts.items() if v and k != "文章提及"}
               for term, counts in archive(built, deputy.id).items()}
        got = {term: counts for term, counts in got.items() if counts}
        assert got == {term: dict(c) for term, c in expected.items()}, deputy.id


def test_articles_naming_a_deputy_are_listed_on_their_page(built, demo):
    catalog = demo.catalog
    names = Counter(n for d in demo.site.deputies for n in (d.name, *d.other_names))
    deputy = catalog.get("deputies", "d0005")
    naming = [a for a in catalog.records("articles") if deputy.name in a.body]
    assert len(naming) >= 3
    links = hrefs(built, urls.deputy(deputy.id))
    assert {output_path(a.src_uri) for a in naming} <= links
    term = demo.site.current_term
    dated = [a for a in naming if a.meta.date and a.meta.date >= term.start]
    assert archive(built, deputy.id)[term.name]["文章提及"] == len(dated)
    shared = next(n for n, c in names.items() if c > 1)            # 同名同姓: attributed to neither
    namesakes = [d for d in demo.site.deputies if d.name == shared]
    assert len(namesakes) == 2 and [a for a in catalog.records("articles") if shared in a.body]
    for d in namesakes:
        others = [n for n in d.other_names if names[n] == 1]
        for article in catalog.records("articles"):
            if shared in article.body and not any(n in article.body for n in others):
                assert output_path(article.src_uri) not in hrefs(built, urls.deputy(d.id)), (d.id, article.src_uri)
