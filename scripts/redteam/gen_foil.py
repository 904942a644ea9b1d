# Red-team generator (not run by ctest; see README.md here): foil masks in every raster form, and foil defects.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("REDTEAM_WORK", "/tmp/redteam")
import json, os, subprocess, sys, shutil
root = sys.argv[1]; shutil.rmtree(root, ignore_errors=True); os.makedirs(root)
src = WORK + "/a/png_rgb"
orders = []
def im(*a): subprocess.run(["convert", *a], check=True)
def card(name, mask_args, ext, foil_el=False, mask=True, finishes=("gold-foil",), prefix=""):
    d = os.path.join(root, name); shutil.copytree(src, d)
    des = json.load(open(d + "/design.json"))
    if mask:
        im("-size", "1819x1311", "xc:black", "-fill", "white", "-draw", "rectangle 700,900 1100,1000", *mask_args, prefix + d + "/mask." + ext)
        des["pages"][0]["foil_mask"] = "mask." + ext
    if foil_el:
        des["pages"][0]["elements"].append({"id": "g1", "type": "graphic", "box_mm": [60.0, 75.0, 28.0, 10.0], "foil": True})
    json.dump(des, open(d + "/design.json", "w"))
    orders.append({"order_id": name, "status": "paid", "placed_at": "2026-11-20T14:03:00+01:00", "check_service": True,
        "shipping_address": {"name": "Anna de Vries", "street": "Kerkstraat", "house_number": "12", "postcode": "3511 AB", "city": "Utrecht", "country": "NL"},
        "items": [{"type": "card", "product": "birth_announcement", "quantity": 60, "paper": "linen-350", "finishes": list(finishes), "design": f"{name}/design.json"}, {"type":"envelope","quantity":60}]})
card("grey8", ["-colorspace", "Gray", "-depth", "8"], "png")
card("grey16", ["-colorspace", "Gray", "-depth", "16"], "png")
card("bilevel", ["-monochrome"], "png")
card("rgb", ["-depth", "8"], "png", prefix="PNG24:")
card("rgba", ["-alpha", "on"], "png", prefix="PNG32:")
card("greyalpha_transparent_bg", ["-colorspace", "Gray", "-transparent", "black"], "png")
card("palette", [], "png", prefix="PNG8:")
card("jpeg", ["-colorspace", "Gray", "-quality", "90"], "jpg")
card("tif", ["-colorspace", "Gray", "-compress", "LZW"], "tif")
card("tif_bilevel", ["-monochrome", "-compress", "Group4"], "tif")
card("webp", ["-define", "webp:lossless=true"], "webp")
card("el_only", [], "png", foil_el=True, mask=False)
card("el_and_mask", ["-colorspace", "Gray"], "png", foil_el=True)
card("silver_rose", ["-colorspace", "Gray"], "png", finishes=("silver-foil",))
# A pixel off the page raster, as a tool rounding the other way writes it: formats.md's +-1 px
# holds for the mask as for the raster (input.raster_size tolerance_px), so these are clean.
card("mask_1px_narrower", ["-crop", "1818x1311+0+0", "+repage", "-colorspace", "Gray"], "png")
card("mask_1px_taller", ["-background", "black", "-extent", "1819x1312", "-colorspace", "Gray"], "png")
open(root + "/orders.jsonl", "w").write("\n".join(json.dumps(o) for o in orders) + "\n")
json.dump({"papers": {"linen-350": {"finishes": ["gold-foil", "silver-foil"]}}}, open(root + "/policy.json", "w"))
orders.clear()
def raw(name, args, ext, prefix=""):
    card(name, [], ext)
    im(*args, prefix + os.path.join(root, name, "mask." + ext))
raw("def_empty_mask", ["-size", "1819x1311", "xc:black", "-colorspace", "Gray"], "png")
raw("def_transparent_white", ["-size", "1819x1311", "xc:#FFFFFF00"], "png", prefix="PNG32:")
raw("def_mask_wrong_size", ["-size", "1812x1311", "xc:black", "-fill", "white", "-draw", "rectangle 700,900 1100,1000"], "png")
card("def_mask_not_ordered", ["-colorspace", "Gray"], "png", finishes=())
card("def_foil_no_layer", [], "png", mask=False)
open(root + "/orders2.jsonl", "w").write("\n".join(json.dumps(o) for o in orders) + "\n")
