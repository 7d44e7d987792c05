"""One module per command group of the `stkg` CLI."""
