# Red-team generator (not run by ctest; see README.md here): long paragraphs (layout cost).
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("REDTEAM_WORK", "/tmp/redteam")
exec(open(HERE + "/mut.py").read().split('mk("ok")')[0])
for n in (25000, 50000, 100000):
    mk(f"words_{n}", setk(["pages", 0, "elements", 0, "text"], "ab " * n))
mk("oneword_600k", setk(["pages", 0, "elements", 0, "text"], "a" * 600000))
mk("nowrap_words", lambda d: E(d)[0].update(text="ab " * 100000, wrap=False))
with open(root + "/orders.jsonl", "w") as f:
    for o in orders: f.write(json.dumps(o) + "\n")
json.dump({"papers": {}}, open(root + "/policy.json", "w"))
