"""Turning what comes from files and the network into `Article`s; no UI, no database."""
