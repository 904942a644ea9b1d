# Red-team generator (not run by ctest; see README.md here): clean cards exported as another tool would (raster forms, numbers, NFD, CRLF, BOM), and defects made differently.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("REDTEAM_WORK", "/tmp/redteam")
import json, os, subprocess, sys, unicodedata, shutil
root = sys.argv[1]
shutil.rmtree(root, ignore_errors=True); os.makedirs(root)
PHOTO = "/usr/share/backgrounds/mate/abstract/Elephants.jpg"
FONTS = {
 "dejavu": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
 "lato": "/usr/share/fonts/truetype/lato/Lato-Regular.ttf",
 "lib": "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
 "garamond": "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf",
 "dancing": "/usr/share/fonts/opentype/dancingscript/DancingScript-Regular.otf",
}
def im(*a): subprocess.run(["convert", *a], check=True)
def px(mm, dpi): return round(mm * dpi / 25.4)
orders = []
PLACED = "2026-11-20T14:03:00+01:00"
def card(name, *, raster_fmt="png", im_opts=(), dpi=300, trim=(148.0,105.0), bleed=3.0, font="dejavu",
         text="Sophie van Dijk", extra_keys=None, keyorder=None, numfmt=None, photo=False, dims=None, bg="#F4EFE6", prefix=""):
    d = os.path.join(root, name); os.makedirs(d)
    W = px(trim[0]+2*bleed, dpi); H = px(trim[1]+2*bleed, dpi)
    if dims: W, H = dims
    fontdst = os.path.join(d, "f" + os.path.splitext(FONTS[font])[1]); shutil.copy(FONTS[font], fontdst)
    # draw text box centred, 20pt at box (24, 40, 100, 20) mm
    box = [24.0, 40.0, 100.0, 20.0]
    draw = ["-size", f"{W}x{H}", f"xc:{bg}"]
    if photo:
        pbox = [-bleed, -bleed, trim[0]+2*bleed, 35.0]
        pw, ph = px(pbox[2], dpi), px(pbox[3], dpi)
        im(PHOTO, "-resize", f"{pw}x{ph}^", "-gravity", "center", "-extent", f"{pw}x{ph}", os.path.join(d, "ph.png"))
        draw += [os.path.join(d, "ph.png"), "-gravity", "northwest", "-geometry", "+0+0", "-composite"]
    x0 = px(box[0]+bleed, dpi); y0 = px(box[1]+bleed, dpi)
    draw += ["-font", fontdst, "-pointsize", str(20*dpi/72), "-fill", "#222222", "-gravity", "northwest",
             "-annotate", f"+{x0+20}+{y0+10}", unicodedata.normalize("NFC", text)]
    rname = "front." + raster_fmt
    im(*draw, *im_opts, prefix + os.path.join(d, rname))
    el_t = {"id": "t1", "type": "text", "box_mm": box, "text": text, "font_file": "f" + os.path.splitext(FONTS[font])[1],
            "size_pt": 20, "align": "left", "color": "#222222"}
    els = []
    if photo:
        els.append({"id": "p1", "type": "photo", "box_mm": [-bleed, -bleed, trim[0]+2*bleed, 35.0], "source_px": [1920, 1080]})
    els.append(el_t)
    page = {"name": "front", "raster": rname, "dpi": dpi, "elements": els}
    des = {"design_id": name, "product": "birth_announcement", "trim_mm": list(trim), "bleed_mm": bleed, "safe_mm": 4.0, "pages": [page]}
    if extra_keys: des.update(extra_keys)
    s = json.dumps(des, ensure_ascii=False, indent=1)
    if numfmt: s = numfmt(s)
    open(os.path.join(d, "design.json"), "w", encoding="utf-8").write(s)
    o = {"order_id": name, "status": "paid", "placed_at": PLACED, "check_service": True, "proof": False,
         "customer": {"name": "Anna de Vries", "email": "a@x.nl", "phone": "0612345678"},
         "shipping_address": {"name": "Anna de Vries", "street": "Kerkstraat", "house_number": "12", "postcode": "3511 AB", "city": "Utrecht", "country": "NL"},
         "items": [{"type": "card", "product": "birth_announcement", "quantity": 60, "paper": "linen-350", "design": f"{name}/design.json"},
                   {"type": "envelope", "quantity": 60}]}
    orders.append(o)
