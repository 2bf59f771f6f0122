"""Assembling one visit record from what a language's extractor found."""

from __future__ import annotations

from core.records import Stop, Visit
from crawler.visits.dates import DateSpan
from crawler.visits.officials import Mention, to_officials
from crawler.visits.stops import assign_regions


def make_visit(text: str, span: DateSpan, leads: list[Mention], accompanying: list[Mention],
               regions: list[str], stops: list[Stop], emphasized: list[str]) -> Visit:
    """The visit, its stops placed in ``regions`` by where ``text`` names them."""
    return Visit(date=span.start, end_date=span.last_day(), officials=to_officials(leads),
                 accompanying=to_officials(accompanying), regions=regions,
                 stops=assign_regions(text, stops, regions), emphasized=emphasized)
