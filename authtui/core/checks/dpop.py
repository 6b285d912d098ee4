"""Checks: dpop."""

from __future__ import annotations

from authtui.core.checks import Check

CHECKS: tuple[Check, ...] = ()
