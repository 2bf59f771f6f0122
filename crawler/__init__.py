"""Fetching and parsing: the news spider, site adapters, article and visit extraction."""
