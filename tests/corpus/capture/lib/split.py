"""Split the corpus STACKS into develop / heldout halves, at random with a recorded seed,
stratified so each half gets a mix of Python, Node and server/gateway stacks and of
token (jwt/oauth2), basic and proxy auth.

    python split.py CORPUS_DIR [SEED]     writes CORPUS_DIR/split.json
"""
import json
import random
import sys
from pathlib import Path

corpus = Path(sys.argv[1])
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261201
stacks = {}
for p in sorted(corpus.glob("*/stack.json")):
    m = json.loads(p.read_text())
    group = {"python": "python", "node": "node"}.get(m["ecosystem"], "server")  # debian/ruby/go
    kind = {"jwt": "token", "oauth2": "token"}.get(m["auth"], m["auth"])          # token/basic/proxy
    stacks[m["stack"]] = (group, kind)

rng = random.Random(seed)
develop, heldout = [], []
extra_to_develop = True  # which half takes the odd one out of a stratum; alternates
for stratum in sorted(set(stacks.values())):
    members = sorted(s for s, k in stacks.items() if k == stratum)
    rng.shuffle(members)
    half = len(members) // 2
    if len(members) % 2:
        n_dev = half + 1 if extra_to_develop else half
        extra_to_develop = not extra_to_develop
    else:
        n_dev = half
    develop += members[:n_dev]
    heldout += members[n_dev:]

out = {"seed": seed, "develop": sorted(develop), "heldout": sorted(heldout)}
(corpus / "split.json").write_text(json.dumps(out, indent=2) + "\n")
for name in ("develop", "heldout"):
    mix = {}
    for s in out[name]:
        mix[stacks[s]] = mix.get(stacks[s], 0) + 1
    print(name, len(out[name]), dict(sorted(mix.items())))
