/**
 * The dashboard: one self-contained page (no external scripts, fonts or styles, so it works
 * offline and under a strict Content-Security-Policy) that polls `GET /v1/dashboard` and draws
 * recent decisions, decisions per minute, per-critic latency and gating rate, and breaker
 * states. When the service asks for an API key, the page asks the user for one and keeps it in
 * the tab's sessionStorage only.
 */

/** How often the page refreshes, in milliseconds. */
export const DASHBOARD_REFRESH_MS = 2000;

export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Eleanor</title>
<style>
  :root { --allow:#2e7d32; --constrained_allow:#f9a825; --escalate:#ef6c00; --deny:#c62828;
          --fg:#1d232a; --muted:#5f6b76; --line:#e3e7eb; --bg:#f7f8fa; }
  * { box-sizing: border-box; }
  body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:var(--bg); }
  header { display:flex; align-items:baseline; gap:16px; padding:14px 24px; background:#fff; border-bottom:1px solid var(--line); }
  header h1 { font-size:18px; margin:0; }
  header .status { color:var(--muted); }
  main { display:grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap:16px; padding:16px 24px; }
  section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:14px 16px; min-width:0; }
  section h2 { font-size:14px; margin:0 0 10px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
  table { width:100%; border-collapse:collapse; }
  th, td { text-align:left; padding:5px 6px; border-bottom:1px solid var(--line); vertical-align:top; }
  th { font-weight:600; color:var(--muted); font-size:12px; }
  td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; }
  .pill { display:inline-block; padding:1px 8px; border-radius:10px; color:#fff; font-size:12px; white-space:nowrap; }
  .reasons { color:var(--muted); font-size:12px; }
  .totals { display:flex; gap:18px; flex-wrap:wrap; margin-bottom:10px; }
  .totals div { font-size:12px; color:var(--muted); }
  .totals b { display:block; font-size:20px; color:var(--fg); }
  .legend { display:flex; gap:12px; font-size:12px; color:var(--muted); margin-top:6px; }
  .legend i { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:4px; vertical-align:-1px; }
  .bar { height:8px; background:#90a4ae; border-radius:4px; }
  .breaker-closed { color:var(--allow); } .breaker-half_open { color:var(--escalate); } .breaker-open { color:var(--deny); font-weight:600; }
  #key { display:none; padding:16px 24px; }
  #key input { width:320px; padding:6px; }
  .empty { color:var(--muted); font-style:italic; }
</style>
</head>
<body>
<header><h1>Eleanor</h1><span class="status" id="status">connecting…</span></header>
<form id="key"><label>API key <input id="key-input" type="password" autocomplete="off"></label> <button>Use key</button></form>
<main>
  <section id="overview"><h2>Overview</h2><div class="totals" id="totals"></div>
    <svg id="timeline" width="100%" height="140" role="img" aria-label="Decisions per minute"></svg>
    <div class="legend" id="legend"></div></section>
  <section><h2>Recent decisions</h2><table id="recent"><thead><tr><th>Time</th><th>Decision</th><th>Trace</th><th class="num">ms</th><th>Top reasons</th></tr></thead><tbody></tbody></table></section>
  <section><h2>Critics</h2><table id="critics"><thead><tr><th>Critic</th><th>Stage</th><th class="num">Runs</th><th class="num">p50 ms</th><th class="num">p90 ms</th><th>Latency</th><th class="num">Gated</th><th>Breaker</th></tr></thead><tbody></tbody></table></section>
</main>
<script>
(() => {
  const DECISIONS = ['allow', 'constrained_allow', 'escalate', 'deny'];
  const COLORS = { allow: '#2e7d32', constrained_allow: '#f9a825', escalate: '#ef6c00', deny: '#c62828' };
  const $ = (id) => document.getElementById(id);
  const text = (value) => document.createTextNode(String(value));
  const cell = (content, cls) => { const td = document.createElement('td'); if (cls) td.className = cls; if (content instanceof Node) td.appendChild(content); else td.appendChild(text(content)); return td; };
  const pill = (decision) => { const s = document.createElement('span'); s.className = 'pill'; s.style.background = COLORS[decision] || '#777'; s.textContent = decision.replace('_', ' '); return s; };
  const fmt = (n, d = 1) => (typeof n === 'number' && isFinite(n) ? n.toFixed(d) : '–');
  const svgNS = 'http://www.w3.org/2000/svg';

  $('legend').replaceChildren(...DECISIONS.map((d) => { const s = document.createElement('span'); const i = document.createElement('i'); i.style.background = COLORS[d]; s.append(i, text(d.replace('_', ' '))); return s; }));

  function drawTimeline(buckets) {
    const svg = $('timeline');
    const width = svg.clientWidth || 600, height = 140, pad = 18;
    const totals = buckets.map((b) => DECISIONS.reduce((s, d) => s + b.counts[d], 0));
    const max = Math.max(1, ...totals);
    const w = (width - pad) / Math.max(1, buckets.length);
    const nodes = [];
    buckets.forEach((b, i) => {
      let y = height - pad;
      for (const d of DECISIONS) {
        const h = (b.counts[d] / max) * (height - 2 * pad);
        if (h <= 0) continue;
        const r = document.createElementNS(svgNS, 'rect');
        r.setAttribute('x', String(pad + i * w + 1)); r.setAttribute('y', String(y - h));
        r.setAttribute('width', String(Math.max(1, w - 2))); r.setAttribute('height', String(h));
        r.setAttribute('fill', COLORS[d]); r.setAttribute('data-decision', d);
        const title = document.createElementNS(svgNS, 'title');
        title.textContent = new Date(b.start).toLocaleTimeString() + ' ' + d + ': ' + b.counts[d];
        r.appendChild(title); nodes.push(r); y -= h;
      }
    });
    const label = document.createElementNS(svgNS, 'text');
    label.setAttribute('x', '0'); label.setAttribute('y', '12'); label.setAttribute('font-size', '11'); label.setAttribute('fill', '#5f6b76');
    label.textContent = 'max ' + max + '/min';
    nodes.push(label);
    svg.replaceChildren(...nodes);
  }

  function render(data) {
    const t = data.totals;
    $('totals').replaceChildren(...[
      ['Evaluations', t.evaluations], ['In flight', t.inFlight], ['Queued', t.queued],
      ['Gating rate', fmt(100 * t.gatingRate, 1) + ' %'], ['p50 ms', fmt(t.latencyP50Ms)], ['p99 ms', fmt(t.latencyP99Ms)],
      ...(data.cache ? [['Cache hit rate', fmt(100 * data.cache.hitRate, 1) + ' %' + (data.cache.degraded ? ' (degraded)' : '')]] : []),
    ].map(([k, v]) => { const div = document.createElement('div'); const b = document.createElement('b'); b.textContent = String(v); div.append(b, text(k)); return div; }));
    drawTimeline(data.timeline);
    const recent = $('recent').tBodies[0];
    recent.replaceChildren(...(data.recent.length === 0
      ? [(() => { const tr = document.createElement('tr'); const td = cell('No decisions yet', 'empty'); td.colSpan = 5; tr.appendChild(td); return tr; })()]
      : data.recent.map((r) => {
        const tr = document.createElement('tr'); tr.dataset.trace = r.traceId;
        const reasons = document.createElement('span'); reasons.className = 'reasons';
        reasons.textContent = r.reasons.join(' · ') + (r.escalationTier ? ' · ' + r.escalationTier : '') + (r.degraded.length ? ' · degraded: ' + r.degraded.join(', ') : '');
        tr.append(cell(new Date(r.at).toLocaleTimeString()), cell(pill(r.decision)), cell(r.traceId.slice(0, 12)), cell(fmt(r.durationMs), 'num'), cell(reasons));
        return tr;
      })));
    const maxP95 = Math.max(1, ...data.critics.map((c) => c.latencyP90Ms || 0));
    $('critics').tBodies[0].replaceChildren(...data.critics.map((c) => {
      const tr = document.createElement('tr'); tr.dataset.critic = c.name;
      const bar = document.createElement('div'); bar.className = 'bar'; bar.style.width = Math.max(2, 100 * (c.latencyP90Ms || 0) / maxP95) + '%';
      const breaker = document.createElement('span'); breaker.className = 'breaker-' + c.breaker; breaker.textContent = c.breaker.replace('_', '-');
      tr.append(cell(c.name), cell(c.stage), cell(c.executions, 'num'), cell(fmt(c.latencyP50Ms, 2), 'num'), cell(fmt(c.latencyP90Ms, 2), 'num'), cell(bar), cell(fmt(100 * c.gatingRate, 0) + ' %', 'num'), cell(breaker));
      return tr;
    }));
    $('status').textContent = 'live · updated ' + new Date().toLocaleTimeString();
    document.body.dataset.loaded = 'true';
  }

  let key = sessionStorage.getItem('eleanor-key') || '';
  $('key').addEventListener('submit', (e) => { e.preventDefault(); key = $('key-input').value.trim(); sessionStorage.setItem('eleanor-key', key); $('key').style.display = 'none'; refresh(); });

  async function refresh() {
    try {
      const res = await fetch('/v1/dashboard', { headers: key ? { authorization: 'Bearer ' + key } : {} });
      if (res.status === 401) { $('key').style.display = 'block'; $('status').textContent = 'an API key is required'; return; }
      if (!res.ok) throw new Error('HTTP ' + res.status);
      render(await res.json());
    } catch (error) {
      $('status').textContent = 'offline: ' + error.message;
    }
  }
  refresh();
  setInterval(refresh, ${String(DASHBOARD_REFRESH_MS)});
})();
</script>
</body>
</html>
`;
