"""One module per CLI command (or command group); jobs.cli registers them."""
