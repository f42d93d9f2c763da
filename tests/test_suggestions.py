"""代表建议 and their handling: every suggestion, session and unit has its page; the page shows the whole
chain; the derived status, timeline and deadline follow the office's rules; the listings, the summary's
charts and each unit's figures are recounted here from the data."""
from __future__ import annotations

import datetime
import html
import re
from collections import Counter

import pytest

from support import urls
from support.project import output_path

from renda_site.kinds.suggestions import Reply, Suggestion, add_months, due, on_time, timeline
from test_charts import charts_of
from test_site_build import LEADS, hrefs


def suggestions(demo):
    return demo.catalog.records("suggestions")



def test_demo_counts_and_every_record_has_its_page(built, demo):
    catalog = demo.catalog
    counts = {kind: len(catalog.records(kind)) for kind in ("sessions", "units", "suggestions", "meetings", "stations")}
    print("\n" + "，".join(f"{k} {n}" for k, n in counts.items()))
    assert counts["suggestions"] >= 60 and counts["meetings"] >= 12 and counts["stations"] >= 8
    by_session = Counter(s.session for s in suggestions(demo))
    assert len(by_session) >= 2
    expected = [urls.suggestion(s.session, s.number) for s in suggestions(demo)]
    expected += [urls.session_suggestions(sid) for sid in by_session]
    expected += [urls.session_summary(sid) for sid in by_session]
    expected += [urls.unit(u.id) for u in catalog.records("units")] + [urls.UNITS, urls.listing(urls.REPLIES_BASE, 1)]
    expected += [urls.meeting(m.id) for m in catalog.records("meetings")] + [urls.MEETINGS]
    expected += [urls.station(s.id) for s in catalog.records("stations")] + [urls.STATIONS]
    missing = [uri for uri in expected if not (built.site / output_path(uri)).is_file()]
    assert not missing
    assert sum(1 for s in suggestions(demo) if s.supervision) >= 3
    assert sum(1 for s in suggestions(demo) if s.redone) >= 3


def test_deadline_is_months_after_assignment_and_its_last_day_counts():
    assert add_months(datetime.date(2024, 2, 6), 3) == datetime.date(2024, 5, 6)
    assert add_months(datetime.date(2023, 11, 30), 3) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2024, 10, 31), 3) == datetime.date(2025, 1, 31)
    base = {"session": "18-3", "number": 1, "title": "关于……的建议", "category": "其他", "lead": "d0005",
            "filed": "2024-01-09", "text": "内容", "assigned": "2024-02-06", "lead_unit": "jiaoyu"}

    def answered(day: str) -> Suggestion:
        return Suggestion(**base, replies=[Reply(date=day, result="A", text="答复")])

    assert on_time(answered("2024-05-06"), 3) is True           # exactly three months: on time
    assert on_time(answered("2024-05-07"), 3) is False
    assert on_time(Suggestion(**base), 3) is None and due(Suggestion(**base), 6) == datetime.date(2024, 8, 6)


def test_status_and_timeline_follow_the_handling():
    base = {"session": "18-3", "number": 1, "title": "关于……的建议", "category": "其他", "lead": "d0005",
            "filed": "2024-01-09", "text": "内容"}
    assert Suggestion(**base).status == "daijiaoban"
    handled = dict(base, assigned="2024-02-06", lead_unit="jiaoyu", co_units=["caizheng"])
    assert Suggestion(**handled).status == "banli"
    first = Reply(date="2024-04-01", result="C", text="答复", feedback="2024-04-10", satisfaction="不满意")
    again = Reply(date="2024-06-01", result="B", text="再次答复", feedback="2024-06-10", satisfaction="满意")
    assert Suggestion(**handled, replies=[first]).status == "chongban"
    assert Suggestion(**handled, replies=[first, again]).status == "dafu"
    done = Suggestion(**handled, replies=[first, again], closed="2024-06-20")
    assert done.status == "banjie" and done.redone and done.final is again
    steps = timeline(done, {"jiaoyu": "县教育局", "caizheng": "县财政局"}, {"B": "正在解决", "C": "暂时不能解决"})
    assert [s.label for s in steps] == ["提出", "交办", "答复", "征询意见", "重新办理", "再次答复", "征询意见", "办结"]
    assert [s.date for s in steps] == sorted(s.date for s in steps)
    assert steps[1].note == "交县教育局主办，县财政局协办"
    assert "C 类" in steps[2].note and steps[4].date == first.feedback


