"""Google Reader API accounts: pull subscriptions, items and state; push the queue of changes."""
