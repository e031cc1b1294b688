// The map: country outlines from the Natural Earth TopoJSON this package serves (decoded here, no
// tile server, no network), and the events by place as circles coloured by quad class.
"use strict";

(function () {
  const { getJSON, QUAD_NAMES, QUAD_COLOURS, plotConfig, failed } = window.detente;
  const box = document.getElementById("map");
  const status = document.getElementById("map-status");
  if (!box) return;

  // TopoJSON arcs (quantized, delta-encoded) to lon/lat line strings, one per arc
  function arcLines(topology) {
    const [sx, sy] = topology.transform ? topology.transform.scale : [1, 1];
    const [tx, ty] = topology.transform ? topology.transform.translate : [0, 0];
    return topology.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
    });
  }

  function outlineTrace(topology) {
    const lon = [], lat = [];
    for (const line of arcLines(topology)) {
      for (let i = 0; i < line.length; i++) {
        // an arc crossing the antimeridian would draw a line across the map: break it there
        if (i > 0 && Math.abs(line[i][0] - line[i - 1][0]) > 180) { lon.push(null); lat.push(null); }
        lon.push(line[i][0]); lat.push(line[i][1]);
      }
      lon.push(null); lat.push(null);
    }
    return { x: lon, y: lat, mode: "lines", line: { color: "#9aa", width: 0.7 }, hoverinfo: "skip", showlegend: false };
  }

  async function draw() {
    let topology, found;
    try {
      [topology, found] = await Promise.all([
        fetch("/static/world/countries-110m.json").then((r) => r.json()),
        getJSON("/api/places?" + box.dataset.query),
      ]);
    } catch (error) { failed(box, error); return; }
    const traces = [outlineTrace(topology)];
    for (const quad of [1, 2, 3, 4]) {
      const rows = found.places.filter((p) => p.quad_class === quad);
      if (!rows.length) continue;
      const most = Math.max(...found.places.map((p) => p.events));
      traces.push({
        name: QUAD_NAMES[quad], x: rows.map((p) => p.lon), y: rows.map((p) => p.lat), mode: "markers",
        marker: { color: QUAD_COLOURS[quad], opacity: 0.7, size: rows.map((p) => 6 + 24 * Math.sqrt(p.events / most)),
          line: { color: "#fff", width: 0.5 } },
        text: rows.map((p) => `${p.place_name || "?"}${p.place_country ? ", " + p.place_country : ""}: ${p.events} events`),
        hovertemplate: "%{text}<extra>" + QUAD_NAMES[quad] + "</extra>",
      });
    }
    if (!found.located) status.textContent = "This database has no event locations yet: the map shows the outlines only.";
    else if (!found.places.length) status.textContent = "No located events match these filters.";
    else {
      const places = new Set(found.places.map((p) => `${p.lat},${p.lon}`)).size;
      const events = found.places.reduce((n, p) => n + p.events, 0);
      status.textContent = `${places} place${places === 1 ? "" : "s"}, ${events} event${events === 1 ? "" : "s"}.`;
    }
    await Plotly.newPlot(box, traces, {
      margin: { l: 10, r: 10, t: 10, b: 10 }, legend: { orientation: "h", y: -0.02 }, hovermode: "closest",
      xaxis: { range: [-180, 180], visible: false }, yaxis: { range: [-60, 85], visible: false, scaleanchor: "x" },
      plot_bgcolor: "#f4f7fa",
    }, plotConfig());
    box.dataset.ready = "drawn";
  }

  draw();
})();