# variants
card("png_rgb", im_opts=("-depth","8"))
card("png_rgb8_gray8", im_opts=("-depth","8","-colorspace","Gray"))
card("png_grey", im_opts=("-colorspace", "Gray", "-type", "Grayscale"))
card("png_greyalpha", im_opts=("-colorspace", "Gray", "-alpha", "on", "-type", "GrayscaleAlpha"))
card("png_palette", prefix="PNG8:")
card("png_16", im_opts=("-depth", "16"))
card("png_rgba", im_opts=("-alpha", "on", "-type", "TrueColorAlpha"))
card("png_interlaced", im_opts=("-interlace", "PNG"))
card("jpg_base", raster_fmt="jpg", im_opts=("-quality", "92"))
card("jpg_prog", raster_fmt="jpg", im_opts=("-interlace", "JPEG", "-quality", "92"))
card("jpg_grey", raster_fmt="jpg", im_opts=("-colorspace", "Gray"))
card("jpg_cmyk", raster_fmt="jpg", im_opts=("-colorspace", "CMYK"))
card("jpg_dpi72", raster_fmt="jpg", im_opts=("-density", "72", "-units", "PixelsPerInch"))
card("jpg_exif_orient1", raster_fmt="jpg", im_opts=("-orient", "TopLeft",))
card("tif_rgb", raster_fmt="tif")
card("tif_lzw", raster_fmt="tif", im_opts=("-compress", "LZW"))
card("tif_cmyk", raster_fmt="tif", im_opts=("-colorspace", "CMYK"))
card("tif_16", raster_fmt="tif", im_opts=("-depth", "16"))
card("webp", raster_fmt="webp", im_opts=("-quality", "95"))
card("webp_lossless", raster_fmt="webp", im_opts=("-define", "webp:lossless=true"))
card("dpi_150", dpi=150)
card("dpi_254", dpi=254)
card("dpi_float", dpi=300.0)
card("size_plus1", dims=(px(154,300)+1, px(111,300)-1))
card("sq_card", trim=(140.0,140.0))
card("font_lato", font="lato")
card("font_lib", font="lib")
card("font_garamond", font="garamond")
card("font_dancing", font="dancing", text="Sophie")
card("nfd_text", text=unicodedata.normalize("NFD", "Zoë Müller"))
card("nfc_text", text="Zoë Müller")
card("photo_card", photo=True)
card("bleed_int", numfmt=lambda s: s.replace('"bleed_mm": 3.0', '"bleed_mm": 3'))
card("bleed_exp", numfmt=lambda s: s.replace('"bleed_mm": 3.0', '"bleed_mm": 3e0').replace('"size_pt": 20', '"size_pt": 2.0E1'))
card("no_optional", numfmt=lambda s: s.replace('"bleed_mm": 3.0,', '').replace('"safe_mm": 4.0,', '').replace('"align": "left",', ''))
card("unknown_keys", extra_keys={"editor": {"v": 2}, "x_note": None})
card("spaces dir é")
# export written by "another tool": CRLF, BOM, shuffled keys
pol = {"papers": {"linen-350": {"finishes": ["gold-foil"]}}}
json.dump(pol, open(os.path.join(root, "policy.json"), "w"))
def dump(o, shuffle):
    if shuffle: o = dict(reversed(list(o.items())))
    return json.dumps(o, ensure_ascii=bool(shuffle), separators=(",", ":") if shuffle else (", ", ": "))
