// Events page: the timeline (events per day, stacked by quad class) and the actor network,
// both drawn as SVG from the JSON API with the page's current filters.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var QUAD_COLOURS = { 1: "#7fbf7f", 2: "#2e8b57", 3: "#f0a868", 4: "#c0392b" };
  var QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  var charts = document.getElementById("charts");
  if (!charts) return;
  var query = charts.getAttribute("data-query") || "";

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(node);
    return node;
  }
  function tip(node, text) { el("title", {}, node).textContent = text; }
  function message(box, text) {
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "hint";
    p.textContent = text;
    box.appendChild(p);
  }
  function getJSON(path) {
    return fetch(path + (query ? "?" + query : ""), { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(path + ": HTTP " + r.status);
      return r.json();
    });
  }

  function dayNumber(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000); }

  // Dates known only to the year, or far outside the articles' dates, are listed beside the
  // timeline instead of stretching its axis (the store marks them `apart`).
  function drawApart(box, points) {
    box.textContent = "";
    if (!points.length) return;
    var byDate = {}, order = [];
    points.forEach(function (p) {
      if (!(p.date in byDate)) { byDate[p.date] = 0; order.push(p.date); }
      byDate[p.date] += p.count;
    });
    order.sort();
    var p = document.createElement("p");
    p.appendChild(document.createTextNode("Shown apart (a year only, or far from the articles' dates): "));
    order.forEach(function (d) {
      var s = document.createElement("span");
      s.className = "apart-date";
      s.setAttribute("data-date", d);
      s.textContent = d + ": " + byDate[d] + (byDate[d] === 1 ? " event" : " events");
      p.appendChild(s);
    });
    box.appendChild(p);
  }

  function drawTimeline(box, points) {
    points = points.filter(function (p) { return p.date && !isNaN(dayNumber(p.date)); });
    drawApart(document.getElementById("timeline-apart"), points.filter(function (p) { return p.apart; }));
    points = points.filter(function (p) { return !p.apart; });
    if (!points.length) return message(box, "No dated events for these filters.");
    var days = {}, order = [];
    points.forEach(function (p) {
      if (!days[p.date]) { days[p.date] = { 1: 0, 2: 0, 3: 0, 4: 0 }; order.push(p.date); }
      if (p.quad >= 1 && p.quad <= 4) days[p.date][p.quad] += p.count;
    });
    order.sort();
    var W = 640, H = 240, left = 40, bottom = 24, top = 10, right = 10;
    var max = 1;
    order.forEach(function (d) { var s = days[d]; max = Math.max(max, s[1] + s[2] + s[3] + s[4]); });
    box.textContent = "";
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "events per day by quad class", "class": "timeline" }, box);
    var plotW = W - left - right, plotH = H - top - bottom;
    // A time axis: days without events stay empty, so gaps show.
    var first = dayNumber(order[0]), span = dayNumber(order[order.length - 1]) - first + 1;
    var step = plotW / span, barW = Math.max(1, step * 0.85);
    el("line", { x1: left, y1: top + plotH, x2: W - right, y2: top + plotH, stroke: "#999" }, svg);
    el("line", { x1: left, y1: top, x2: left, y2: top + plotH, stroke: "#999" }, svg);
    el("text", { x: left - 4, y: top + 8, "text-anchor": "end", "class": "axis" }, svg).textContent = String(max);
    el("text", { x: left - 4, y: top + plotH, "text-anchor": "end", "class": "axis" }, svg).textContent = "0";
    el("text", { x: left, y: H - 6, "class": "axis" }, svg).textContent = order[0];
    if (order.length > 1) el("text", { x: W - right, y: H - 6, "text-anchor": "end", "class": "axis" }, svg).textContent = order[order.length - 1];
    order.forEach(function (d) {
      var x = left + (dayNumber(d) - first) * step, y = top + plotH;
      for (var q = 1; q <= 4; q++) {
        var n = days[d][q];
        if (!n) continue;
        var h = (n / max) * plotH;
        y -= h;
        var bar = el("rect", { x: x, y: y, width: barW, height: Math.max(h, 0.5), fill: QUAD_COLOURS[q], "class": "bar", "data-date": d, "data-quad": q }, svg);
        tip(bar, d + ": " + n + " " + QUAD_NAMES[q]);
      }
    });
    var legend = document.createElement("p");
    legend.className = "legend";
    for (var q = 1; q <= 4; q++) {
      var s = document.createElement("span"), i = document.createElement("i");
      i.className = "q" + q;
      s.appendChild(i);
      s.appendChild(document.createTextNode(q + " " + QUAD_NAMES[q]));
      legend.appendChild(s);
    }
    box.appendChild(legend);
  }

  // A small force layout (Fruchterman-Reingold with gravity) in free space, then fitted to the view.
  function layout(nodes, edges, W, H) {
    var n = nodes.length, k = 60;
    nodes.forEach(function (d, i) {
      var a = (2 * Math.PI * i) / n, r = k * Math.sqrt(n);
      d.x = r * Math.cos(a);
      d.y = r * Math.sin(a);
    });
    var temp = k * 2;
    for (var it = 0; it < 300; it++) {
      nodes.forEach(function (d) { d.dx = 0; d.dy = 0; });
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
        var a = nodes[i], b = nodes[j], dx = a.x - b.x, dy = a.y - b.y, dist = Math.sqrt(dx * dx + dy * dy) || 0.01;
        if (dist > 6 * k) continue;
        var f = (k * k) / dist;
        a.dx += (dx / dist) * f; a.dy += (dy / dist) * f; b.dx -= (dx / dist) * f; b.dy -= (dy / dist) * f;
      }
      edges.forEach(function (e) {
        var a = e.s, b = e.t, dx = a.x - b.x, dy = a.y - b.y, dist = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var f = (dist * dist) / k;
        a.dx -= (dx / dist) * f; a.dy -= (dy / dist) * f; b.dx += (dx / dist) * f; b.dy += (dy / dist) * f;
      });
      nodes.forEach(function (d) {
        d.dx -= d.x * 0.3; d.dy -= d.y * 0.3;  // gravity keeps separate groups near the middle
        var len = Math.sqrt(d.dx * d.dx + d.dy * d.dy) || 1, step = Math.min(len, temp);
        d.x += (d.dx / len) * step;
        d.y += (d.dy / len) * step;
      });
      temp = Math.max(1, temp * 0.97);
    }
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    nodes.forEach(function (d) { minX = Math.min(minX, d.x); maxX = Math.max(maxX, d.x); minY = Math.min(minY, d.y); maxY = Math.max(maxY, d.y); });
    var padL = 20, padR = 110, padY = 20;  // room on the right for labels
    var sx = (W - padL - padR) / Math.max(maxX - minX, 1), sy = (H - 2 * padY) / Math.max(maxY - minY, 1);
    nodes.forEach(function (d) {
      d.x = n === 1 ? W / 2 : padL + (d.x - minX) * sx;
      d.y = n === 1 ? H / 2 : padY + (d.y - minY) * sy;
    });
  }

  function drawNetwork(box, net) {
    var nodes = (net.nodes || []).map(function (d) { return Object.assign({}, d); });
    if (!nodes.length) return message(box, "No actors for these filters.");
    var byId = {};
    nodes.forEach(function (d) { byId[d.id] = d; d.degree = 0; });
    var edges = [];
    (net.edges || []).forEach(function (e) {
      if (byId[e.source] && byId[e.target]) {
        edges.push({ s: byId[e.source], t: byId[e.target], raw: e });
        byId[e.source].degree += e.weight || 1; byId[e.target].degree += e.weight || 1;
      }
    });
    var W = 640, H = 420;
    layout(nodes, edges, W, H);
    box.textContent = "";
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "actor network", "class": "network" }, box);
    var maxW = 1;
    edges.forEach(function (e) { maxW = Math.max(maxW, e.raw.weight || 1); });
    edges.forEach(function (e) {
      var coop = e.raw.cooperation || 0, conf = e.raw.conflict || 0;
      var colour = coop > conf ? "#2e8b57" : conf > coop ? "#c0392b" : "#999";
      var line = el("line", { x1: e.s.x, y1: e.s.y, x2: e.t.x, y2: e.t.y, stroke: colour, "stroke-opacity": 0.7,
        "stroke-width": 1 + 6 * Math.sqrt((e.raw.weight || 1) / maxW), "class": "edge",
        "data-source": e.raw.source, "data-target": e.raw.target }, svg);
      tip(line, e.raw.source + " → " + e.raw.target + ": " + e.raw.weight + " events (" + coop + " cooperation, " + conf + " conflict)");
    });
    nodes.forEach(function (d) {
      var g = el("g", { "class": "node", "data-id": d.id, transform: "translate(" + d.x + "," + d.y + ")" }, svg);
      el("circle", { r: 4 + Math.min(10, Math.sqrt(d.degree)), fill: "#2457a6", "fill-opacity": 0.85 }, g);
      tip(g, (d.name || d.label || d.id) + (d.country ? " (" + d.country + ")" : "") + (d.events != null ? ": " + d.events + " events" : ""));
      el("text", { x: 8, y: 3, "class": "node-label" }, g).textContent = d.label || d.name || d.id;
    });
  }

  // TopoJSON (the vendored world-atlas outline) to SVG paths, equirectangular.
  function drawMap(box, topology, places) {
    var W = 640, H = 320;
    var tf = topology.transform, arcs = topology.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (p) {
        x += p[0]; y += p[1];
        return tf ? [x * tf.scale[0] + tf.translate[0], y * tf.scale[1] + tf.translate[1]] : [p[0], p[1]];
      });
    });
    function px(lon) { return ((lon + 180) / 360) * W; }
    function py(lat) { return ((90 - lat) / 180) * H; }
    function ring(indexes) {
      var pts = [];
      indexes.forEach(function (i, k) {
        var a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
        (k ? a.slice(1) : a).forEach(function (p) { pts.push(p); });
      });
      // A ring that crosses the antimeridian jumps from one edge to the other: move there, don't draw across.
      var d = "", broken = false;
      pts.forEach(function (p, k) {
        var jump = k && Math.abs(p[0] - pts[k - 1][0]) > 180;
        broken = broken || jump;
        d += (k === 0 || jump ? "M" : "L") + px(p[0]).toFixed(1) + "," + py(p[1]).toFixed(1);
      });
      return d + (broken ? "" : "Z");
    }
    box.textContent = "";
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "map of event places", "class": "map" }, box);
    var object = topology.objects.countries || topology.objects[Object.keys(topology.objects)[0]];
    object.geometries.forEach(function (g) {
      var polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
      if (!polys.length) return;
      var d = polys.map(function (poly) { return poly.map(ring).join(""); }).join("");
      var path = el("path", { d: d, "class": "country" }, svg);
      if (g.properties && g.properties.name) tip(path, g.properties.name);
    });
    if (!places.length) {
      var t = el("text", { x: W / 2, y: H - 8, "text-anchor": "middle", "class": "axis" }, svg);
      t.textContent = "No event places for these filters.";
      return;
    }
    var max = 1;
    places.forEach(function (p) { max = Math.max(max, p.count); });
    places.slice().sort(function (a, b) { return b.count - a.count; }).forEach(function (p) {
      var c = el("circle", { cx: px(p.lon), cy: py(p.lat), r: 2 + 10 * Math.sqrt(p.count / max), "class": "place",
        "data-name": p.name || "", "data-count": p.count }, svg);
      tip(c, (p.name || "?") + (p.country ? " (" + p.country + ")" : "") + ": " + p.count + (p.count === 1 ? " event" : " events"));
    });
  }

  var tl = document.getElementById("timeline"), nw = document.getElementById("network"), mp = document.getElementById("map");
  getJSON("/api/timeline").then(function (p) { drawTimeline(tl, p); }, function (e) { message(tl, String(e.message)); });
  function loadNetwork(by) {
    var sep = query ? "&" : "";
    fetch("/api/network?" + query + sep + "by=" + encodeURIComponent(by), { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("/api/network: HTTP " + r.status); return r.json(); })
      .then(function (n) { drawNetwork(nw, n); }, function (e) { message(nw, String(e.message)); });
  }
  var bySelect = document.getElementById("network-by");
  loadNetwork(bySelect ? bySelect.value : "actor");
  if (bySelect) bySelect.addEventListener("change", function () { loadNetwork(bySelect.value); });
  if (mp) {
    var outline = fetch(mp.getAttribute("data-outline")).then(function (r) {
      if (!r.ok) throw new Error("world outline: HTTP " + r.status);
      return r.json();
    });
    Promise.all([outline, getJSON("/api/event_places")]).then(function (res) { drawMap(mp, res[0], res[1]); },
      function (e) { message(mp, String(e.message)); });
  }
})();
