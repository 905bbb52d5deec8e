// Taproot explorer: search an entity, draw its services (workloads folded in, coloured by health) in
// a layered layout, open a node for its panel, expand its neighbours, move through time with the
// slider (every panel follows it), analyse with the causal chain and its path highlighted, and query
// with Cypher or SPARQL. Everything comes from Taproot's own API; plain JS and SVG, nothing from a CDN.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const state = {
    root: null, nodes: new Map(), edges: new Map(), expanded: new Set(), open: null, opener: null,
    path: null, elements: new Map(), now: new Date(Math.floor(Date.now() / 60000) * 60000), generation: 0
  };

  if (fragment.get('token')) sessionStorage.setItem('taproot.token', fragment.get('token'));
  $('token').value = sessionStorage.getItem('taproot.token') || '';
  $('token').addEventListener('change', () => sessionStorage.setItem('taproot.token', $('token').value.trim()));
  if (fragment.get('at')) $('at').value = fragment.get('at');

  function status(text) { $('status').textContent = text; }
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c])); }
  function headers(type) {
    const h = {};
    const token = $('token').value.trim();
    if (token) h['Authorization'] = 'Bearer ' + token;
    if (type) h['Content-Type'] = type;
    return h;
  }
  async function api(path, body, type) {
    const res = await fetch(path, body === undefined ? { headers: headers(null) }
      : { method: 'POST', headers: headers(type || 'application/json'), body: type ? body : JSON.stringify(body) });
    const ct = res.headers.get('Content-Type') || '';
    const data = ct.includes('json') ? await res.json() : await res.text();
    if (!res.ok) throw new Error(data && data.detail ? data.detail : res.status + ' ' + res.statusText);
    return data;
  }

  // ---- time: the anchor (text box or now) plus the slider's minutes; every read carries it
  function anchor() {
    const t = $('at').value.trim();
    const d = t ? new Date(t) : state.now;
    return isNaN(d.getTime()) ? state.now : d;
  }
  function at() { return new Date(anchor().getTime() + Number($('at-slider').value) * 60000).toISOString().replace('.000Z', 'Z'); }
  function withAt(path) { return path + (path.includes('?') ? '&' : '?') + 'at=' + encodeURIComponent(at()); }
  function showAt() { $('at-value').textContent = at(); document.body.dataset.at = at(); }

  // ---- the graph
  function drawnNode(n) {
    const classes = [];
    if (n.key === state.root) classes.push('root');
    if (n.key === state.open) classes.push('selected');
    if (state.path && state.path.nodes.has(n.key)) classes.push('onpath');
    if (state.path && state.path.cause === n.key) classes.push('rootcause');
    if (state.blast && state.blast.has(n.key)) classes.push('blast');
    const folded = (n.members || []).length;
    return { key: n.key, label: n.name, status: n.status, classes: classes, badge: folded ? String(folded) : '',
      aria: n.name + ', ' + n.type + ', health ' + n.score + ' ' + n.status + (folded ? ', ' + folded + ' workloads folded in' : '')
        + (classes.includes('rootcause') ? ', most likely cause' : classes.includes('onpath') ? ', on the analysis path' : '') };
  }
  function edgeId(e) { return e.type + '|' + e.from + '|' + e.to; }
  function draw() {
    const edges = [...state.edges.values()].map((e) => Object.assign({}, e,
      { classes: state.path && state.path.edges.has(edgeId(e)) ? ['onpath'] : [] }));
    state.elements = TaprootGraph.render($('graph'), [...state.nodes.values()].map(drawnNode), edges,
      { onOpen: (key, element) => openNode(key, element).catch((e) => status(e.message)), title: 'Dependency graph' });
    $('graph').dataset.count = String(state.nodes.size);
  }
  function merge(view) {
    view.nodes.forEach((n) => {
      const old = state.nodes.get(n.key);
      state.nodes.set(n.key, old ? Object.assign({}, n, { depth: Math.min(old.depth, n.depth),
        members: (n.members && n.members.length) ? n.members : old.members }) : n);
    });
    view.edges.forEach((e) => state.edges.set(edgeId(e), e));
  }
  async function load(key, name) {
    const view = await api(withAt('/api/v1/explorer/graph?depth=1&entity=' + encodeURIComponent(key)));
    state.root = view.root;
    state.nodes = new Map();
    state.edges = new Map();
    state.expanded = new Set();
    state.path = null;
    state.blast = null;
    state.analysed = null;
    $('analysis').innerHTML = '<p class="muted">Open a node and press Analyse.</p>';
    merge(view);
    draw();
    $('selected').textContent = (name || key) + ' (' + view.root + ')';
    $('analyse').disabled = false;
    $('blast').disabled = false;
    document.body.dataset.state = 'drawn';
    status(state.nodes.size + ' nodes, ' + state.edges.size + ' edges around ' + (name || key) + ' at ' + at());
    timeline(view.root).catch(() => {});
  }
  async function expand(key) {
    const before = state.nodes.size;
    merge(await api(withAt('/api/v1/explorer/graph?depth=1&entity=' + encodeURIComponent(key))));
    state.expanded.add(key);
    draw();
    status('expanded ' + key + ': ' + (state.nodes.size - before) + ' more nodes');
    if (state.elements.get(key)) state.elements.get(key).focus();
  }

  // ---- the side panel
  function list(id, items, empty) {
    return '<ul id="' + id + '" class="list">' + (items.length ? items.join('') : '<li class="muted">' + empty + '</li>') + '</ul>';
  }
  function value(v) { return Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v ? JSON.stringify(v) : String(v); }
  async function openNode(key, element) {
    const d = await api(withAt('/api/v1/explorer/node?entity=' + encodeURIComponent(key)));
    state.open = d.key;
    state.opener = element || state.opener;
    const h = d.health;
    $('panel-title').textContent = d.name;
    $('panel-body').innerHTML = '<p class="type">' + esc(d.type) + ' &middot; ' + esc(d.key) + ' &middot; at ' + esc(d.at) + '</p>'
      + '<h3>Health</h3><p id="panel-health" class="health-line status-' + esc(h.status) + '">' + h.score + ' / 100, ' + esc(h.status) + '</p>'
      + list('panel-reasons', h.reasons.map((r) => '<li>&minus;' + r.points + ' ' + esc(r.reason) + ' <span class="type">' + esc(r.entity) + '</span></li>'),
        'Nothing lowers it: no current signal, recent change or open incident.')
      + '<h3>Properties</h3><table id="panel-properties"><tbody>'
      + Object.keys(d.properties).sort().map((k) => '<tr><th scope="row">' + esc(k) + '</th><td>' + esc(value(d.properties[k])) + '</td></tr>').join('')
      + (d.aliases.length ? '<tr><th scope="row">aliases</th><td>' + esc(d.aliases.join(', ')) + '</td></tr>' : '') + '</tbody></table>'
      + '<h3>Workloads folded in</h3>' + list('panel-members', d.members.map((m) => '<li>' + esc(m.name) + ' <span class="type">' + esc(m.type) + '</span></li>'), 'None.')
      + '<h3>Current signals</h3>' + list('panel-signals', d.signals.map((s) => '<li><span class="sev-' + esc(s.severity) + '">' + esc(s.severity) + '</span> '
        + esc(s.name) + ' <span class="type">' + esc(s.entity) + ' since ' + esc(s.time) + '</span><div class="type">' + esc(s.detail) + '</div></li>'), 'No signal in the last 30 minutes.')
      + '<h3>Recent changes</h3>' + list('panel-changes', d.changes.map((c) => '<li>' + esc(c.time) + ' ' + esc(c.name) + ' <span class="type">' + esc(c.entity) + '</span></li>'), 'No change in the last 24 hours.')
      + '<h3>Incidents</h3>' + list('panel-incidents', d.incidents.map((i) => '<li><b>' + esc(i.id) + '</b> ' + esc(i.title) + ' <span class="type">'
        + (i.open ? 'open' : 'resolved') + ', started ' + esc(i.started) + '</span>' + (i.resolution ? '<div class="type">' + esc(i.resolution) + '</div>' : '') + '</li>'), 'None up to this time.')
      + '<h3>Blast radius</h3>' + list('panel-blast', d.blastRadius.map((b) => '<li>' + esc(b.name) + ' <span class="type">' + esc(b.type) + ', ' + b.depth + ' hop' + (b.depth > 1 ? 's' : '') + '</span></li>'), 'Nothing depends on it.');
    const panel = $('panel');
    panel.hidden = false;
    panel.dataset.key = d.key;
    panel.dataset.at = d.at;
    $('selected').textContent = d.name + ' (' + d.key + ')';
    state.elements.forEach((g, k) => g.classList.toggle('selected', k === d.key));
    $('close-panel').focus();
    document.body.dataset.panel = d.key + '@' + d.at;
  }
  function closePanel() {
    if ($('panel').hidden) return;
    $('panel').hidden = true;
    const key = state.open;
    state.open = null;
    state.elements.forEach((g) => g.classList.remove('selected'));
    delete document.body.dataset.panel;
    const back = state.elements.get(key);
    if (back) back.focus();
  }

  // ---- analysis: the one diagnosis (POST /api/v1/analyses), its causal chain, its path highlighted
  function chain(evidence) {
    const out = [];
    let link = null;
    (function find(e) {
      if (!e || link) return;
      if (e.kind === 'CAUSAL_LINK') { link = e; return; }
      (e.details || []).forEach(find);
    })(evidence);
    const own = (function first(e) {
      if (!e) return null;
      if (e.kind === 'SIGNAL' && e.sentence) return e.sentence;
      for (const d of e.details || []) { if (d.kind !== 'CAUSAL_LINK') { const s = first(d); if (s) return s; } }
      return null;
    })(evidence);
    if (own) out.push(own);
    while (link && out.length < 12) {
      if (link.sentence) out.push(link.sentence);
      const effect = (link.details || []).find((d) => d.kind === 'SIGNAL');
      if (effect && effect.sentence) out.push(effect.sentence);
      link = effect ? (effect.details || []).find((d) => d.kind === 'CAUSAL_LINK') : null;
    }
    if (out.length <= 1) {
      (function all(e) { if (!e) return; if (e.sentence && !out.includes(e.sentence)) out.push(e.sentence); (e.details || []).forEach(all); })(evidence);
    }
    return out;
  }
  async function analyse(asked) {
    const key = asked || state.open || state.root;
    if (!key) return;
    state.analysed = key;
    status('Analysing ' + key + ' at ' + at() + '...');
    const end = at();
    const start = new Date(new Date(end).getTime() - 30 * 60000).toISOString();
    const a = await api('/api/v1/analyses', { symptom: { entities: [key] }, window: { start: start, end: end } });
    const panel = $('analysis');
    panel.innerHTML = '<p id="analysis-summary">' + esc(a.summary) + '</p>';
    const candidates = (a.candidates || []).slice(0, 5);
    candidates.forEach((c, i) => {
      const div = document.createElement('div');
      div.className = 'cause';
      div.tabIndex = 0;
      div.setAttribute('role', 'button');
      div.setAttribute('aria-label', 'Cause ' + (i + 1) + ': ' + c.name + ', show its path');
      div.innerHTML = '<h3>' + (i + 1) + '. ' + esc(c.name) + (c.faultType ? ' - ' + esc(c.faultType) : '')
        + ' <span class="score">' + Math.round(c.confidence * 100) + '%</span></h3><ol class="chain"'
        + (i === 0 ? ' id="chain"' : '') + '>' + chain(c.evidence).map((s) => '<li>' + esc(s) + '</li>').join('') + '</ol>';
      const show = () => highlight(c, key).catch((e) => status(e.message));
      div.addEventListener('click', show);
      div.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') show(); });
      panel.appendChild(div);
    });
    if (candidates.length) await highlight(candidates[0], key);
    $('analysis-panel').scrollIntoView({ block: 'start' });
    panel.dataset.at = end;
    document.body.dataset.state = 'analysed';
    status('Analysis of ' + key + ' at ' + end + ': ' + (a.candidates || []).length + ' candidates');
    similar(a, key).catch(() => {});
  }
  async function highlight(c, symptom) {
    const cause = c.serviceKey || c.entityKey;
    const view = await api(withAt('/api/v1/explorer/graph/paths?from=' + encodeURIComponent(cause) + '&to=' + encodeURIComponent(symptom)));
    merge(view);
    state.path = { nodes: new Set(view.nodes.map((n) => n.key)), edges: new Set(view.edges.map(edgeId)), cause: view.root };
    if (!state.nodes.has(view.root)) state.path.cause = symptom;
    draw();
  }
  async function similar(a, key) {
    const params = new URLSearchParams();
    params.set('q', key + ' ' + (a.summary || ''));
    (a.candidates || []).slice(0, 3).forEach((c) => params.append('cause', c.name));
    params.set('limit', '5');
    const data = await api('/api/v1/incidents/similar?' + params.toString());
    $('similar').innerHTML = data.hits.length ? '' : '<li class="muted">No similar past incident.</li>';
    data.hits.forEach((h) => {
      const li = document.createElement('li');
      li.innerHTML = '<b>' + esc(h.id) + '</b> ' + esc(h.title) + (h.resolution ? '<div class="type">Resolution: ' + esc(h.resolution) + '</div>' : '');
      $('similar').appendChild(li);
    });
  }

  // ---- left and right lists
  function item(html, onOpen) {
    const li = document.createElement('li');
    li.innerHTML = html;
    if (onOpen) {
      li.tabIndex = 0;
      li.setAttribute('role', 'button');
      li.addEventListener('click', onOpen);
      li.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') onOpen(); });
    }
    return li;
  }
  async function search(q) {
    const data = await api('/api/v1/explorer/entities?limit=15&q=' + encodeURIComponent(q));
    $('results').innerHTML = '';
    data.hits.forEach((h) => $('results').appendChild(item('<b>' + esc(h.name) + '</b> <span class="type">' + esc(h.type) + '</span>',
      () => load(h.key, h.name).catch((e) => status(e.message)))));
    status(data.hits.length + ' entities match "' + q + '"');
    if (data.hits.length) await load(data.hits[0].key, data.hits[0].name);
  }
  async function health() {
    const data = await api(withAt('/api/v1/explorer/health'));
    $('health').innerHTML = '';
    data.services.forEach((s) => $('health').appendChild(item(esc(s.name) + ' <span class="score ' + esc(s.status) + '">' + s.score + '</span>'
      + (s.reasons.length ? '<div class="type">' + esc(s.reasons[0].reason) + '</div>' : ''), () => load(s.key, s.name).catch((e) => status(e.message)))));
  }
  async function timeline(key) {
    const data = await api('/api/v1/explorer/timeline?entity=' + encodeURIComponent(key) + '&to=' + encodeURIComponent(at()));
    $('timeline').innerHTML = data.events.length ? '' : '<li class="muted">No events up to this time.</li>';
    data.events.slice(-50).reverse().forEach((e) => $('timeline').appendChild(item('<div class="event"><time>' + esc(e.time) + '</time>'
      + '<span class="sev-' + esc(e.severity) + '">' + esc(e.kind) + '</span> ' + esc(e.name) + ' <span class="type">' + esc(e.entity) + '</span></div>')));
  }
  async function blast() {
    const key = state.open || state.root;
    const d = await api(withAt('/api/v1/explorer/node?entity=' + encodeURIComponent(key)));
    const keys = new Set(d.blastRadius.map((b) => b.key));
    state.blast = new Set([...state.nodes.values()].filter((n) => keys.has(n.key) || (n.members || []).some((m) => keys.has(m.key))).map((n) => n.key));
    draw();
    status(d.blastRadius.length + ' entities depend on ' + d.name + ' (' + state.blast.size + ' drawn, in orange)');
  }

  // ---- time changes: redraw the same nodes as of the new time, refresh every panel
  async function timeChanged() {
    showAt();
    const generation = ++state.generation;
    const tasks = [health()];
    if (state.root) {
      const keys = [state.root, ...state.expanded];
      tasks.push((async () => {
        const views = await Promise.all(keys.map((k) => api(withAt('/api/v1/explorer/graph?depth=1&entity=' + encodeURIComponent(k)))));
        if (generation !== state.generation) return;
        state.nodes = new Map();
        state.edges = new Map();
        views.forEach(merge);
        state.path = null;
        state.blast = null;
        draw();
        status(state.nodes.size + ' nodes, ' + state.edges.size + ' edges at ' + at());
        // the analysis follows too: asked again about the same symptom, for the window ending at the new time
        if (state.analysed) await analyse(state.analysed);
      })());
      tasks.push(timeline(state.root));
    }
    if (state.open) tasks.push(openNode(state.open));
    await Promise.all(tasks);
    if (generation === state.generation) document.body.dataset.time = at();
  }

  $('search-form').addEventListener('submit', (ev) => { ev.preventDefault(); const q = $('search').value.trim(); if (q) search(q).catch((e) => status(e.message)); });
  $('analyse').addEventListener('click', () => analyse(null).catch((e) => status(e.message)));
  $('panel-analyse').addEventListener('click', () => analyse(null).catch((e) => status(e.message)));
  $('blast').addEventListener('click', () => blast().catch((e) => status(e.message)));
  $('expand').addEventListener('click', () => { if (state.open) expand(state.open).catch((e) => status(e.message)); });
  $('close-panel').addEventListener('click', closePanel);
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') closePanel(); });
  $('at-slider').addEventListener('input', showAt);
  $('at-slider').addEventListener('change', () => timeChanged().catch((e) => status(e.message)));
  $('at').addEventListener('change', () => { $('at-slider').value = '0'; timeChanged().catch((e) => status(e.message)); });
  TaprootConsoles.init({ api: api, status: (t) => { $('query-status').textContent = t; },
    open: (key) => load(key).catch((e) => status(e.message)) });
  window.taproot = { state: state, at: at, redraw: draw };
  showAt();
  document.body.dataset.state = 'loaded';
  health().catch((e) => status(e.message));
  if (fragment.get('q')) { $('search').value = fragment.get('q'); search(fragment.get('q')).catch((e) => status(e.message)); }
})();
