"""常委会会议 (see kind.py): the model and its checks (model.py), open data and Popolo (exports.py)."""
from .kind import INDEX, KIND, term_page, vote_text
from .model import NAME, AgendaItem, Meeting, MeetingId, Vote, meeting_title, passed

__all__ = ["KIND", "NAME", "MeetingId", "INDEX",
           "Meeting", "AgendaItem", "Vote", "meeting_title", "passed", "term_page", "vote_text"]
