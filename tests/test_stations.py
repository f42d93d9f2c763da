"""代表联络站: a directory by town and a page per station under the 代表工作 column; each deputy's page
names their station; the office phone is shown and only a listed number may be a mobile one."""
from __future__ import annotations

import re

from support import urls
from support.project import copy_project, output_path

from test_site_build import LEADS, hrefs


def test_directory_groups_stations_by_town(built, demo):
    stations = demo.catalog.records("stations")
    page = built.html(urls.STATIONS)
    towns = re.findall(r"<h2[^>]*>(.*?)</h2>", page)
    assert sorted(towns) == sorted({s.town for s in stations})
    # In the county's own order of its towns (its 代表团 in data/groups.yaml), not by file name or character.
    county = [g.name.removesuffix("代表团") for g in demo.catalog.records("groups")
              if g.kind == "代表团" and g.term == max(demo.catalog.records("terms"), key=lambda t: t.start).id]
    assert towns == [t for t in county if t in towns]
    assert towns[:2] == ["城关镇", "石门镇"]
    phones = [s.phone for s in stations if s.phone]
    assert phones and all(f'href="tel:{p.replace(" ", "")}"' in page for p in phones)
    assert {output_path(urls.station(s.id)) for s in stations} <= hrefs(built, urls.STATIONS)
    assert output_path(urls.STATIONS) in set(hrefs(built, urls.listing("daibiaogongzuo", 1)))
    assert "lianluozhan" in LEADS.search(built.html(urls.listing("daibiaogongzuo", 1))).group(0)


def test_station_page_and_each_deputy_page_link_each_other(built, demo):
    for station in demo.catalog.records("stations"):
        uri = urls.station(station.id)
        text = built.text(uri)
        for value in (station.name, station.town, station.address, station.reception_days, station.phone or ""):
            assert value in text, (station.id, value)
        for deputy in station.deputies:
            assert output_path(urls.deputy(deputy)) in hrefs(built, uri)
            assert output_path(uri) in hrefs(built, urls.deputy(deputy))


def test_a_listed_public_mobile_number_may_be_the_station_phone(tmp_path):
    import renda_site
    project = copy_project(tmp_path / "p")
    path = project / "data" / "stations" / "chengguan-renminlu.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('phone: "0000-0000001"', 'phone: "139 0000 0000"'),
                    encoding="utf-8")
    problems, _ = renda_site.check(project)
    assert any("疑似手机号码" in p.message and p.field == "phone" for p in problems.errors)
    (project / "data" / "public_numbers.yaml").write_text(
        '- number: "139 0000 0000"\n  reason: 人民路社区联络站值班手机，已在社区公示栏公开\n', encoding="utf-8")
    problems, _ = renda_site.check(project)
    assert not problems.errors, [str(p) for p in problems.errors]
