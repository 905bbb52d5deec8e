// Taproot explorer: search an entity, draw its neighbourhood, analyse it with the root-cause path
// highlighted and its evidence beside it, its timeline, service health and similar incidents.
// Everything comes from Taproot's own API; no CDN (Cytoscape.js is served from its WebJar).
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const state = { selected: null, selectedName: null, view: null };

  if (fragment.get('token')) sessionStorage.setItem('taproot.token', fragment.get('token'));
  $('token').value = sessionStorage.getItem('taproot.token') || '';
  $('token').addEventListener('change', () => sessionStorage.setItem('taproot.token', $('token').value.trim()));
  if (fragment.get('at')) $('at').value = fragment.get('at');

  const TYPE_COLOURS = { Service: '#2f6fb3', Deployment: '#5b8c3a', StatefulSet: '#5b8c3a', DaemonSet: '#5b8c3a',
    Pod: '#8a6d3b', Node: '#6b5b95', ConfigMap: '#999', Secret: '#999', Unresolved: '#ccc' };

  const cy = cytoscape({
    container: $('graph'),
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3,
          'background-color': (n) => TYPE_COLOURS[n.data('type')] || '#4a7a8c', 'width': 22, 'height': 22 } },
      { selector: 'node.root', style: { 'border-width': 3, 'border-color': '#16324f', 'width': 30, 'height': 30 } },
      { selector: 'edge', style: { 'width': 1.5, 'line-color': '#b8c2cc', 'target-arrow-color': '#b8c2cc',
          'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 7, 'color': '#889' } },
      { selector: 'node.rootcause', style: { 'background-color': '#b3261e', 'border-width': 4, 'border-color': '#f2b8b5', 'width': 34, 'height': 34 } },
      { selector: 'node.onpath', style: { 'border-width': 3, 'border-color': '#b3261e' } },
      { selector: 'edge.onpath', style: { 'line-color': '#b3261e', 'target-arrow-color': '#b3261e', 'width': 4 } },
      { selector: 'node.blast', style: { 'background-color': '#d9822b' } }
    ]
  });
  window.taproot = { cy: cy, state: state };

  function status(text) { $('status').textContent = text; }
  function headers(json) {
    const h = {};
    const token = $('token').value.trim();
    if (token) h['Authorization'] = 'Bearer ' + token;
    if (json) h['Content-Type'] = 'application/json';
    return h;
  }
  async function api(path, body) {
    const res = await fetch(path, body === undefined ? { headers: headers(false) }
      : { method: 'POST', headers: headers(true), body: JSON.stringify(body) });
    const type = res.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await res.json() : await res.text();
    if (!res.ok) {
      const detail = data && data.detail ? data.detail : res.status + ' ' + res.statusText;
      status(detail);
      throw new Error(detail);
    }
    return data;
  }
  function at() { return $('at').value.trim(); }
  function atParam(name) { return at() ? '&' + name + '=' + encodeURIComponent(at()) : ''; }
  // the server refuses other links at ingest; this keeps an older store's javascript: link inert
  function webLink(url) { return typeof url === 'string' && /^https?:\/\//i.test(url); }
  function li(html, onClick) {
    const item = document.createElement('li');
    item.innerHTML = html;
    if (onClick) item.addEventListener('click', onClick);
    return item;
  }
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c])); }

  async function search(q) {
    const data = await api('/api/v1/explorer/entities?limit=15&q=' + encodeURIComponent(q));
    const list = $('results');
    list.innerHTML = '';
    data.hits.forEach((h) => list.appendChild(li('<b>' + esc(h.name) + '</b> <span class="type">' + esc(h.type) + '</span>',
      () => select(h.key, h.name))));
    status(data.hits.length + ' entities match "' + q + '"');
    if (data.hits.length) await select(data.hits[0].key, data.hits[0].name);
  }

  function draw(view, rootKey) {
    cy.elements().remove();
    view.nodes.forEach((n) => cy.add({ group: 'nodes', data: { id: n.key, label: n.name, type: n.type, depth: n.depth } }));
    view.edges.forEach((e) => {
      if (cy.getElementById(e.from).nonempty() && cy.getElementById(e.to).nonempty()) {
        cy.add({ group: 'edges', data: { id: e.from + '|' + e.type + '|' + e.to, source: e.from, target: e.to, label: e.type } });
      }
    });
    cy.getElementById(rootKey).addClass('root');
    cy.layout({ name: 'breadthfirst', roots: [rootKey], directed: false, spacingFactor: 1.1, animate: false }).run();
    cy.fit(undefined, 30);
  }

  async function select(key, name) {
    state.selected = key;
    state.selectedName = name || key;
    $('selected').textContent = state.selectedName + ' (' + key + ')';
    $('analyse').disabled = false;
    $('blast').disabled = false;
    const view = await api('/api/v1/explorer/neighbourhood?entity=' + encodeURIComponent(key) + '&depth=' + $('depth').value + atParam('asOf'));
    state.view = view;
    draw(view, key);
    document.body.dataset.state = 'drawn';
    status(view.nodes.length + ' entities, ' + view.edges.length + ' relationships around ' + state.selectedName);
    timeline(key);
  }

  async function timeline(key) {
    const data = await api('/api/v1/explorer/timeline?entity=' + encodeURIComponent(key));
    const list = $('timeline');
    list.innerHTML = '';
    if (!data.events.length) list.appendChild(li('<span class="muted">No events.</span>'));
    data.events.slice(-50).reverse().forEach((e) => list.appendChild(li('<div class="event"><time>' + esc(e.time) + '</time>'
      + '<span class="sev-' + esc(e.severity) + '">' + esc(e.kind) + '</span> ' + esc(e.name) + ' <span class="type">' + esc(e.entity) + '</span></div>')));
  }

  function windowOf() {
    const end = at() ? new Date(at()) : new Date();
    return { start: new Date(end.getTime() - 30 * 60 * 1000).toISOString(), end: end.toISOString() };
  }

  async function analyse() {
    if (!state.selected) return;
    status('Analysing ' + state.selectedName + '...');
    const a = await api('/api/v1/analyses', { symptom: { entities: [state.selected] }, window: windowOf() });
    const panel = $('analysis');
    panel.innerHTML = '<p id="analysis-summary">' + esc(a.summary) + '</p>';
    cy.elements().removeClass('rootcause onpath');
    (a.candidates || []).slice(0, 5).forEach((c, i) => {
      const div = document.createElement('div');
      div.className = 'cause';
      const lines = [];
      (function walk(ev, depth) {
        if (!ev || lines.length >= 8) return;
        lines.push('<li>' + esc(ev.description) + '</li>');
        (ev.details || []).forEach((d) => walk(d, depth + 1));
      })(c.evidence, 0);
      div.innerHTML = '<h3>' + (i + 1) + '. ' + esc(c.name) + (c.faultType ? ' - ' + esc(c.faultType) : '')
        + ' <span class="score">' + Math.round(c.confidence * 100) + '%</span></h3><ul class="evidence">' + lines.join('') + '</ul>';
      div.addEventListener('click', () => highlight(c.entityKey));
      panel.appendChild(div);
    });
    if (a.candidates && a.candidates.length) await highlight(a.candidates[0].entityKey);
    document.body.dataset.state = 'analysed';
    status('Analysis of ' + state.selectedName + ': ' + (a.candidates || []).length + ' candidates');
    similar(a);
  }

  async function highlight(causeKey) {
    cy.elements().removeClass('rootcause onpath');
    if (causeKey !== state.selected) {
      const path = await api('/api/v1/explorer/paths?from=' + encodeURIComponent(causeKey) + '&to=' + encodeURIComponent(state.selected) + atParam('asOf'));
      let added = false;
      path.nodes.forEach((n) => {
        if (cy.getElementById(n.key).empty()) { cy.add({ group: 'nodes', data: { id: n.key, label: n.name, type: n.type } }); added = true; }
        cy.getElementById(n.key).addClass('onpath');
      });
      path.edges.forEach((e) => {
        const id = e.from + '|' + e.type + '|' + e.to;
        if (cy.getElementById(id).empty()) { cy.add({ group: 'edges', data: { id: id, source: e.from, target: e.to, label: e.type } }); added = true; }
        cy.getElementById(id).addClass('onpath');
      });
      if (added) cy.layout({ name: 'breadthfirst', roots: [state.selected], directed: false, animate: false }).run();
    }
    cy.getElementById(causeKey).addClass('rootcause');
  }

  async function similar(a) {
    const params = new URLSearchParams();
    params.set('q', state.selectedName + ' ' + (a.summary || ''));
    params.append('service', state.selectedName);
    (a.candidates || []).slice(0, 3).forEach((c) => params.append('cause', c.name));
    params.set('limit', '5');
    const list = $('similar');
    list.innerHTML = '';
    try {
      const data = await api('/api/v1/incidents/similar?' + params.toString());
      if (!data.hits.length) list.appendChild(li('<span class="muted">No similar past incident.</span>'));
      data.hits.forEach((h) => list.appendChild(li('<b>' + esc(h.id) + '</b> ' + esc(h.title)
        + (h.resolution ? '<div class="type">Resolution: ' + esc(h.resolution) + '</div>' : '')
        + (webLink(h.runbook) ? '<div><a href="' + esc(h.runbook) + '" rel="noopener noreferrer">runbook</a></div>' : ''))));
    } catch (e) {
      list.appendChild(li('<span class="muted">' + esc(e.message) + '</span>'));
    }
  }

  async function blast() {
    if (!state.selected) return;
    const view = await api('/api/v1/explorer/blast-radius?entity=' + encodeURIComponent(state.selected) + atParam('asOf'));
    draw(view, state.selected);
    cy.nodes().not('#' + CSS.escape(state.selected)).addClass('blast');
    status((view.nodes.length - 1) + ' entities depend on ' + state.selectedName);
  }

  async function health() {
    const data = await api('/api/v1/explorer/health?' + (at() ? 'at=' + encodeURIComponent(at()) : ''));
    const list = $('health');
    list.innerHTML = '';
    data.services.forEach((s) => list.appendChild(li(esc(s.name) + ' <span class="score ' + esc(s.status) + '">' + s.score + '</span>'
      + (s.reasons.length ? '<div class="type">' + esc(s.reasons[0].reason) + '</div>' : ''), () => select(s.key, s.name))));
  }

  $('search-form').addEventListener('submit', (ev) => { ev.preventDefault(); const q = $('search').value.trim(); if (q) search(q).catch(() => {}); });
  $('analyse').addEventListener('click', () => analyse().catch(() => {}));
  $('blast').addEventListener('click', () => blast().catch(() => {}));
  $('at').addEventListener('change', () => health().catch(() => {}));
  document.body.dataset.state = 'loaded';
  health().catch(() => {});
  if (fragment.get('q')) { $('search').value = fragment.get('q'); search(fragment.get('q')).catch(() => {}); }
})();
