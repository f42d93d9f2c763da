"""代表建议 and their handling (see kind.py): a record kind kept in a few small modules — the model and
what follows from it (model.py), its checks, its index and figures, what it shows on other kinds'
pages (sections.py), its open data."""
from .index import session_page, summary_page
from .kind import KIND
from .model import NAME, Reply, Suggestion, Supervision, add_months, due, on_time, timeline

__all__ = ["KIND", "NAME", "Suggestion", "Reply", "Supervision", "add_months", "due", "on_time", "timeline",
           "session_page", "summary_page"]
