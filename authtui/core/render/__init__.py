"""Renderings of one report: text for a terminal, Markdown for a ticket, JSON for scripts."""

from __future__ import annotations

from authtui.core.model import Report

FORMATS = ("text", "json", "markdown")


def render(report: Report, fmt: str = "text", *, color: bool = False) -> str:
    """Render ``report`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        from authtui.core.render.json import render_json

        return render_json(report)
    if fmt == "markdown":
        from authtui.core.render.markdown import render_markdown

        return render_markdown(report)
    from authtui.core.render.text import render_text

    return render_text(report, color=color)
