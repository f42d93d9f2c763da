"""A pytest plugin for mutation testing (bench/mutation.sh): only the tests that run the generator in this
process and build no site. mutmut runs, for each mutant, the tests that reached the mutated function; a
MkDocs build, a browser or a check of a whole project copy per mutant would take hours, and a build in a
child process does not load the mutated code at all."""
from __future__ import annotations

import inspect

# Fixtures that build the demo site, start a browser or a web server, or copy the whole project.
SLOW_FIXTURES = {"built", "chromium", "hosting_project", "live_sites", "unset_site", "pristine"}
# Calls that build, check a project copy or start another process.
SLOW_CALLS = ("mkdocs_build(", "subprocess", "copy_project(", "main([", "sync_playwright", "index_site(", "dev_sh(",
              "run_import(")


def _calls_slow(function) -> bool:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    return any(call in source for call in SLOW_CALLS)


def _is_slow(item) -> bool:
    """The test, or a fixture it uses (a module's own site build), builds, browses or spawns."""
    if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    info = getattr(item, "_fixtureinfo", None)
    fixtures = [d.func for defs in (info.name2fixturedefs.values() if info else ()) for d in defs]
    return any(_calls_slow(f) for f in [getattr(item, "function", None), *fixtures] if f is not None)


def pytest_collection_modifyitems(config, items):
    slow = [item for item in items if _is_slow(item)]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not _is_slow(item)]
