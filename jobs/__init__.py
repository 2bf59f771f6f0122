"""The inspectwatch command line, the scheduler daemon and one-shot runs."""
