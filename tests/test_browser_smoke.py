"""The built demo opens in a real browser over HTTP: the title and the heading are there."""
from support import urls
from support.browser import static_server


def test_home_page_opens_in_chromium(built, chromium):
    with static_server(built.site) as base:
        page = chromium.new_page()
        page.goto(base)
        assert page.title().startswith("清溪县人大常委会")
        assert page.locator("h1").first.inner_text() == "清溪县人大常委会"
        page.close()


def test_site_opens_under_a_sub_path(built, chromium):
    with static_server(built.site, prefix="renda") as base:
        page = chromium.new_page()
        response = page.goto(base + urls.served(urls.deputy("d0001")))
        assert response.status == 200
        assert page.locator("h1").first.inner_text() == "周明远"
        page.close()
