// The overview's network: the most active dyads as arrows from source to target, coloured by the
// mean Goldstein score of their acts; actors on a circle, sized by how much they do.
"use strict";

(function () {
  const { el, getJSON, goldsteinColour, plotConfig, failed } = window.detente;
  const box = document.getElementById("network");
  if (!box) return;

  async function draw() {
    let top;
    try {
      top = await getJSON("/api/top", { n: 25, since: box.dataset.since, until: box.dataset.until });
    } catch (error) { failed(box, error); return; }
    const edges = top.active;
    if (!edges.length) {
      box.replaceChildren(el("p", { class: "muted" }, ["No dyads in this period."]));
      box.dataset.ready = "empty";
      return;
    }
    const weight = new Map();
    for (const e of edges) {
      weight.set(e.source, (weight.get(e.source) || 0) + e.events);
      weight.set(e.target, (weight.get(e.target) || 0) + e.events);
    }
    const actors = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a));
    // spread the busiest actors around the circle (a stride coprime with the count), so their
    // arrows do not bunch up on one side
    const count = actors.length;
    let stride = Math.max(1, Math.round(count / 2.618));
    const gcd = (a, b) => (b ? gcd(b, a % b) : a);
    while (gcd(stride, count) !== 1) stride += 1;
    const at = new Map(actors.map((a, i) => {
      const angle = Math.PI / 2 - (2 * Math.PI * ((i * stride) % count)) / count;
      return [a, [Math.cos(angle), Math.sin(angle)]];
    }));
    // each label outside the circle, on the side its node is
    const side = (a) => {
      const [x, y] = at.get(a);
      if (x > 0.35) return "middle right";
      if (x < -0.35) return "middle left";
      // near the top or bottom, lean the label away from the middle so neighbours do not collide
      const lean = Math.abs(x) < 0.05 ? "center" : x < 0 ? "left" : "right";
      return (y > 0 ? "top " : "bottom ") + lean;
    };
    const most = Math.max(...weight.values());
    const annotations = edges.map((e) => ({
      x: at.get(e.target)[0], y: at.get(e.target)[1], ax: at.get(e.source)[0], ay: at.get(e.source)[1],
      xref: "x", yref: "y", axref: "x", ayref: "y", showarrow: true, arrowhead: 2, arrowsize: 1.2, standoff: 12,
      arrowwidth: 1 + 3 * Math.sqrt(e.events / edges[0].events), arrowcolor: goldsteinColour(e.goldstein_mean),
      text: "", opacity: 0.8,
    }));
    const nodes = {
      x: actors.map((a) => at.get(a)[0]), y: actors.map((a) => at.get(a)[1]), text: actors, customdata: actors,
      mode: "markers+text", textposition: actors.map(side), cliponaxis: false,
      marker: { size: actors.map((a) => 10 + 20 * Math.sqrt(weight.get(a) / most)), color: "#fff", line: { color: "#333", width: 1.5 } },
      hovertemplate: "%{text}<extra>click for the actor page</extra>",
    };
    const scale = {  // an invisible trace that carries the colour bar
      x: [null], y: [null], mode: "markers", showlegend: false, hoverinfo: "skip",
      marker: { colorscale: [[0, "rgb(200,40,40)"], [0.5, "rgb(150,150,150)"], [1, "rgb(40,90,200)"]], cmin: -5, cmax: 5,
        color: [0], showscale: true, colorbar: { title: { text: "mean<br>Goldstein" }, thickness: 12, len: 0.8 } },
    };
    const axis = { visible: false, range: [-1.45, 1.45], fixedrange: true };
    await Plotly.newPlot(box, [nodes, scale], {
      margin: { l: 10, r: 10, t: 10, b: 10 }, showlegend: false, annotations,
      xaxis: axis, yaxis: { ...axis, scaleanchor: "x" }, hovermode: "closest", dragmode: false,
    }, plotConfig());
    box.on("plotly_click", (event) => {
      const p = event.points && event.points[0];
      if (p && typeof p.customdata === "string") window.location.href = "/actor/" + encodeURIComponent(p.customdata);
    });
    box.dataset.ready = "drawn";
  }

  draw();
})();