def test_suggestion_page_shows_the_whole_chain(built, demo):
    catalog = demo.catalog
    for s in suggestions(demo):
        uri = urls.suggestion(s.session, s.number)
        links, text = hrefs(built, uri), built.text(uri)
        assert s.title in text and f"第{s.number}号" in text and s.category in text
        for deputy in s.deputies + ([s.supervision.leader] if s.supervision else []):
            assert output_path(urls.deputy(deputy)) in links
        for unit in s.units:
            assert output_path(urls.unit(unit)) in links
        assert output_path(urls.session_suggestions(s.session)) in links
        for reply in s.replies:
            assert f"{reply.date.year}年{reply.date.month}月{reply.date.day}日" in text
            assert f"{reply.result} 类" in text and (reply.doc_no or "") in text
            if reply.page:
                assert output_path(reply.page) in links
            else:
                assert re.sub(r"\s+", "", reply.text.split("\n")[0]) in re.sub(r"\s+", "", text)
            if reply.satisfaction:
                assert f"代表意见：{reply.satisfaction}" in text
        steps = re.findall(r"<strong>(提出|交办|答复|征询意见|重新办理|再次答复|办结)</strong>", built.html(uri))
        assert steps[:2] == ["提出", "交办"] and ("办结" in steps) == bool(s.closed)
        assert steps.count("重新办理") == (1 if s.redone else 0)
        if s.supervision:
            leader = catalog.get("deputies", s.supervision.leader)
            assert "重点督办" in text and catalog.title("deputies", leader) in text


def test_a_reply_kept_as_a_page_names_its_suggestion(built, demo):
    kept = [(s, r) for s in suggestions(demo) for r in s.replies if r.page]
    assert kept
    for s, reply in kept:
        assert output_path(urls.suggestion(s.session, s.number)) in hrefs(built, reply.page)
        assert f"第{s.number}号建议《{s.title}》的答复" in built.text(reply.page)


def test_session_listing_lists_each_suggestion_with_its_filter_values(built, demo):
    index = demo.catalog.index("suggestions")
    for session in index.sessions:
        uri = urls.session_suggestions(session.id)
        page = built.html(uri)
        items = [(dict(re.findall(r'([\w-]+)="([^"]*)"', attrs)), int(number))
                 for attrs, number in re.findall(r'<li (data-[^>]*)><a href="(\d+)/">', page)]
        expected = index.by_session[session.id]
        assert [number for _, number in items] == [s.number for s in expected]
        for (data, _), s in zip(items, expected, strict=True):
            assert data["data-status"] == s.status and data["data-unit"].split() == s.units
            assert data["data-deputy"].split() == s.deputies
            assert index.categories[int(data["data-category"][1:]) - 1] == s.category
        assert '<form class="rd-filter" data-rd-filter="rd-suggestions" hidden>' in page      # hidden without JS
        for name in ("zhuangtai", "danwei", "leibie", "daibiao"):
            assert f'name="{name}"' in page


def test_summary_charts_and_tables_recount_the_data(built, demo):
    index = demo.catalog.index("suggestions")
    for session in index.sessions:
        items = index.by_session[session.id]
        page = built.html(urls.session_summary(session.id))
        charts = {key: dict(rows) for key, (svg, rows) in charts_of(page).items()}
        assert charts["chart-category"] == dict(Counter(s.category for s in items))
        finals = [s.final for s in items if s.final]
        names = dict(index.results)
        assert charts["chart-result"] == {f"{code} 类（{names[code]}）": n
                                          for code, n in Counter(r.result for r in finals).items()}
        assert charts["chart-satisfaction"] == dict(Counter(r.satisfaction or "未征询" for r in finals))
        assert charts["chart-first"] == dict(Counter(s.replies[0].satisfaction or "未征询" for s in items if s.replies))
        lead_units = Counter(demo.catalog.get("units", s.lead_unit).name for s in items if s.lead_unit)
        assert charts["chart-unit"] == dict(lead_units)
        in_time = sum(1 for s in items if on_time(s, index.months))
        assert charts["chart-intime"]["按期答复"] == in_time
        rate = f"{in_time * 100 / sum(1 for s in items if s.assigned):.1f}%"
        pleased = sum(1 for r in finals if r.satisfaction in ("满意", "基本满意"))
        asked = sum(1 for r in finals if r.satisfaction)
        text = built.text(urls.session_summary(session.id))
        assert f"按期答复率 {rate}" in text and f"满意率 {pleased * 100 / asked:.1f}%" in text
        assert len(charts) == 6


