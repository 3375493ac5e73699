"""Source adapters: one module per bulk format, the same small interface (see `sources.base`)."""
