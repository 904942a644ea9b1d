# Red-team generator (not run by ctest; see README.md here): the C API through ctypes: NULLs, duplicate and unnormalised paths, roots.
import os
HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.environ.get("REDTEAM_WORK", "/tmp/redteam")
import ctypes as C, json, os
L = C.CDLL(os.environ.get("PREFLIGHT_LIB", "build/libpreflight.so"))
class F(C.Structure): _fields_ = [("path", C.c_char_p), ("data", C.c_void_p), ("length", C.c_size_t)]
L.preflight_checker_create.restype = C.c_void_p; L.preflight_checker_create.argtypes = [C.c_char_p, C.c_void_p]
for fn in ["preflight_check_order", "preflight_check_design", "preflight_check_order_in", "preflight_check_design_in"]:
    getattr(L, fn).restype = C.c_void_p
L.preflight_check_order.argtypes = [C.c_void_p, C.c_char_p, C.c_void_p, C.c_size_t]
L.preflight_check_design.argtypes = [C.c_void_p, C.c_char_p, C.c_char_p, C.c_void_p, C.c_size_t]
L.preflight_check_order_in.argtypes = [C.c_void_p, C.c_char_p, C.c_char_p]
L.preflight_check_design_in.argtypes = [C.c_void_p, C.c_char_p, C.c_char_p]
L.preflight_result_json.restype = C.c_char_p; L.preflight_result_json.argtypes = [C.c_void_p]
L.preflight_result_free.argtypes = [C.c_void_p]
def show(tag, r):
    print(tag, (L.preflight_result_json(r) or b"")[:220].decode(errors="replace")); L.preflight_result_free(r)
ck = L.preflight_checker_create(b'{"papers": {"linen-350": {"finishes": []}}}', None)
order = open(WORK + "/a/orders.jsonl", "rb").readline().strip()
d = WORK + "/a/png_rgb"
files = [(b"png_rgb/design.json", open(d + "/design.json", "rb").read()), (b"png_rgb/front.png", open(d + "/front.png", "rb").read()), (b"png_rgb/f.ttf", open(d + "/f.ttf", "rb").read())]
def arr(fs):
    a = (F * len(fs))()
    keep = []
    for i, (p, b) in enumerate(fs):
        buf = C.create_string_buffer(b, len(b)) if b is not None else None; keep.append(buf)
        a[i].path = p; a[i].data = C.cast(buf, C.c_void_p) if buf is not None else None; a[i].length = len(b) if b is not None else 0
    return a, keep
a, k = arr(files); show("ok", L.preflight_check_order(ck, order, a, len(files)))
show("null checker", L.preflight_check_order(None, order, a, len(files)))
show("null order", L.preflight_check_order(ck, None, a, len(files)))
show("null files n>0", L.preflight_check_order(ck, order, None, 3))
a2, k2 = arr(files + [(b"png_rgb/front.png", b"garbage")]); show("dup path", L.preflight_check_order(ck, order, a2, 4))
a3, k3 = arr([(None, b"x")] + files); show("null path", L.preflight_check_order(ck, order, a3, 4))
a4, k4 = arr([(b"png_rgb/front.png", None)] + files[:1] + files[2:]); show("null data", L.preflight_check_order(ck, order, a4, 3))
a5, k5 = arr([(b"./png_rgb/design.json", files[0][1]), (b"png_rgb//front.png", files[1][1]), (b"png_rgb/./f.ttf", files[2][1])]); show("unnormalised paths", L.preflight_check_order(ck, order, a5, 3))
a6, k6 = arr([(b"/png_rgb/design.json", files[0][1])] + files[1:]); show("abs path", L.preflight_check_order(ck, order, a6, 3))
show("design null path", L.preflight_check_design(ck, files[0][1], None, a, 3))
a7, k7 = arr([(b"front.png", files[1][1]), (b"f.ttf", files[2][1])]); show("design at top", L.preflight_check_design(ck, files[0][1], None, a7, 2))
show("order_in null root", L.preflight_check_order_in(ck, order, None))
show("order_in", L.preflight_check_order_in(ck, order, (WORK + "/a").encode())
show("order_in empty root", L.preflight_check_order_in(ck, order, b""))
show("design_in abs", L.preflight_check_design_in(ck, (WORK + "/a/png_rgb/design.json").encode(), (WORK + "/a").encode())
show("design_in null", L.preflight_check_design_in(ck, None, (WORK + "/a").encode())
show("design_in dir", L.preflight_check_design_in(ck, b"png_rgb", (WORK + "/a").encode())
show("design_in root slash", L.preflight_check_design_in(ck, b"png_rgb/design.json", (WORK + "/a/").encode())
show("design_in root rel", L.preflight_check_design_in(ck, b"png_rgb/design.json", b"../red/a"))
show("bad utf8", L.preflight_check_order(ck, b'{"order_id": "\xff\xfe", "status": "paid"}', a, 3))
show("order array", L.preflight_check_order(ck, b'[' + order + b']', a, 3))
show("result null", None)
L.preflight_checker_free(ck)
e = C.c_void_p(); r = L.preflight_checker_create(b'{"papers": 3}', C.byref(e)); print("bad policy", r, L.preflight_result_json(e)[:150]); L.preflight_result_free(e)
r = L.preflight_checker_create(b'\xef\xbb\xbf{}', C.byref(e)); print("bom policy", r, e.value and L.preflight_result_json(e)[:150])
