// The actor page's chart: events per month with the actor as source and as target, split into
// cooperation and conflict.
"use strict";

(function () {
  const { el, getJSON, plotConfig, failed } = window.detente;
  const box = document.getElementById("actor-chart");
  if (!box) return;
  const { code, exact, since, until } = box.dataset;

  async function draw() {
    let found;
    try {
      found = await getJSON("/api/actors/" + encodeURIComponent(code), { exact, since, until });
    } catch (error) { failed(box, error); return; }
    if (!found.activity.length) {
      box.replaceChildren(el("p", { class: "muted" }, ["No dated events."]));
      box.dataset.ready = "empty";
      return;
    }
    const series = [["source", "coop", "acts: cooperation", "#2171b5", "solid"], ["source", "conflict", "acts: conflict", "#cb181d", "solid"],
      ["target", "coop", "acted on: cooperation", "#6baed6", "dot"], ["target", "conflict", "acted on: conflict", "#fd8d3c", "dot"]];
    const months = [...new Set(found.activity.map((r) => r.month))].sort();
    const traces = series.map(([role, kind, name, colour, dash]) => ({
      // bars, not lines: months without events are not drawn as a slope between their neighbours
      name, x: months, type: "bar", marker: { color: colour, pattern: { shape: dash === "dot" ? "/" : "" } },
      y: months.map((m) => found.activity.filter((r) => r.month === m && r.role === role
        && (kind === "coop" ? r.quad_class <= 2 : r.quad_class >= 3)).reduce((n, r) => n + r.events, 0)),
    }));
    await Plotly.newPlot(box, traces, {
      margin: { l: 40, r: 10, t: 10, b: 40 }, legend: { orientation: "h", y: -0.2 }, hovermode: "x unified", barmode: "group",
      yaxis: { title: { text: "events" }, rangemode: "tozero" }, xaxis: { type: "date" },
    }, plotConfig());
    box.dataset.ready = "drawn";
  }

  draw();
})();
