"""Renderings of a report or a comparison: text for a terminal, Markdown for a ticket,
JSON for scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: a renderer's importer need not load both models
    from authtui.core.compare.model import Comparison
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


def render_comparison(comparison: Comparison, fmt: str = "text", *, color: bool = False) -> str:
    """Render ``comparison`` in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        from authtui.core.render.json import render_comparison_json

        return render_comparison_json(comparison)
    if fmt == "markdown":
        from authtui.core.render.markdown import render_comparison_markdown

        return render_comparison_markdown(comparison)
    from authtui.core.render.text import render_comparison_text

    return render_comparison_text(comparison, color=color)
