# Red-team generator (not run by ctest; see README.md here): one clean card per installed font.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("REDTEAM_WORK", "/tmp/redteam")
import json, os, sys, shutil, glob, subprocess
exec(open(HERE + "/gen.py").read().split("# variants")[0].replace("root = sys.argv[1]", "root = sys.argv[1]"))
fonts = sorted(glob.glob("/usr/share/fonts/**/*.[ot]tf", recursive=True))
for i, f in enumerate(fonts):
    FONTS[f"x{i}"] = f
    try: card(f"font{i}_" + os.path.basename(f).replace(" ", "_")[:30], font=f"x{i}", im_opts=("-depth", "8"))
    except Exception as e: print("gen fail", f, e)
open(os.path.join(root, "orders.jsonl"), "w").write("\n".join(json.dumps(o) for o in orders) + "\n")
json.dump({"papers": {}}, open(os.path.join(root, "policy.json"), "w"))
print(len(orders))
