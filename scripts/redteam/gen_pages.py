# Red-team generator (not run by ctest; see README.md here): multi-page birth/wedding/invitation texts, clean and realistic.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("REDTEAM_WORK", "/tmp/redteam")
import json, os, subprocess, sys, shutil
root = sys.argv[1]; shutil.rmtree(root, ignore_errors=True); os.makedirs(root)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
orders = []
def im(*a): subprocess.run(["convert", *a], check=True)
def card(name, product, pages, placed="2026-11-20T14:03:00+01:00", size=11):
    d = os.path.join(root, name); os.makedirs(d); shutil.copy(FONT, d + "/f.ttf")
    des_pages = []
    for pi, texts in enumerate(pages):
        pname = ["front", "inside", "back"][pi]
        im("-size", "1819x1311", "xc:#F4EFE6", "-depth", "8", f"{d}/{pname}.png")
        els = [{"id": f"{pname}{i}", "type": "text", "box_mm": [14.0, 14.0 + 22 * i, 120.0, 20.0], "text": t, "font_file": "f.ttf",
                "size_pt": size, "align": "center", "color": "#222222"} for i, t in enumerate(texts)]
        des_pages.append({"name": pname, "raster": f"{pname}.png", "dpi": 300, "elements": els})
    json.dump({"design_id": name, "product": product, "trim_mm": [148, 105], "pages": des_pages}, open(d + "/design.json", "w"), ensure_ascii=False)
    orders.append({"order_id": name, "status": "paid", "placed_at": placed, "check_service": True,
        "shipping_address": {"name": "Anna de Vries", "street": "Kerkstraat", "house_number": "12", "postcode": "3511 AB", "city": "Utrecht", "country": "NL"},
        "items": [{"type": "card", "product": product, "quantity": 60, "paper": "linen-350", "design": f"{name}/design.json"}, {"type":"envelope","quantity":60}]})
