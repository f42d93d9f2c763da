"""The demo county has the content the Foundation issue asks for, and no column is empty."""
from collections import Counter


def test_two_terms_and_sixty_deputies(demo):
    site = demo.site
    assert len(site.terms) >= 2
    assert len(site.deputies) >= 60
    for term in site.terms:
        assert len(site.seats_by_term[term.id]) >= 30, term.name


def test_deputies_with_former_names_and_early_ends(demo):
    deputies = demo.site.deputies
    assert sum(1 for d in deputies if d.other_names) >= 3
    reasons = Counter(m.end_reason for d in deputies for m in d.memberships if m.end)
    assert sum(reasons.values()) >= 3
    assert len(reasons) >= 3, reasons


def test_bulletins_and_items_with_full_texts(demo):
    bulletins = demo.site.bulletins
    assert len(bulletins) >= 6
    items = [item for b in bulletins for item in b.items]
    with_text = [item for item in items if item.page]
    assert len(with_text) >= 30
    assert len({item.type for item in items}) >= 4


def test_appointment_lists_and_entries(demo):
    lists = demo.site.appointments
    entries = [e for lst in lists for e in lst.entries]
    assert len(lists) >= 6
    assert len(entries) >= 40
    assert len({e.action for e in entries}) >= 5
    assert sum(1 for e in entries if e.deputy) >= 3
    assert all(lst.id in demo.site.publication_of_list for lst in lists), "every list is published in a bulletin"


def test_every_column_has_at_least_three_dated_articles(demo):
    for column in demo.site.info.columns:
        articles = demo.site.articles_by_column[column.id]
        assert len(articles) >= 3, column.title
        assert all(a.meta.date for a in articles)


def test_demo_has_no_data_errors(demo):
    assert demo.problems.errors == []
