"""Bytes or text in, `Article` out: HTML pages, feed entries, text captures, quotations.

No network, no database, no files written: what reaches here was already downloaded or read.
"""
