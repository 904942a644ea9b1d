# Red-team generator (not run by ctest; see README.md here): backgrounds placed a little off (a white strip along one edge of a full-bleed card: defects) beside deliberate white borders and bands (clean).
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("REDTEAM_WORK", "/tmp/redteam")
import json, os, subprocess, sys, shutil
root = sys.argv[1]; shutil.rmtree(root, ignore_errors=True); os.makedirs(root)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
W, H = 1819, 1311   # 148 x 105 mm + 3 mm bleed at 300 dpi
def px(mm): return round(mm * 300 / 25.4)
orders = []
def card(name, draw):
    d = os.path.join(root, name); os.makedirs(d); shutil.copy(FONT, d + "/f.ttf")
    subprocess.run(["convert", "-size", f"{W}x{H}", "xc:white", *draw, "-depth", "8", d + "/front.png"], check=True)
    json.dump({"design_id": name, "product": "wedding", "trim_mm": [148, 105], "pages": [{"name": "front", "raster": "front.png", "dpi": 300,
        "elements": [{"id": "t", "type": "text", "box_mm": [24, 40, 100, 20], "text": "Anna & Tom", "font_file": "f.ttf", "size_pt": 20,
                      "align": "center", "color": "#222222"}]}]}, open(d + "/design.json", "w"))
    orders.append({"order_id": name, "status": "paid", "placed_at": "2026-11-20T14:03:00+01:00", "check_service": True,
        "shipping_address": {"name": "Anna de Vries", "street": "Kerkstraat", "house_number": "12", "postcode": "3511 AB", "city": "Utrecht", "country": "NL"},
        "items": [{"type": "card", "product": "wedding", "quantity": 60, "paper": "linen-350", "design": f"{name}/design.json"}, {"type": "envelope", "quantity": 60}]})
def rect(x0, y0, x1, y1, colour="#E8D9C0"): return ["-fill", colour, "-draw", f"rectangle {x0},{y0},{x1 - 1},{y1 - 1}"]
def write(file):
    open(os.path.join(root, file), "w").write("\n".join(json.dumps(o) for o in orders) + "\n"); orders.clear()
card("full_bleed", rect(0, 0, W, H))
card("white_card", [])
card("even_border_0_5", rect(px(3.5), px(3.5), W - px(3.5), H - px(3.5)))
card("even_border_1", rect(px(4), px(4), W - px(4), H - px(4)))
card("even_border_4", rect(px(7), px(7), W - px(7), H - px(7)))
card("band_bottom_3", rect(0, 0, W, H - px(6)))
card("band_left_15", rect(px(18), 0, W, H))
write("orders.jsonl")
for mm in (0.4, 0.8, 1.2):
    o = px(3 + mm)
    card(f"def_sliver_left_{mm}", rect(o, 0, W, H))
    card(f"def_sliver_bottom_{mm}", rect(0, 0, W, H - o))
write("orders2.jsonl")
json.dump({"papers": {"linen-350": {"finishes": ["gold-foil"]}}}, open(root + "/policy.json", "w"))