def test_unit_page_lists_its_suggestions_and_figures(built, demo):
    catalog = demo.catalog
    index = catalog.index("suggestions")
    for unit in catalog.records("units"):
        uri = urls.unit(unit.id)
        led = [s for s in suggestions(demo) if s.lead_unit == unit.id]
        helped = [s for s in suggestions(demo) if unit.id in s.co_units]
        links = hrefs(built, uri)
        for s in led + helped:
            assert output_path(urls.suggestion(s.session, s.number)) in links
        page = built.html(uri)
        if not led + helped:
            assert "暂未录入" in page
            continue
        figures = re.search(r"<h2[^>]*>办理情况统计</h2>\s*<table>(.*?)</table>", page, re.S).group(1)
        rows = [[html.unescape(cell) for cell in re.findall(r"<td>(.*?)</td>", row)]
                for row in re.findall(r"<tr>(.*?)</tr>", figures, re.S)[1:]]
        total = rows[-1] if len(rows) > 1 else rows[0]
        assert (int(total[1]), int(total[2])) == (len(led), len(helped)), unit.id
        answered = [s for s in led if s.replies]
        assert int(total[3]) == len(answered)
        if led:
            in_time = sum(1 for s in led if on_time(s, index.months))
            assert total[4] == f"{in_time * 100 / len(led):.1f}%"


def test_column_listings_lead_to_the_sessions(built, demo):
    index = demo.catalog.index("suggestions")
    for column, pages in (("jianyi", [urls.session_suggestions(s.id) for s in index.sessions]),
                          ("banli", [urls.session_summary(s.id) for s in index.sessions] + [urls.UNITS])):
        page = built.html(urls.listing(column, 1))
        leads = LEADS.search(page).group(0)
        listing = built.site / output_path(urls.listing(column, 1))
        from support.sitecrawl import links_of, target_file
        targets = {target_file(built.site, listing, u).relative_to(built.site).as_posix() for _, u in links_of(leads)}
        assert {output_path(p) for p in pages} <= targets, column
    # the articles stay in their columns beside the generated pages
    assert demo.site.articles_by_column["jianyi"] and demo.site.articles_by_column["banli"]


def test_replies_feed_lists_the_latest_answers(built, demo):
    import xml.etree.ElementTree as ET
    index = demo.catalog.index("suggestions")
    root = ET.fromstring((built.site / urls.feed(urls.REPLIES_BASE)).read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]
    newest = sorted(((s.final.date, s.session, s.number, s.title) for s in suggestions(demo) if s.final), reverse=True)
    assert titles == [t for *_, t in newest[:20]]
    assert len(titles) == min(20, len(index.replies))


@pytest.mark.parametrize("field", ["categories", "results"])
def test_the_office_configures_categories_and_result_classes(tmp_path, field):
    """site.yaml's own categories / result codes are what suggestions are checked against."""
    from support.project import copy_project

    import renda_site
    project = copy_project(tmp_path / "p")
    site = project / "data" / "site.yaml"
    text = site.read_text(encoding="utf-8")
    if field == "categories":
        site.write_text(text.replace("交通运输, ", ""), encoding="utf-8")
        expected = "类别「交通运输」不在 data/site.yaml 的 suggestions.categories 中"
    else:
        site.write_text(text.replace("    - {code: D, name: 留作参考}\n", ""), encoding="utf-8")
        expected = "办理结果「D」不是 data/site.yaml 中 suggestions.results 的代码（可选：A、B、C）"
    problems, _ = renda_site.check(project)
    assert any(expected in p.message for p in problems.errors), [str(p) for p in problems.errors][:5]


def test_site_map_and_home_page_reach_the_new_records(built, demo):
    index = demo.catalog.index("suggestions")
    sitemap = hrefs(built, urls.SITEMAP)
    wanted = ([urls.session_suggestions(s.id) for s in index.sessions]
              + [urls.session_summary(s.id) for s in index.sessions])
    wanted += [urls.UNITS, urls.MEETINGS, urls.STATIONS, urls.listing(urls.REPLIES_BASE, 1)]
    assert {output_path(u) for u in wanted} <= sitemap
    home = hrefs(built, urls.HOME)
    newest = index.sessions[0]
    latest_meeting = demo.catalog.records("meetings")[0]
    assert {output_path(urls.session_suggestions(newest.id)), output_path(urls.session_summary(newest.id)),
            output_path(urls.meeting(latest_meeting.id)), output_path(urls.STATIONS)} <= home
    figures = index.session_figures[newest.id]
    assert f"按期答复率 {figures.in_time_rate}" in built.text(urls.HOME)
