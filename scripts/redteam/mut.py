# Red-team generator (not run by ctest; see README.md here): one mutation of a clean design or order per record (numbers, types, paths, sizes).
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("REDTEAM_WORK", "/tmp/redteam")
import json, os, shutil, sys, copy
src = WORK + "/a/png_rgb"; root = sys.argv[1]
shutil.rmtree(root, ignore_errors=True); os.makedirs(root)
base = json.load(open(src + "/design.json"))
orders = []
def mk(name, fn=None, raw=None, order_fn=None):
    d = os.path.join(root, name); os.makedirs(d)
    for f in os.listdir(src):
        if f != "design.json": shutil.copy(os.path.join(src, f), d)
    des = copy.deepcopy(base)
    if fn: fn(des)
    open(d + "/design.json", "w").write(raw(json.dumps(des)) if raw else json.dumps(des))
    o = {"order_id": name, "status": "paid", "placed_at": "2026-11-20T14:03:00+01:00", "check_service": True, "proof": False,
         "customer": {"name": "Anna de Vries", "email": "a@x.nl", "phone": "0612345678"},
         "shipping_address": {"name": "Anna de Vries", "street": "Kerkstraat", "house_number": "12", "postcode": "3511 AB", "city": "Utrecht", "country": "NL"},
         "items": [{"type": "card", "product": "birth_announcement", "quantity": 60, "paper": "linen-350", "design": f"{name}/design.json"}, {"type":"envelope","quantity":60}]}
    if order_fn: order_fn(o)
    orders.append(o)
P = lambda d: d["pages"][0]
E = lambda d: d["pages"][0]["elements"]
def setk(path, v):
    def f(d):
        t = d
        for k in path[:-1]: t = t[k]
        t[path[-1]] = v
    return f
mk("ok")
for k, vals in {"dpi": [0, -300, 1e308, "300", None, 300.4, 1e-300],
                "bleed_mm": [-3, 0, 1e308, "3", None, 1e-9],
                "safe_mm": [-4, 0, 1e308, "4", 200],
                "trim_mm": [[0, 105], [-148, 105], [148], [148, 105, 3], ["148", "105"], [1e308, 1e308], []]}.items():
    for i, v in enumerate(vals):
        if k == "dpi": mk(f"{k}_{i}", setk(["pages", 0, k], v))
        else: mk(f"{k}_{i}", setk([k], v))
for i, v in enumerate([0, -20, 1e308, "20", 1e-300, None, 10000]):
    mk(f"size_pt_{i}", setk(["pages", 0, "elements", 0, "size_pt"], v))
for i, v in enumerate([0, -1, 1e308, "1.2", 1e-300, 100]):
    mk(f"line_height_{i}", setk(["pages", 0, "elements", 0, "line_height"], v))
for i, v in enumerate([[0,0,0,0], [24,40,-100,20], [1e308,0,10,10], [-1e308,-1e308,1e308,1e308], [500,500,10,10], [24,40,100], ["24",40,100,20], [24,40,100,1e-300]]):
    mk(f"box_{i}", setk(["pages", 0, "elements", 0, "box_mm"], v))
for i, v in enumerate([1e308, -45, 90, 360, "90", 1e-300, -1e308]):
    mk(f"rot_{i}", setk(["pages", 0, "elements", 0, "rotation_deg"], v))
for i, v in enumerate(["", "#fff", "red", "#GGGGGG", 3, "#22222222"]):
    mk(f"color_{i}", setk(["pages", 0, "elements", 0, "color"], v))
for i, v in enumerate(["", "\n\n\n", "a"*20000, "\u0000x", "😀 Zoë", "\u202eabc", " "*500, "x\r\ny", "\ud800"[:0]+"a\u0301"*3000]):
    mk(f"text_{i}", setk(["pages", 0, "elements", 0, "text"], v))
for i, v in enumerate(["justify", "centre", "", 3]):
    mk(f"align_{i}", setk(["pages", 0, "elements", 0, "align"], v))
