"""Shared fixtures: the demo project built once per session, the generator's result, real Chromium,
and the hosting tests' sites. Helpers live in tests/support/."""
from __future__ import annotations

import pytest

from support.project import ROOT, Built, copy_project, mkdocs_build


def pytest_configure(config):
    config.addinivalue_line("markers", "xdist_group(name): tests that pytest-xdist runs on one worker")


@pytest.hookimpl(tryfirst=True)           # before pytest-xdist's own, which reads the groups
def pytest_collection_modifyitems(config, items):
    """For pytest-xdist's `--dist loadgroup` (bash dev.sh test): a module's tests run on one worker, so its
    module-scoped builds are made once; the hosting modules share session-scoped builds, so they run
    together. The largest groups are handed out first, so that no worker is left with a long one at the end."""
    groups: dict[str, list] = {}
    for item in items:
        shares_hosting_builds = "hosting_project" in getattr(item, "fixturenames", ())
        group = "hosting" if shares_hosting_builds else item.module.__name__
        item.add_marker(pytest.mark.xdist_group(group))
        groups.setdefault(group, []).append(item)
    items[:] = [item for group in sorted(groups.values(), key=len, reverse=True) for item in group]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    import time
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = project / "site"
    started = time.perf_counter()
    result = mkdocs_build(project, site)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    return Built(project, site, result, seconds)


@pytest.fixture(scope="session")
def demo():
    """The demo content, loaded and checked by the generator alone (no MkDocs)."""
    from support.demo import Demo

    import renda_site
    return Demo(renda_site.generate(ROOT))


from support.browser import chromium  # noqa: E402,F401  (a fixture: real headless Chromium)
from support.hosting import hosting_project, live_sites, unset_site  # noqa: E402,F401  (session fixtures of the hosting tests)
