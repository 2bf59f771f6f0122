"""Shared vocabulary: the visit record, configuration and the database."""
