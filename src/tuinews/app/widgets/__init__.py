"""Widgets of the library and reader screens; each posts its own messages."""
