// The report page's stylesheet (screen from 390 px wide up, and print) and its filter script.
#pragma once

namespace preflight::report {

inline constexpr const char* page_style = R"CSS(
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f5f2;color:#222;overflow-wrap:break-word}
header{background:#23303d;color:#fff;padding:16px 24px}
header h1{margin:0 0 4px;font-size:21px}
header p{margin:0}
.counts{display:flex;gap:8px;flex-wrap:wrap;margin:10px 0 0;padding:0;list-style:none}
.count{background:#3b4b5b;border-radius:6px;padding:5px 10px}
.count b{font-size:19px;margin-right:4px}
.filters{padding:10px 24px;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center}
main{padding:16px 24px;max-width:1200px}
h2{font-size:19px;margin:22px 0 4px}
.note{margin:0 0 12px;color:#444}
.order{background:#fff;border:1px solid #ddd;border-left:6px solid #888;border-radius:8px;margin:0 0 16px;padding:12px 16px}
.g-badge_cancel{border-left-color:#7f1d1d}.g-badge_contact{border-left-color:#c2410c}.g-badge_self{border-left-color:#1d4ed8}.g-badge_error{border-left-color:#6b21a8}
.order h3{margin:0 0 6px;font-size:18px;display:flex;gap:4px 10px;align-items:center;flex-wrap:wrap}
.oid{white-space:nowrap;font-variant-numeric:tabular-nums}
.order h4{margin:12px 0 4px;font-size:15px}
.badge{font-size:13px;font-weight:600;border-radius:4px;padding:2px 8px;color:#fff;background:#4b5563;white-space:nowrap}
.b-badge_cancel,.v-cancel{background:#7f1d1d}.b-badge_contact,.v-hold{background:#b93c0b}.b-badge_self{background:#1d4ed8}.b-badge_error,.v-error{background:#6b21a8}.v-release{background:#166534}.v-skip{background:#4b5563}
.due{margin:4px 0;font-size:16px}.left{color:#7c2d12}
.contact{margin:6px 0;display:flex;flex-wrap:wrap;gap:4px 14px;align-items:baseline}
.contact a{font-weight:600;color:#1d4ed8;overflow-wrap:anywhere}
ul.say{background:#fff7ed;border-radius:6px;padding:8px 12px 8px 30px;margin:4px 0}
ul.say li,ul.do li,ol.findings li{margin:3px 0}
ul.do{margin:4px 0;padding-left:24px}
.meta{color:#555;font-size:14px}
.path{overflow-wrap:anywhere}
.pages{display:flex;gap:12px;flex-wrap:wrap;margin-top:8px}
figure{margin:0;max-width:100%}figure img{display:block;max-width:100%;height:auto;width:520px;border:1px solid #ccc;border-radius:4px}
.fix-pictures img{width:auto}
figcaption{font-size:13px;color:#555;max-width:520px}
ol.findings{margin:8px 0 0;padding-left:24px}
.sev-error{color:#b91c1c;font-weight:600}.sev-warning{color:#9a4a06;font-weight:600}.sev-info{color:#1d4ed8}
.check{font-family:ui-monospace,monospace;font-size:13px;background:#eef;border-radius:3px;padding:0 4px;overflow-wrap:anywhere}
.fixed{border-radius:6px;padding:2px 12px 10px;margin:10px 0}
.fix-ready{background:#ecfdf5}.fix-not-ready{background:#fef2f2}
table{border-collapse:collapse;background:#fff;width:100%}
td,th{border-bottom:1px solid #e5e5e5;padding:5px 8px;text-align:left;font-size:14px;vertical-align:top}
.hidden{display:none}
@media (max-width:600px){
  header,.filters,main{padding-left:12px;padding-right:12px}
  .order{padding:10px 10px}
  table,thead,tbody,tr,td{display:block}th{display:none}
  tr{border-bottom:1px solid #ddd;padding:6px 0}td{border:0;padding:2px 8px}
}
@media print{
  body{background:#fff;font-size:11pt}
  header{background:#fff;color:#000;padding:0 0 8px;border-bottom:2px solid #000}
  .count{background:#fff;border:1px solid #999}
  .filters{display:none}
  .hidden{display:block}tr.hidden{display:table-row}
  main{padding:0;max-width:none}
  .order{break-inside:avoid;border:1px solid #999;border-left-width:6px}
  .badge{color:#000;background:#fff !important;border:1px solid #000}
  a,.contact a{color:#000;text-decoration:none}
  figure img{width:300px}
}
)CSS";

inline constexpr const char* page_script = R"JS(
(function(){
  const verdict = document.getElementById('f-verdict'), check = document.getElementById('f-check');
  function apply(){
    let shown = 0;
    document.querySelectorAll('[data-verdict]').forEach(function(el){
      const okV = !verdict.value || el.dataset.verdict === verdict.value;
      const okC = !check.value || (' ' + el.dataset.checks + ' ').indexOf(' ' + check.value + ' ') >= 0;
      el.classList.toggle('hidden', !(okV && okC));
      if (okV && okC) shown++;
    });
    document.getElementById('shown').textContent = shown;
    const hash = [];
    if (verdict.value) hash.push('verdict=' + verdict.value);
    if (check.value) hash.push('check=' + check.value);
    history.replaceState(null, '', hash.length ? '#' + hash.join('&') : location.pathname);
  }
  new URLSearchParams(location.hash.slice(1)).forEach(function(value, key){
    if (key === 'verdict') verdict.value = value;
    if (key === 'check') check.value = value;
  });
  verdict.addEventListener('change', apply);
  check.addEventListener('change', apply);
  apply();
})();
)JS";

}  // namespace preflight::report