lines = [dump(o, i % 2) for i, o in enumerate(orders)]
open(os.path.join(root, "orders.jsonl"), "wb").write(("\r\n".join(lines) + "\r\n").encode())
open(os.path.join(root, "orders_bom.jsonl"), "wb").write(b"\xef\xbb\xbf" + ("\n".join(lines)).encode())
open(os.path.join(root, "orders_array.json"), "w").write(json.dumps(orders, indent=2))
print(len(orders), "orders")
# --- second set: NFD in fonts without combining marks, and defects made another way
if len(sys.argv) > 2:
    orders.clear()
    card("nfd_dancing", font="dancing", text=unicodedata.normalize("NFD", "Zoë Noël"))
    card("nfd_lobster_ij", font="dancing", text=unicodedata.normalize("NFD", "Loïs"))
    card("nfc_dancing_lois", font="dancing", text="Loïs")
    card("nfc_garamond", font="garamond", text="Zoë Ångström ĳs")
    card("nfd_garamond_a", font="garamond", text=unicodedata.normalize("NFD", "Ångström"))
    card("nfd_garamond_e", font="garamond", text=unicodedata.normalize("NFD", "Zoë"))
    card("nfd_dejavu_i", font="dejavu", text=unicodedata.normalize("NFD", "Loïs"))
    card("nfd_garamond", font="garamond", text=unicodedata.normalize("NFD", "Zoë Ångström ĳs"))
    card("def_ij_dancing", font="dancing", text="Bĳ ons")
    card("def_placeholder", text="Lorem ipsum dolor")
    card("def_year", text="geboren 3 maart 2019")
    card("def_weight", text="3 maart 2026, 34500 gram")
    card("def_weekday", text="zaterdag 12 maart 2026")
    card("def_bleed", im_opts=("-fill", "white", "-draw", "rectangle 0,0 40,1311"))
    card("def_bleed_offwhite", im_opts=("-fill", "#FEFEFE", "-draw", "rectangle 0,0 40,1311"))
    card("def_size", dims=(1819, 1300))
    PLACED = "2026-03-20T14:03:00+01:00"
    texts = {
      "nbsp_date": "zaterdag\u00a014\u00a0maart\u00a02026",
      "nnbsp_date": "zaterdag\u202f14 maart 2026",
      "caps_date": "ZATERDAG 14 MAART 2026",
      "abbr_date": "za. 14 mrt. 2026",
      "abbr_date2": "zat 14 mrt 2026",
      "en_date": "Saturday, March 14th, 2026",
      "en_date2": "Saturday 14th March 2026",
      "num_date_dash": "14–03–2026",
      "num_date_dot": "14.03.2026",
      "num_date_slash": "14/3/2026",
      "iso_date": "2026-03-14",
      "short_year": "14 maart '26",
      "w_dot": "3.450 gram",
      "w_dot_gr": "3.450 gr",
      "w_comma_kg": "3,450 kg",
      "w_kilo_gram": "3 kilo 450 gram",
      "w_pond": "7 pond",
      "w_g_nbsp": "3450\u00a0g",
      "l_comma": "51,5 cm",
      "l_dot": "51.5 cm",
      "both": "3450 gram en 51 cm",
      "both2": "3.450 gram - 51 centimeter",
      "phone_0": "+31 (0)6 12345678",
      "phone_1": "+31 (0)6 1234 5678",
      "phone_2": "06-12345678",
      "phone_3": "06 - 123 456 78",
      "phone_4": "0031 6 12345678",
      "phone_5": "+31 6 12 34 56 78",
      "phone_6": "(06) 12345678",
      "phone_7": "020-1234567",
      "phone_8": "+32 470 12 34 56",
      "phone_9": "+49 30 1234567",
      "year_range": "2024–2026",
      "year_time": "om 14:30 uur",
      "born": "geboren op 14 maart 2026",
      "born_time": "14 maart 2026 om 14.32 uur, 3450 gram, 51 cm",
      "house": "Kerkstraat 12, 3511 AB Utrecht",
      "weeks": "40 weken",
    }
    texts.update({
      "D_nbsp_wd": "zaterdag\u00a012\u00a0maart\u00a02026",
      "D_caps_wd": "ZATERDAG 12 MAART 2026",
      "D_abbr_wd": "za. 12 mrt. 2026",
      "D_en_wd": "Saturday, March 12th, 2026",
      "D_en_wd2": "Saturday 12th March 2026",
      "D_feb31": "31 februari 2026",
      "D_feb30_num": "30-02-2026",
      "D_feb30_dot": "30.02.2026",
      "D_future": "geboren op 2 april 2026",
      "D_year": "geboren op 2 maart 2025",
      "D_year_num": "02-03-2024",
      "D_w_34500": "34.500 gram",
      "D_w_345": "345 gram",
      "D_w_345kg": "3,45 gram",
      "D_w_kg": "34,5 kg",
      "D_l_51mm": "5,1 cm",
      "D_l_510": "510 cm",
      "D_phone_0": "+31 (0)6 1234567",
      "D_phone_1": "06-1234567",
      "D_phone_2": "06 - 123 456 7",
      "D_phone_3": "0031 6 1234567",
      "D_phone_4": "+31 6 12 34 56 7",
      "D_lorem": "LOREM IPSUM",
      "D_naam": "[Naam]",
      "D_ddmm": "dd-mm-jjjj",
      "D_xx": "xx-xx-xxxx",
    })
    for k, t in texts.items():
        card("c_" + k, text=t, extra_keys={"product": "birth_announcement"})
    I = "/usr/share/color/icc/ghostscript/"
    card("icc_a98_png", im_opts=("-depth", "8", "-profile", I + "a98.icc"))
    card("icc_romm_png16", im_opts=("-depth", "16", "-profile", I + "rommrgb.icc"))
    card("icc_srgb_jpg", raster_fmt="jpg", im_opts=("-profile", I + "srgb.icc"))
    card("icc_a98_jpg", raster_fmt="jpg", im_opts=("-profile", I + "a98.icc"))
    card("icc_cmyk_jpg", raster_fmt="jpg", im_opts=("-profile", I + "srgb.icc", "-profile", I + "default_cmyk.icc"))
    card("icc_cmyk_tif", raster_fmt="tif", im_opts=("-profile", I + "srgb.icc", "-profile", I + "ps_cmyk.icc", "-compress", "LZW"))
    card("icc_gray_jpg", raster_fmt="jpg", im_opts=("-colorspace", "Gray", "-profile", I + "sgray.icc"))
    card("icc_gray_png", im_opts=("-colorspace", "Gray", "-depth", "8", "-profile", I + "default_gray.icc"))
    card("icc_graytok_jpg", raster_fmt="jpg", im_opts=("-colorspace", "Gray", "-profile", I + "gray_to_k.icc"))
    card("icc_scrgb_png", im_opts=("-depth", "16", "-profile", I + "scrgb.icc"))
    card("icc_lab_tif", raster_fmt="tif", im_opts=("-colorspace", "Lab", "-compress", "LZW"))
    card("icc_rgb_on_grey_png", im_opts=("-colorspace", "Gray", "-depth", "8", "-set", "profile:icc", I + "srgb.icc"))
    for w in (20, 30, 36, 38, 50, 70, 100, 200):
        card(f"strip_{w}", im_opts=("-fill", "white", "-draw", f"rectangle 0,0 {w},1311"))
    open(os.path.join(root, "orders.jsonl"), "w").write("\n".join(json.dumps(o) for o in orders) + "\n")
