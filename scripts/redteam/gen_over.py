# Red-team generator (not run by ctest; see README.md here): photo frames overhanging the bleed box.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("REDTEAM_WORK", "/tmp/redteam")
import json, os, subprocess, sys, shutil
exec(open(HERE + "/gen_photo.py").read().split("orders = []")[0])
orders = []
def over(name, frame_mm, crop=None, rot=None):
    d = os.path.join(root, name); os.makedirs(d)
    # frame in px relative to bleed box origin (-3,-3)
    x0 = round((frame_mm[0] + 3) * 300 / 25.4); y0 = round((frame_mm[1] + 3) * 300 / 25.4)
    w = round(frame_mm[2] * 300 / 25.4); h = round(frame_mm[3] * 300 / 25.4)
    # source: displayed photo 1600x2560, choose crop to frame aspect
    asp = frame_mm[2] / frame_mm[3]
    cw, ch = (1600, round(1600 / asp)) if 1600 / asp <= 2560 else (round(2560 * asp), 2560)
    cx, cy = (1600 - cw) // 2, (2560 - ch) // 2
    im(disp, "-crop", f"{cw}x{ch}+{cx}+{cy}", "+repage", "-resize", f"{w}x{h}!", d + "/ph.png")
    im("-size", "1819x1311", "xc:#F4EFE6", d + "/ph.png", "-geometry", f"{x0:+d}{y0:+d}", "-composite", "-depth", "8", d + "/front.png")
    el = {"id": "p1", "type": "photo", "box_mm": frame_mm, "source_px": [1600, 2560], "crop_px": [cx, cy, cw, ch]}
    json.dump({"design_id": name, "product": "wedding", "trim_mm": [148, 105], "pages": [{"name": "front", "raster": "front.png", "dpi": 300, "elements": [el]}]}, open(d + "/design.json", "w"))
    orders.append({"order_id": name, "status": "paid", "placed_at": "2026-11-20T14:03:00+01:00", "check_service": True,
        "shipping_address": {"name": "Anna de Vries", "street": "Kerkstraat", "house_number": "12", "postcode": "3511 AB", "city": "Utrecht", "country": "NL"},
        "items": [{"type": "card", "product": "wedding", "quantity": 60, "paper": "linen-350", "design": f"{name}/design.json"}, {"type":"envelope","quantity":60}]})
over("exact_bleed_left", [-3.0, -3.0, 80.0, 111.0])
over("overhang_left", [-10.0, -10.0, 87.0, 125.0])
over("overhang_all", [-8.0, -8.0, 164.0, 121.0])
over("overhang_right", [70.0, -6.0, 90.0, 117.0])
over("inside", [20.0, 20.0, 50.0, 60.0])
over("half_outside_top", [20.0, -40.0, 50.0, 70.0])
open(root + "/orders.jsonl", "w").write("\n".join(json.dumps(o) for o in orders) + "\n")
json.dump({"papers": {"linen-350": {"finishes": []}}}, open(root + "/policy.json", "w"))
