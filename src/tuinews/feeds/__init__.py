"""Subscribing to RSS/Atom feeds and refreshing them: fetching many at once, parsing, storing."""
