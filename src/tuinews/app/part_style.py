"""The colours of a widget's parts, worked out against the background they are drawn on.

Textual's partial component styles drop what makes theme colours safe: `$text` and
`$text-muted` are "auto" colours (the contrasting colour of whatever lies underneath) and
`$foreground-muted` is see-through; taken as they stand they come out white, or full
strength, whatever the background. Light themes then showed white titles on light grey.
Resolving each part against the real background (the pane's, or the cursor row's) keeps
the contrast every theme was designed for, and lets a cursor row take the cursor's colour.
"""

from __future__ import annotations

from rich.style import Style
from textual.color import Color
from textual.css.styles import StylesBase
from textual.strip import Strip
from textual.widget import Widget


def background_of(widget: Widget, component: str | None = None) -> Color:
    """The colour a part is drawn on: the widget's, under the component's own background."""
    background = widget.background_colors[1]
    if component is not None:
        styles = widget.get_component_styles(component)
        if styles.has_rule("background"):
            background = background + styles.background
    return background


def part_style(widget: Widget, component: str, under: Color | None = None) -> Style:
    """The component's colour, background and text style as drawn over `under`.

    `under` defaults to the widget's own background. A part without a background of its
    own stays transparent, so a cursor row underneath still shows.
    """
    styles = widget.get_component_styles(component)
    base = background_of(widget) if under is None else under
    background = base + styles.background if styles.has_rule("background") else base
    style = Style()
    if styles.has_rule("color"):
        color = styles.color
        # A see-through terminal colour (16-colour themes' muted text) cannot be mixed: dim it.
        faint = color.ansi is not None and color.a < 1
        style = Style(color=_resolve(styles, background).rich_color, dim=faint or None)
    if styles.has_rule("background"):
        style += Style(bgcolor=background.rich_color)
    return style + styles.text_style


def cursor_style(widget: Widget, component: str) -> Style:
    """The cursor row's background, colour and text style over the widget's background.

    In a 16-colour theme (the terminal's own palette, which tuinews cannot measure) the
    cursor is reverse video: the terminal's two default colours, swapped, always contrast.
    """
    styles = widget.get_component_styles(component)
    if background_of(widget).ansi is not None:
        return Style(color="default", bgcolor="default", reverse=True) + styles.text_style
    background = background_of(widget, component)
    color = _resolve(styles, background) if styles.has_rule("color") else None
    return (
        Style(color=color.rich_color if color else None, bgcolor=background.rich_color)
        + styles.text_style
    )


def recolour(strip: Strip, cursor: Style) -> Strip:
    """Every cell of a row in the cursor's colours, keeping each part's bold or italic.

    A part coloured for the pane (a muted date, a coloured count) can vanish on the cursor's
    background, so on the cursor row the cursor's colours win.
    """
    colours = Style(color=cursor.color, bgcolor=cursor.bgcolor, reverse=cursor.reverse)
    return Strip(
        [segment._replace(style=(segment.style or Style()) + colours) for segment in strip],
        strip.cell_length,
    ).apply_style(cursor)


def _resolve(styles: StylesBase, background: Color) -> Color:
    """The colour a style draws text in over `background` ("auto" as Textual means it)."""
    color = styles.color
    if color.ansi is not None or background.ansi is not None:
        return color
    if color.auto or (styles.has_rule("auto_color") and styles.auto_color):
        return background.get_contrast_text(color.a)
    return background + color
