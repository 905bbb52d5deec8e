// Taproot explorer: draws nodes and edges as SVG with TaprootLayout (plain JS, no library). Each node
// is a focusable button (Tab, Enter/Space opens it) labelled for screen readers; edges carry their
// relationship type as a tooltip, never as text on the drawing, so nothing overlaps a node's label.
(function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const RADIUS = 15;
  const MAX_LABEL = 28;

  function el(name, attrs, parent) {
    const e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach((a) => e.setAttribute(a, attrs[a]));
    if (parent) parent.appendChild(e);
    return e;
  }

  function short(text) {
    const s = String(text == null ? '' : text);
    return s.length > MAX_LABEL ? s.slice(0, MAX_LABEL - 1) + '\u2026' : s;
  }

  /**
   * container: an element to draw into (emptied first).
   * nodes: [{key, label, status, classes, badge, aria}]; edges: [{from, to, dependent, type, classes}].
   * opts: {onOpen(key, element), title}. Returns Map key -> node element.
   */
  function render(container, nodes, edges, opts) {
    const options = opts || {};
    container.textContent = '';
    const svg = el('svg', { 'class': 'graph-svg', role: 'group', 'aria-label': options.title || 'graph' }, container);
    const defs = el('defs', {}, svg);
    ['arrow', 'arrow-onpath'].forEach((name) => {
      const marker = el('marker', { id: container.id + '-' + name, viewBox: '0 0 10 10', refX: '10', refY: '5',
        markerUnits: 'userSpaceOnUse', markerWidth: '9', markerHeight: '9', orient: 'auto-start-reverse' }, defs);
      el('path', { d: 'M 0 0 L 10 5 L 0 10 z', 'class': name }, marker);
    });

    const probe = el('text', { 'class': 'label', x: '0', y: '-1000' }, svg);
    const widths = new Map();
    nodes.forEach((n) => {
      probe.textContent = short(n.label);
      widths.set(n.key, Math.max(2 * RADIUS + 8, Math.ceil(probe.getComputedTextLength()) + 10));
    });
    svg.removeChild(probe);

    const layout = window.TaprootLayout.layered(nodes, edges, (k) => widths.get(k));
    const margin = 40;
    const w = Math.max(layout.width + 2 * margin, container.clientWidth || 0);
    const h = Math.max(layout.height + 2 * margin + 30, container.clientHeight ? container.clientHeight - 4 : 0);
    const dx = (w - layout.width) / 2;
    const dy = margin;
    // a drawing a little wider than its frame is shrunk to fit (uniformly, so nothing comes to overlap);
    // a much wider one keeps a legible size and scrolls
    const frame = container.clientWidth || w;
    const scale = w > frame ? Math.max(0.65, (frame - 2) / w) : 1;
    svg.setAttribute('width', Math.floor(w * scale));
    svg.setAttribute('height', Math.floor(h * scale));
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    // start with the middle of a drawing wider than its frame in view
    container.scrollLeft = Math.max(0, (w * scale - container.clientWidth) / 2);
    const at = (k) => { const p = layout.positions.get(k); return { x: p.x + dx, y: p.y + dy }; };

    const edgeLayer = el('g', { 'class': 'edges' }, svg);
    edges.forEach((e) => {
      if (!layout.positions.has(e.from) || !layout.positions.has(e.to) || e.from === e.to) return;
      const upper = e.dependent === e.to ? e.to : e.from;
      const lower = upper === e.from ? e.to : e.from;
      const a = at(upper);
      const b = at(lower);
      const down = b.y > a.y;
      const y1 = a.y + (down ? RADIUS : b.y < a.y ? -RADIUS : 0);
      const y2 = b.y + (down ? -RADIUS : b.y < a.y ? RADIUS : 0);
      const x1 = a.x + (b.y === a.y ? Math.sign(b.x - a.x) * RADIUS : 0);
      const x2 = b.x - (b.y === a.y ? Math.sign(b.x - a.x) * RADIUS : 0);
      let d;
      if (b.y === a.y) {
        d = 'M ' + x1 + ' ' + y1 + ' Q ' + (x1 + x2) / 2 + ' ' + (y1 - 30) + ' ' + x2 + ' ' + y2;
      } else {
        // through the long edge's placeholders, if any, one vertical S-curve per layer crossed
        const via = down ? (layout.routes.get(upper + '\u0000' + lower) || []).map((p) => ({ x: p.x + dx, y: p.y + dy })) : [];
        const points = [{ x: x1, y: y1 }, ...via, { x: x2, y: y2 }];
        d = 'M ' + x1 + ' ' + y1;
        for (let i = 1; i < points.length; i++) {
          const p = points[i - 1];
          const q = points[i];
          const mid = (p.y + q.y) / 2;
          d += ' C ' + p.x + ' ' + mid + ' ' + q.x + ' ' + mid + ' ' + q.x + ' ' + q.y;
        }
      }
      const path = el('path', { d: d, 'class': 'edge ' + (e.classes || []).join(' '), 'marker-end': 'url(#' + container.id + ((e.classes || []).includes('onpath') ? '-arrow-onpath)' : '-arrow)'),
        'data-from': e.from, 'data-to': e.to, 'data-type': e.type || '' }, edgeLayer);
      el('title', {}, path).textContent = (e.type || '') + ': ' + e.from + ' \u2192 ' + e.to;
    });

    const nodeLayer = el('g', { 'class': 'nodes' }, svg);
    const elements = new Map();
    // document order = reading order (layer by layer, left to right), so Tab walks the drawing
    const ordered = nodes.filter((n) => layout.positions.has(n.key)).sort((p, q) => {
      const a = layout.positions.get(p.key);
      const b = layout.positions.get(q.key);
      return (a.layer - b.layer) || (a.x - b.x);
    });
    ordered.forEach((n) => {
      const p = at(n.key);
      const g = el('g', { 'class': 'node status-' + (n.status || 'unknown') + ' ' + (n.classes || []).join(' '),
        transform: 'translate(' + p.x + ',' + p.y + ')', tabindex: '0', role: 'button', focusable: 'true',
        'aria-label': n.aria || n.label, 'data-key': n.key }, nodeLayer);
      el('circle', { r: String(RADIUS), 'class': 'dot' }, g);
      if (n.badge) el('text', { 'class': 'badge', y: '4' }, g).textContent = n.badge;
      el('text', { 'class': 'label', y: String(RADIUS + 14) }, g).textContent = short(n.label);
      el('title', {}, g).textContent = n.aria || n.label;
      if (options.onOpen) {
        g.addEventListener('click', () => options.onOpen(n.key, g));
        g.addEventListener('keydown', (ev) => {
          if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); options.onOpen(n.key, g); }
        });
      }
      elements.set(n.key, g);
    });
    return elements;
  }

  window.TaprootGraph = { render: render, RADIUS: RADIUS };
})();
