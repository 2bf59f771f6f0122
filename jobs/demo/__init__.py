"""The offline demo: a bundled news-portal snapshot, a local SMTP server, the whole pipeline."""
