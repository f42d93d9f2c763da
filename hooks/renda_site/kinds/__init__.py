"""The registry of record kinds. Every stage loops over KINDS; adding a kind means adding its module
here (see CONTRIBUTING.md, "Adding a record kind"). Order matters twice: a kind's index may use the
indexes of kinds before it, and lists of all kinds (site map, open data, home page) follow this order.
"""
from __future__ import annotations

from . import (
    appointments,
    articles,
    bulletins,
    deputies,
    groups,
    meetings,
    sessions,
    stations,
    suggestions,
    terms,
    units,
)

KINDS = [terms.KIND, groups.KIND, articles.KIND, deputies.KIND, appointments.KIND, bulletins.KIND, sessions.KIND,
         units.KIND, suggestions.KIND, meetings.KIND, stations.KIND]

__all__ = ["KINDS"]
