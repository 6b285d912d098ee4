"""The two sides together: which one works, and the point of view differences take."""

from __future__ import annotations

from dataclasses import dataclass

from authtui.core.compare.model import Difference, Working
from authtui.core.compare.side import Side
from authtui.core.model import Severity

NONE = "(none)"
"""How a value that one side does not have is shown."""


def working_of(a: Side, b: Side) -> Working:
    """Which side works, from the two verdicts (never from the order of arguments)."""
    if a.works and b.works:
        return Working.BOTH
    if a.works:
        return Working.A
    if b.works:
        return Working.B
    return Working.NEITHER


@dataclass(frozen=True, slots=True)
class Pair:
    """Sides A and B, and the point of view of every title: the failing side's."""

    a: Side
    b: Side
    working: Working

    @classmethod
    def of(cls, a: Side, b: Side) -> Pair:
        """The pair, with which side works decided from the verdicts."""
        return cls(a, b, working_of(a, b))

    @property
    def one_works(self) -> bool:
        """Exactly one side works: the differences can explain the failure."""
        return self.working in (Working.A, Working.B)

    @property
    def fail(self) -> Side:
        """The side titles speak of: the failing one when one works, else B."""
        return self.a if self.working is Working.B else self.b

    @property
    def work(self) -> Side:
        """The other side: the working one when one works, else A."""
        return self.b if self.working is Working.B else self.a

    @property
    def x(self) -> str:
        """The failing side's label (``B`` unless B works)."""
        return self.fail.label

    @property
    def y(self) -> str:
        """The working side's label."""
        return self.work.label

    def diff(
        self,
        code: str,
        severity: Severity,
        title: str,
        fail_value: str,
        work_value: str,
        detail: str = "",
    ) -> Difference:
        """A difference, its values put back in A/B order.

        ``severity`` is what the difference means when one side works and the other
        fails; when both work or both fail no difference explains a failure by
        contrast, so none is more than a warning.
        """
        if not self.one_works and severity is Severity.ERROR:
            severity = Severity.WARNING
        if self.fail is self.a:
            a_value, b_value = fail_value, work_value
        else:
            a_value, b_value = work_value, fail_value
        return Difference(code, severity, title, a_value, b_value, detail)
