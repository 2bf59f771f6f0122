"""Subscribers, watches, matching, digests and their delivery."""
