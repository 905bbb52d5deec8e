// Taproot explorer: the Cypher console and the SPARQL box. Results show as a table and as a graph:
// Cypher's nodes, relationships and paths (by their element ids), SPARQL's resources joined row by row.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const ENTITY_NS = 'https://taproot.dev/id/';

  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c])); }
  function isNode(v) { return v && typeof v === 'object' && Array.isArray(v.labels) && v.properties; }
  function isRel(v) { return v && typeof v === 'object' && typeof v.type === 'string' && 'start' in v && 'end' in v; }
  function isPath(v) { return v && typeof v === 'object' && Array.isArray(v.nodes) && Array.isArray(v.relationships); }
  function nodeName(n) { return n.properties.name || n.properties.key || n.id; }
  function cell(v) {
    if (v == null) return '';
    if (isNode(v)) return '(' + v.labels.join(':') + ') ' + nodeName(v);
    if (isRel(v)) return '-[' + v.type + ']->';
    if (isPath(v)) return v.nodes.map(nodeName).join(' - ');
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  function table(columns, rows) {
    return '<table id="query-rows"><thead><tr>' + columns.map((c) => '<th scope="col">' + esc(c) + '</th>').join('') + '</tr></thead><tbody>'
      + rows.map((r) => '<tr>' + r.map((v) => '<td>' + esc(v) + '</td>').join('') + '</tr>').join('') + '</tbody></table>';
  }

  function cypherGraph(rows) {
    const nodes = new Map();
    const edges = new Map();
    function visit(v) {
      if (v == null || typeof v !== 'object') return;
      if (isNode(v)) { nodes.set(v.id, { key: v.id, label: nodeName(v), entity: v.properties.key, aria: nodeName(v) + ', ' + v.labels.join(' ') }); return; }
      if (isRel(v)) { edges.set(v.start + v.type + v.end, { from: v.start, to: v.end, type: v.type }); return; }
      if (isPath(v)) { v.nodes.forEach(visit); v.relationships.forEach(visit); return; }
      (Array.isArray(v) ? v : Object.values(v)).forEach(visit);
    }
    rows.forEach((r) => Object.values(r).forEach(visit));
    return { nodes: [...nodes.values()], edges: [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to)) };
  }

  function sparqlGraph(vars, bindings) {
    const nodes = new Map();
    const edges = new Map();
    const label = (uri) => decodeURIComponent(uri.startsWith(ENTITY_NS) ? uri.slice(ENTITY_NS.length) : uri.replace(/^.*[/#]/, ''));
    bindings.forEach((b) => {
      const uris = vars.filter((v) => b[v] && b[v].type === 'uri').map((v) => ({ v: v, uri: b[v].value }));
      uris.forEach((u) => nodes.set(u.uri, { key: u.uri, label: label(u.uri), aria: label(u.uri),
        entity: u.uri.startsWith(ENTITY_NS) ? decodeURIComponent(u.uri.slice(ENTITY_NS.length)) : null }));
      for (let i = 1; i < uris.length; i++) {
        edges.set(uris[i - 1].uri + '|' + uris[i].uri, { from: uris[i - 1].uri, to: uris[i].uri, type: uris[i - 1].v + ' \u2192 ' + uris[i].v });
      }
    });
    return { nodes: [...nodes.values()], edges: [...edges.values()] };
  }

  function init(ctx) {
    function show(columns, rows, graph, what) {
      $('query-table').innerHTML = table(columns, rows);
      const entities = new Map(graph.nodes.map((n) => [n.key, n.entity]));
      TaprootGraph.render($('query-graph'), graph.nodes, graph.edges, { title: what + ' results as a graph',
        onOpen: (key) => { if (entities.get(key)) ctx.open(entities.get(key)); } });
      $('query-graph').dataset.count = String(graph.nodes.length);
      $('query-results').dataset.kind = what;
      ctx.status(what + ': ' + rows.length + ' rows, ' + graph.nodes.length + ' nodes drawn');
    }
    $('cypher-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        const r = await ctx.api('/api/v1/explorer/cypher', { query: $('cypher').value, params: {} });
        show(r.columns, r.rows.map((row) => r.columns.map((c) => cell(row[c]))), cypherGraph(r.rows), 'Cypher');
      } catch (e) { ctx.status('Cypher: ' + e.message); }
    });
    $('sparql-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        const r = await ctx.api('/api/v1/explorer/sparql', $('sparql').value, 'application/sparql-query');
        if (typeof r === 'string') {
          $('query-table').innerHTML = '<pre>' + esc(r) + '</pre>';
          $('query-graph').textContent = '';
          ctx.status('SPARQL: Turtle');
        } else if ('boolean' in r) {
          show(['answer'], [[String(r.boolean)]], { nodes: [], edges: [] }, 'SPARQL');
        } else {
          const vars = r.head.vars;
          show(vars, r.results.bindings.map((b) => vars.map((v) => b[v] ? b[v].value : '')), sparqlGraph(vars, r.results.bindings), 'SPARQL');
        }
      } catch (e) { ctx.status('SPARQL: ' + e.message); }
    });
  }

  window.TaprootConsoles = { init: init };
})();
