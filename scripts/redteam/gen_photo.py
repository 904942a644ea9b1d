# Red-team generator (not run by ctest; see README.md here): photo cards whose upload comes in many forms (EXIF orientation, CMYK, 16-bit, WebP) and photo defects.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("REDTEAM_WORK", "/tmp/redteam")
import json, os, subprocess, sys, shutil
root = sys.argv[1]; shutil.rmtree(root, ignore_errors=True); os.makedirs(root)
SRC = "/usr/share/backgrounds/mate/nature/LadyBird.jpg"
def im(*a):
    orient = None
    if "-orient" in a:
        i = a.index("-orient"); orient = {"RightTop": 6, "LeftBottom": 8, "BottomRight": 3}[a[i+1]]; a = a[:i] + a[i+2:]
    subprocess.run(["convert", *a], check=True)
    if orient: set_orientation(a[-1], orient)
import struct
def set_orientation(path, value):
    # A minimal EXIF APP1 (big-endian TIFF, one IFD entry: Orientation) right after SOI.
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1) + struct.pack(">HHIHH", 0x0112, 3, 1, value, 0) + struct.pack(">I", 0)
    payload = b"Exif\x00\x00" + tiff
    data = open(path, "rb").read()
    assert data[:2] == b"\xff\xd8"
    open(path, "wb").write(data[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + data[2:])
W, H = 1819, 1311
frame = [-3.0, -3.0, 80.0, 111.0]
fw, fh = round(80*300/25.4), round(111*300/25.4)
disp = os.path.join(root, "display.png")
im(SRC, "-rotate", "90", disp)             # displayed photo: 1600 x 2560 portrait
cw = 1600; ch = round(cw * fh / fw); cy = (2560 - ch)//2
crop = os.path.join(root, "crop.png")
im(disp, "-crop", f"{cw}x{ch}+0+{cy}", "+repage", "-resize", f"{fw}x{fh}!", crop)
orders = []
def card(name, upload_args, ext, with_file=True, raster_ext="png", raster_opts=(), crop_img=None, el_over=None):
    d = os.path.join(root, name); os.makedirs(d)
    im("-size", f"{W}x{H}", "xc:#F4EFE6", crop_img or crop, "-geometry", "+0+0", "-composite", *raster_opts, os.path.join(d, "front." + raster_ext))
    el = {"id": "p1", "type": "photo", "box_mm": frame, "source_px": [1600, 2560], "crop_px": [0, cy, cw, ch]}
    if el_over: el.update(el_over)
    if with_file:
        im(*upload_args(disp), os.path.join(d, "upload." + ext))
        el["file"] = "upload." + ext
    des = {"design_id": name, "product": "wedding", "trim_mm": [148, 105], "pages": [{"name": "front", "raster": "front." + raster_ext, "dpi": 300, "elements": [el]}]}
    json.dump(des, open(os.path.join(d, "design.json"), "w"))
    orders.append({"order_id": name, "status": "paid", "placed_at": "2026-11-20T14:03:00+01:00", "check_service": True,
        "shipping_address": {"name": "Anna de Vries", "street": "Kerkstraat", "house_number": "12", "postcode": "3511 AB", "city": "Utrecht", "country": "NL"},
        "items": [{"type": "card", "product": "wedding", "quantity": 60, "paper": "linen-350", "design": f"{name}/design.json"}, {"type":"envelope","quantity":60}]})
card("no_file", None, None, with_file=False)
card("jpg_plain", lambda s: [s, "-quality", "92"], "jpg")
card("jpg_exif6", lambda s: [s, "-rotate", "-90", "-orient", "RightTop", "-quality", "92"], "jpg")
card("jpg_exif8", lambda s: [s, "-rotate", "90", "-orient", "LeftBottom", "-quality", "92"], "jpg")
card("jpg_exif3", lambda s: [s, "-rotate", "180", "-orient", "BottomRight", "-quality", "92"], "jpg")
card("jpg_prog", lambda s: [s, "-interlace", "JPEG"], "jpg")
card("jpg_cmyk", lambda s: [s, "-colorspace", "CMYK"], "jpg")
card("jpg_grey", lambda s: [s, "-colorspace", "Gray"], "jpg")
card("png16", lambda s: [s, "-depth", "16"], "png")
card("png_rgba", lambda s: [s, "-alpha", "on"], "png")
card("tif", lambda s: [s, "-compress", "LZW"], "tif")
card("webp", lambda s: [s, "-quality", "90"], "webp")
card("raster_jpg85", lambda s: [s], "jpg", raster_ext="jpg", raster_opts=("-quality", "85"))
card("raster_webp", lambda s: [s], "jpg", raster_ext="webp", raster_opts=("-quality", "90"))
card("raster_jpg_cmyk", lambda s: [s], "jpg", raster_ext="jpg", raster_opts=("-colorspace", "CMYK", "-quality", "90"))
up = os.path.join(root, "up.png"); im(crop, "-resize", "18%", "-resize", f"{fw}x{fh}!", up)
bl = os.path.join(root, "bl.png"); im(crop, "-blur", "0x6", bl)
mo = os.path.join(root, "mo.png"); im(crop, "-motion-blur", "0x12+30", mo)
card("def_upscaled_print", None, None, with_file=False, crop_img=up)
card("def_blur_print", None, None, with_file=False, crop_img=bl)
card("def_motion_print", None, None, with_file=False, crop_img=mo)
card("def_lowres", None, None, with_file=False, el_over={"source_px": [300, 480], "crop_px": [0, 33, 300, 414]})
card("def_stretch", None, None, with_file=False, el_over={"crop_px": [0, cy, cw, ch - 200]})
card("def_upscaled_upload", lambda s: [s, "-resize", "15%", "-resize", "1600x2560!", "-quality", "92"], "jpg")
card("def_blur_upload", lambda s: [s, "-blur", "0x8", "-quality", "92"], "jpg")
open(os.path.join(root, "orders.jsonl"), "w").write("\n".join(json.dumps(o) for o in orders) + "\n")
json.dump({"papers": {"linen-350": {"finishes": []}}}, open(os.path.join(root, "policy.json"), "w"))