mk("dup_ids", lambda d: E(d).append(copy.deepcopy(E(d)[0])))
mk("outside_el", lambda d: E(d).append({"id": "g", "type": "graphic", "box_mm": [300, 300, 10, 10]}))
mk("photo_nosrc", lambda d: E(d).append({"id": "p", "type": "photo", "box_mm": [10, 10, 20, 20]}))
mk("photo_zero_src", lambda d: E(d).append({"id": "p", "type": "photo", "box_mm": [10, 10, 20, 20], "source_px": [0, 0]}))
mk("photo_neg_crop", lambda d: E(d).append({"id": "p", "type": "photo", "box_mm": [10, 10, 20, 20], "source_px": [100, 100], "crop_px": [-50, -50, 0, 0]}))
mk("photo_huge_src", lambda d: E(d).append({"id": "p", "type": "photo", "box_mm": [10, 10, 20, 20], "source_px": [1e308, 1e308]}))
mk("photo_zero_box", lambda d: E(d).append({"id": "p", "type": "photo", "box_mm": [10, 10, 0, 0], "source_px": [100, 100]}))
mk("photo_file_dir", lambda d: E(d).append({"id": "p", "type": "photo", "box_mm": [10, 10, 20, 20], "source_px": [100, 100], "file": "."}))
mk("unknown_type", lambda d: E(d).append({"id": "z", "type": "video", "box_mm": [10, 10, 20, 20]}))
mk("many_el", lambda d: E(d).extend({"id": f"g{i}", "type": "graphic", "box_mm": [10, 10, 5, 5]} for i in range(5000)))
mk("many_pages", lambda d: d["pages"].extend(dict(copy.deepcopy(P(d)), name=f"p{i}") for i in range(30)))
mk("dup_pages", lambda d: d["pages"].append(copy.deepcopy(P(d))))
mk("no_pages", setk(["pages"], []))
mk("no_elements", setk(["pages", 0, "elements"], []))
mk("page_name_missing", lambda d: P(d).pop("name"))
mk("raster_abs", setk(["pages", 0, "raster"], "/etc/passwd"))
mk("raster_dotdot", setk(["pages", 0, "raster"], "../ok/front.png"))
mk("raster_dot_inside", setk(["pages", 0, "raster"], "./sub/../front.png"))
mk("font_dir", setk(["pages", 0, "elements", 0, "font_file"], "."))
mk("font_empty", setk(["pages", 0, "elements", 0, "font_file"], ""))
mk("font_png", setk(["pages", 0, "elements", 0, "font_file"], "front.png"))
mk("foilmask_same", setk(["pages", 0, "foil_mask"], "front.png"))
mk("big_ints", raw=lambda s: s.replace('"dpi": 300', '"dpi": 300000000000000000000000000000000'))
mk("neg_zero", raw=lambda s: s.replace('"bleed_mm": 3.0', '"bleed_mm": -0.0'))
mk("dpi_exp", raw=lambda s: s.replace('"dpi": 300', '"dpi": 3E2'))
mk("dpi_300_0", raw=lambda s: s.replace('"dpi": 300', '"dpi": 300.0000'))
mk("qty_str", order_fn=lambda o: o["items"][0].update(quantity="60"))
mk("qty_neg", order_fn=lambda o: o["items"][0].update(quantity=-1))
mk("qty_float", order_fn=lambda o: o["items"][0].update(quantity=60.0))
mk("qty_huge", order_fn=lambda o: o["items"][0].update(quantity=1e308))
mk("no_items", order_fn=lambda o: o.update(items=[]))
mk("placed_z", order_fn=lambda o: o.update(placed_at="2026-11-20T13:03:00Z"))
mk("placed_frac", order_fn=lambda o: o.update(placed_at="2026-11-20T13:03:00.123456+01:00"))
mk("placed_lower", order_fn=lambda o: o.update(placed_at="2026-11-20t13:03:00z"))
mk("placed_nosec", order_fn=lambda o: o.update(placed_at="2026-11-20T13:03+01:00"))
mk("two_cards", order_fn=lambda o: o["items"].insert(1, dict(o["items"][0])))
mk("order_id_num", order_fn=lambda o: o.update(order_id=1042))
mk("design_abs", order_fn=lambda o: o["items"][0].update(design=WORK + "/a/png_rgb/design.json"))
with open(root + "/orders.jsonl", "w") as f:
    for o in orders: f.write(json.dumps(o) + "\n")
json.dump({"papers": {"linen-350": {"finishes": ["gold-foil"]}}}, open(root + "/policy.json", "w"))
print(len(orders))