W = "2026-11-20T14:03:00+01:00"; B = "2026-03-20T14:03:00+01:00"
card("wed_rsvp", "wedding", [["Anna & Tom", "zaterdag 12 juni 2027"], ["Wij trouwen op zaterdag 12 juni 2027 in Utrecht", "Graag antwoord vóór 1 mei 2027"]], W)
card("wed_rsvp2", "wedding", [["Anna & Tom", "12.06.2027"], ["Ceremonie 14.00 uur", "RSVP uiterlijk 1 mei 2027 via 06-12345678"]], W)
card("wed_times", "wedding", [["Anna & Tom trouwen", "12 juni 2027"], ["Ontvangst 13.30 uur", "Ceremonie 14.00 uur", "Diner 18.00 uur", "Feest 21.00 - 01.00 uur"]], W)
card("wed_since", "wedding", [["Anna & Tom", "samen sinds 2015", "trouwen op 12 juni 2027"]], W)
card("wed_born", "wedding", [["Anna (1995) & Tom (1993)", "12 juni 2027"]], W)
card("wed_anniv", "wedding", [["25 jaar getrouwd!", "Anna & Tom, 12 juni 2002 - 12 juni 2027"]], W)
card("birth_visit", "birth_announcement", [["Sophie", "14 maart 2026"], ["Geboren op zaterdag 14 maart 2026", "3450 gram, 51 cm", "Kraamvisite welkom vanaf zaterdag 21 maart 2026"]], B)
card("birth_sibling", "birth_announcement", [["Sophie", "14 maart 2026"], ["Zusje van Daan (2022)", "Trotse ouders Anna & Tom", "Bel ons: 06-12345678"]], B)
card("birth_time", "birth_announcement", [["Sophie", "14-03-2026 om 03:45 uur", "3450 gram en 51 cm"], ["Sophie", "14 maart 2026"]], B)
card("birth_twins", "birth_announcement", [["Sophie & Daan", "14 maart 2026"], ["Sophie: 2450 gram, 46 cm", "Daan: 2610 gram, 47 cm"]], B)
card("birth_jan", "birth_announcement", [["Sophie", "28 december 2025"]], "2026-01-08T10:00:00+01:00")
card("birth_prem", "birth_announcement", [["Sophie", "14 maart 2026", "1250 gram, 38 cm"]], B)
card("birth_weight_kg", "birth_announcement", [["Sophie", "14 maart 2026", "3,45 kg - 51 cm"]], B)
card("birth_caps", "birth_announcement", [["SOPHIE", "14 maart 2026"], ["Welkom Sophie!", "Sophie van Dijk"]], B)
card("birth_name_capital", "birth_announcement", [["Sophie van Dijk", "14 maart 2026"], ["Van Dijk", "Familie van Dijk"]], B)
card("inv_party", "invitation", [["Anna wordt 40!", "Vier je mee op zaterdag 12 juni 2027?"], ["Van 20.00 tot 01.00 uur", "Geboren 12 juni 1987"]], W)
card("inv_en", "invitation", [["Save the date", "Saturday, June 12, 2027"], ["RSVP by May 1st, 2027", "Call +44 20 7946 0958"]], W)
card("generic_xmas", "christmas", [["Fijne feestdagen", "en een gelukkig 2027!"], ["Familie de Vries", "Kerstmis 2026"]], W)
card("wed_two_years", "wedding", [["Anna & Tom", "12 juni 2027"], ["Verloofd op 24 december 2025"]], W)
open(root + "/orders.jsonl", "w").write("\n".join(json.dumps(o, ensure_ascii=False) for o in orders) + "\n")
json.dump({"papers": {"linen-350": {"finishes": []}}}, open(root + "/policy.json", "w"))
orders.clear()
T = {
 "b_story": ("birth_announcement", B, [["Wij zijn dolblij met de geboorte van onze dochter Sophie, geboren op zaterdag 14 maart 2026 om 03.45 uur.", "Zij weegt 3450 gram en is 51 cm lang."]]),
 "b_due": ("birth_announcement", B, [["Sophie", "14 maart 2026", "Uitgerekend: 20 maart 2026"]]),
 "b_party": ("birth_announcement", B, [["Sophie", "14 maart 2026"], ["Kraamfeest op zondag 19 april 2026 van 14.00 - 17.00 uur"]]),
 "b_en_lbs": ("birth_announcement", B, [["Sophie", "March 14, 2026", "7 lbs 9 oz, 20 inches"]]),
 "b_en_lbs2": ("birth_announcement", B, [["Sophie", "March 14, 2026", "Weight: 7lb 9oz | Length: 20.5\""]]),
 "b_en_kg": ("birth_announcement", B, [["Sophie", "14.03.2026", "Gewicht: 3450 g | Lengte: 51 cm"]]),
 "b_m": ("birth_announcement", B, [["Sophie", "14 maart 2026", "3,450 kilo en 0,51 meter"]]),
 "b_noyear": ("birth_announcement", B, [["Sophie", "14 maart"], ["Geboren op 14-3-2026"]]),
 "b_iban": ("birth_announcement", B, [["Sophie", "14 maart 2026"], ["Liever geen cadeau? NL91 ABNA 0417 1643 00"]]),
 "w_iban": ("wedding", W, [["Anna & Tom", "12 juni 2027"], ["Een bijdrage voor onze huwelijksreis is welkom op NL91 ABNA 0417 1643 00 t.n.v. A. de Vries"]]),
 "w_iban2": ("wedding", W, [["Anna & Tom", "12 juni 2027"], ["IBAN: NL91ABNA0417164300"]]),
 "w_tel": ("wedding", W, [["Anna & Tom", "12 juni 2027"], ["Ceremoniemeester: Piet, T 06 123 456 78", "tel. 06-123.456.78", "+31 (0) 6 - 12 34 56 78"]]),
 "w_tel_service": ("wedding", W, [["Anna & Tom", "12 juni 2027"], ["Taxi: 0800-1234", "Info 0900-1234567"]]),
 "w_tel_be": ("wedding", W, [["Anna & Tom", "12 juni 2027"], ["RSVP Tom: 0470 12 34 56", "+32 (0)470 12 34 56", "+49 (0)30 1234567"]]),
 "w_address": ("wedding", W, [["Anna & Tom", "12 juni 2027"], ["Kasteel de Haar, Kasteellaan 1, 3455 RR Haarzuilens", "Parkeren: P1 / P2"]]),
 "w_routes": ("wedding", W, [["Anna & Tom", "12 juni 2027"], ["Afrit 15 op de A2, na 3,5 km rechtsaf", "Tafel 12, stoel 4"]]),
 "w_dresscode": ("wedding", W, [["Anna & Tom", "12|06|2027"], ["12 • 06 • 2027"]]),
 "w_roman": ("wedding", W, [["Anna & Tom", "XII.VI.MMXXVII"]]),
 "w_words": ("wedding", W, [["Anna & Tom", "twaalf juni tweeduizend zevenentwintig"]]),
 "w_date_formats": ("wedding", W, [["Anna & Tom", "12 juni 2027"], ["12/06/2027", "2027-06-12", "12 jun. 2027", "za 12 juni '27"]]),
 "w_weekday_en_nl": ("wedding", W, [["Save the date", "Saturday 12 June 2027"], ["zaterdag 12 juni 2027"]]),
 "w_dinner_date": ("wedding", W, [["Anna & Tom", "12 juni 2027"], ["Het diner is op vrijdag 11 juni 2027", "Brunch op zondag 13 juni 2027"]]),
 "b_weight_range": ("birth_announcement", B, [["Sophie & Daan", "14 maart 2026"], ["2450 - 2610 gram"]]),
 "b_birth_time": ("birth_announcement", B, [["Sophie", "14.03.2026 | 03.45 uur | 3450 gr | 51 cm"]]),
 "b_pipes": ("birth_announcement", B, [["Sophie", "14|03|2026", "3450g · 51cm"]]),
}
for k, (prod, placed, pages) in T.items(): card(k, prod, pages, placed)
open(root + "/orders2.jsonl", "w").write("\n".join(json.dumps(o, ensure_ascii=False) for o in orders) + "\n")
