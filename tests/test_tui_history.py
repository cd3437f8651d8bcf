"""Reader history on its own: the browser rules, without a screen."""

from __future__ import annotations

from tuinews.app.history import History, Visit


def test_back_and_forward_return_to_each_visit_with_its_scroll() -> None:
    history = History()
    history.visit(1)
    history.remember_scroll(12)
    history.visit(2)
    history.remember_scroll(30)
    assert history.back() == Visit(1, 12)
    assert history.forward() == Visit(2, 30)
    assert history.forward() is None
    assert history.current == Visit(2, 30)


def test_a_new_visit_after_going_back_drops_the_forward_entries() -> None:
    history = History()
    for article in (1, 2, 3):
        history.visit(article)
    history.back()
    history.back()
    history.visit(4)
    assert not history.can_go_forward
    assert len(history) == 2
    assert history.back() == Visit(1)
    assert history.back() is None
    assert history.current == Visit(1)


def test_an_empty_history_goes_nowhere() -> None:
    history = History()
    assert history.current is None
    assert history.back() is None and history.forward() is None
    history.remember_scroll(5)
    assert len(history) == 0
