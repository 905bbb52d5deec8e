// Taproot explorer: a deterministic layered layout for a dependency graph (plain JS, no library).
// Dependents sit above what they depend on: layers by longest path after breaking cycles in key
// order, order within a layer by a few barycentre sweeps with ties broken by key, and each node as
// wide as its label, so labels in a layer never overlap and layers are further apart than a label is tall.
(function () {
  'use strict';

  const LAYER_GAP = 96;
  const NODE_GAP = 18;
  const DUMMY_WIDTH = 12;
  const DUMMY = '\u0001';

  function byKey(a, b) { return a < b ? -1 : a > b ? 1 : 0; }

  /**
   * nodes: [{key}], edges: [{from, to, dependent}], width(key) -> px the node needs.
   * Returns {positions: Map key -> {x, y, layer}, routes: Map upper + '\u0000' + lower -> the points a
   * long edge passes through, width, height}.
   */
  function layered(nodes, edges, width) {
    const keys = nodes.map((n) => n.key).sort(byKey);
    const known = new Set(keys);
    const down = new Map(keys.map((k) => [k, []]));
    const seenPairs = new Set();
    edges.forEach((e) => {
      if (!known.has(e.from) || !known.has(e.to) || e.from === e.to) return;
      const upper = e.dependent === e.to ? e.to : e.from;
      const lower = upper === e.from ? e.to : e.from;
      const id = upper + '\u0000' + lower;
      if (seenPairs.has(id)) return;
      seenPairs.add(id);
      down.get(upper).push(lower);
    });
    down.forEach((list) => list.sort(byKey));

    // break cycles: depth-first in key order, dropping edges back into the stack
    const state = new Map();
    const acyclic = new Map(keys.map((k) => [k, []]));
    function visit(k) {
      state.set(k, 1);
      down.get(k).forEach((c) => {
        if (state.get(c) === 1) return;
        acyclic.get(k).push(c);
        if (!state.has(c)) visit(c);
      });
      state.set(k, 2);
    }
    keys.forEach((k) => { if (!state.has(k)) visit(k); });

    // longest-path layering (Kahn, queue kept in key order)
    const indegree = new Map(keys.map((k) => [k, 0]));
    acyclic.forEach((list) => list.forEach((c) => indegree.set(c, indegree.get(c) + 1)));
    const layer = new Map(keys.map((k) => [k, 0]));
    const queue = keys.filter((k) => indegree.get(k) === 0);
    while (queue.length) {
      const k = queue.shift();
      acyclic.get(k).forEach((c) => {
        layer.set(c, Math.max(layer.get(c), layer.get(k) + 1));
        indegree.set(c, indegree.get(c) - 1);
        if (indegree.get(c) === 0) { queue.push(c); queue.sort(byKey); }
      });
    }
    // pull sources down next to what they depend on, so a leaf caller does not float at the top
    const up = new Map(keys.map((k) => [k, []]));
    acyclic.forEach((list, k) => list.forEach((c) => up.get(c).push(k)));
    keys.forEach((k) => {
      if (up.get(k).length === 0 && acyclic.get(k).length) {
        layer.set(k, Math.max(layer.get(k), Math.min(...acyclic.get(k).map((c) => layer.get(c))) - 1));
      }
    });

    // an edge that spans several layers passes through a small placeholder in each layer between,
    // so it is ordered like a node and routed around the nodes instead of through them
    const neighbours = new Map(keys.map((k) => [k, []]));
    const chains = new Map();
    const all = [...keys];
    acyclic.forEach((list, k) => list.forEach((c) => {
      let previous = k;
      const chain = [];
      for (let l = layer.get(k) + 1; l < layer.get(c); l++) {
        const dummy = DUMMY + k + '\u0000' + c + '\u0000' + l;
        layer.set(dummy, l);
        neighbours.set(dummy, []);
        all.push(dummy);
        chain.push(dummy);
        neighbours.get(previous).push(dummy);
        neighbours.get(dummy).push(previous);
        previous = dummy;
      }
      neighbours.get(previous).push(c);
      neighbours.get(c).push(previous);
      if (chain.length) chains.set(k + '\u0000' + c, chain);
    }));
    const layers = [];
    all.forEach((k) => { (layers[layer.get(k)] = layers[layer.get(k)] || []).push(k); });
    for (let i = 0; i < layers.length; i++) layers[i] = layers[i] || [];
    const widthOf = (k) => k.startsWith(DUMMY) ? DUMMY_WIDTH : width(k);

    const index = new Map();
    const reindex = () => layers.forEach((l) => l.forEach((k, i) => index.set(k, i / Math.max(1, l.length - 1))));
    reindex();
    for (let sweep = 0; sweep < 6; sweep++) {
      const downward = sweep % 2 === 0;
      const order = downward ? layers.map((_, i) => i) : layers.map((_, i) => layers.length - 1 - i);
      order.forEach((li) => {
        const ref = downward ? li - 1 : li + 1;
        if (ref < 0 || ref >= layers.length) return;
        const bary = new Map(layers[li].map((k) => {
          const ns = neighbours.get(k).filter((n) => layer.get(n) === ref);
          return [k, ns.length ? ns.reduce((s, n) => s + index.get(n), 0) / ns.length : index.get(k)];
        }));
        layers[li].sort((a, b) => (bary.get(a) - bary.get(b)) || (index.get(a) - index.get(b)) || byKey(a, b));
        layers[li].forEach((k, i) => index.set(k, i / Math.max(1, layers[li].length - 1)));
      });
    }

    const rowWidth = layers.map((l) => l.reduce((s, k) => s + widthOf(k) + NODE_GAP, 0) - NODE_GAP);
    const total = Math.max(0, ...rowWidth);
    const placed = new Map();
    layers.forEach((l, li) => {
      let x = (total - rowWidth[li]) / 2;
      l.forEach((k) => {
        const w = widthOf(k);
        placed.set(k, { x: x + w / 2, y: li * LAYER_GAP, layer: li });
        x += w + NODE_GAP;
      });
    });
    const positions = new Map(keys.map((k) => [k, placed.get(k)]));
    const routes = new Map();
    chains.forEach((chain, id) => routes.set(id, chain.map((d) => placed.get(d))));
    return { positions: positions, routes: routes, width: total, height: Math.max(0, layers.length - 1) * LAYER_GAP };
  }

  window.TaprootLayout = { layered: layered, LAYER_GAP: LAYER_GAP };
})();
