"""The benchmark's synthetic site: deterministic, realistic in shape, and accepted by `check`."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from support.project import HOOKS, synthetic_site


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_n_gives_the_same_bytes_and_check_passes(tmp_path):
    counts = synthetic_site(200, tmp_path / "a")
    synthetic_site(200, tmp_path / "b")
    first, second = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    assert first == second
    assert counts == {"articles": 68, "deputies": 40, "bulletins": 16, "appointment_lists": 8, "meetings": 16,
                      "suggestions": 16, "stations": 12}
    assert synthetic_site(201, tmp_path / "c") and tree_digest(tmp_path / "c") != first
    result = subprocess.run([sys.executable, "-m", "renda_site", "--root", str(tmp_path / "a"), "check"],
                            capture_output=True, text=True, env={"PYTHONPATH": str(HOOKS)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert any(line.startswith("共 0 个错误，0 个警告") and line.endswith("秒。")
               for line in result.stdout.splitlines())


def test_shape_of_the_synthetic_content(tmp_path):
    sys.path.insert(0, str(HOOKS))
    from renda_site import generate
    synthetic_site(200, tmp_path)
    from support.demo import DemoSite
    site = DemoSite(generate(tmp_path).catalog)
    columns = {c.id for c in site.info.columns}
    articles = [a for a in site.articles_by_uri.values()
                if (a.src_uri.split("/")[0] in columns and not a.src_uri.endswith("/index.md"))
                or a.src_uri.startswith("gongbao/wenjian/")]
    lengths = [len((tmp_path / "docs" / a.src_uri).read_text("utf-8").split("---", 2)[2]) for a in articles]
    assert len(articles) == 68 and min(lengths) >= 800 and max(lengths) <= 3600
    body = (tmp_path / "docs" / articles[0].src_uri).read_text("utf-8")
    assert "\n一、" in body and "（一）" in body
    assert len(site.terms) >= 4 and any(len(seats) > 1 for seats in site.seats_by_deputy.values())
    assert any(seat.ended_early for seats in site.seats_by_deputy.values() for seat in seats)
    assert site.entries_by_deputy, "some appointment entries name deputies"
    assert len(site.publication_of_list) == len(site.appointments) == 8    # every list is published
    catalog = site.catalog
    meetings = catalog.records("meetings")
    assert len(meetings) == len(site.bulletins) and all(b.meetings for b in site.bulletins)
    assert all(catalog.refs_to("appointments", a.id, "adopts") for a in site.appointments)   # adopted at a meeting
    suggestions = catalog.records("suggestions")
    assert suggestions and any(len(s.replies) == 2 for s in suggestions) and any(s.closed for s in suggestions)
    assert "banjie" in {s.status for s in suggestions} and any(s.redone for s in suggestions)
    assert len(catalog.records("stations")) == 12 and all(s.deputies for s in catalog.records("stations"))
    pages = {item.page for b in site.bulletins for item in b.items if item.page}
    assert pages and all((tmp_path / "docs" / p).is_file() for p in pages)
    assert any(p.startswith("shenyi/") for p in pages)
