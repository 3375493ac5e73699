"""Prefect flows (one per user-facing operation) and the `zhuanti` command line."""
