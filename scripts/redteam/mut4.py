# Red-team generator (not run by ctest; see README.md here): thousands of content mentions in one text.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("REDTEAM_WORK", "/tmp/redteam")
exec(open(HERE + "/mut.py").read().split('mk("ok")')[0])
mk("dates_20k", lambda d: E(d)[0].update(text="zaterdag 12 maart 2026 " * 20000, wrap=False))
mk("phones_20k", lambda d: E(d)[0].update(text="06-1234567 " * 20000, wrap=False))
mk("weights_20k", lambda d: E(d)[0].update(text="345 gram " * 20000, wrap=False))
mk("names_20k", lambda d: E(d)[0].update(text=" ".join(("Sophie" if i % 2 else "sophie") + str(i % 50) for i in range(20000)), wrap=False))
mk("placeholder_20k", lambda d: E(d)[0].update(text="[naam] lorem " * 20000, wrap=False))
mk("years_20k", lambda d: E(d)[0].update(text="1990 " * 40000, wrap=False))
mk("missing_20k", lambda d: E(d)[0].update(text="中" * 40000, wrap=False))
mk("missing_wrap", lambda d: E(d)[0].update(text="中 " * 40000))
with open(root + "/orders.jsonl", "w") as f:
    for o in orders: f.write(json.dumps(o) + "\n")
json.dump({"papers": {}}, open(root + "/policy.json", "w"))
