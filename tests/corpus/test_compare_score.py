"""A floor under ``authtui compare`` on the real-capture corpus (compare_score.py).

Each stack's working answer against each induced failure: the share of pairs whose
headline names the induced cause must not fall below what it was measured at
(bare, the pastes alone: 92.2% develop, 92.3% held out; informed, with the stacks'
audience, issuer and keys: 97.4%, 100%).
The floors sit a little below, so a change that costs a few pairs says so here.
"""

from __future__ import annotations

import pytest

from tests.corpus.compare_score import figures, run
from tests.corpus.score import split

FLOORS = {
    ("develop", "bare"): 0.89,
    ("heldout", "bare"): 0.89,
    ("develop", "informed"): 0.95,
    ("heldout", "informed"): 0.97,
}


@pytest.mark.parametrize(("half", "mode"), sorted(FLOORS))
def test_the_headline_names_the_induced_cause(half: str, mode: str) -> None:
    named, _by_diff, _by_own, total = figures(run(split()[half], mode))
    assert total > 200
    assert named >= FLOORS[(half, mode)], f"{half} {mode}: {named:.1%}"


def test_the_order_of_the_arguments_changes_nothing() -> None:
    stacks = split()["develop"] + split()["heldout"]
    forward = run(stacks, "bare")
    swapped = run(stacks, "bare", swapped=True)
    assert [(o.failure.id, o.named, o.cause) for o in forward] == [
        (o.failure.id, o.named, o.cause) for o in swapped
    ]
