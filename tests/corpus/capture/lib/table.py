"""Print the README's stack table from CORPUS_DIR/*/stack.json and cases.json."""
import json
import sys
from pathlib import Path

corpus = Path(sys.argv[1])
how = {"python": "pip (venv)", "node": "npm", "debian": "apt-get", "ruby": "apt-get (Debian gems)",
       "go": "apt-get + go build (GOPATH, offline)"}
print("| stack | name | ecosystem | package | version | installed with | auth | captures |")
print("|---|---|---|---|---|---|---|---|")
for p in sorted(corpus.glob("*/stack.json")):
    m = json.loads(p.read_text())
    n = len(json.loads((p.parent / "cases.json").read_text()))
    print(f"| {m['stack']} | {m['name']} | {m['ecosystem']} | {m['package']} | {m['version']} | "
          f"{how[m['ecosystem']]} | {m['auth']} | {n} |")
