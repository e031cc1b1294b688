// The dyad page's chart: cooperation and conflict acts per period, both ways, with the dyad's alerts
// marked; clicking a point lists that period's events in that direction.
"use strict";

(function () {
  const { el, getJSON, plotConfig, eventsTable, failed } = window.detente;
  const box = document.getElementById("dyad-chart");
  const list = document.getElementById("period-events");
  if (!box) return;
  const { source, target, freq, since, until } = box.dataset;

  function periodEnd(start) {
    const d = new Date(start + "T00:00:00Z");
    if (freq === "week") d.setUTCDate(d.getUTCDate() + 6);
    else if (freq === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
    return d.toISOString().slice(0, 10);
  }

  async function showPeriod(src, tgt, period) {
    const last = periodEnd(period);
    list.replaceChildren(el("p", { class: "muted" }, [`Loading ${src} → ${tgt} events of ${period}…`]));
    try {
      const page = await getJSON("/api/events", { source: src, target: tgt, since: period, until: last, limit: 200 });
      list.replaceChildren(
        el("h3", {}, [`${src} → ${tgt}, ${period} to ${last}: ${page.items.length}${page.next ? "+" : ""} events`]),
        eventsTable(page.items));
      list.dataset.loaded = `${src}-${tgt}-${period}`;
    } catch (error) { failed(list, error); }
  }

  async function draw() {
    let dyad, alerts;
    try {
      [dyad, alerts] = await Promise.all([
        getJSON(`/api/dyads/${encodeURIComponent(source)}/${encodeURIComponent(target)}`, { freq, since, until }),
        getJSON("/api/alerts", { source, target }),
      ]);
    } catch (error) { failed(box, error); return; }
    if (!dyad.series.length) {
      box.replaceChildren(el("p", { class: "muted" }, [`No events between ${source} and ${target} in this period.`]));
      box.dataset.ready = "empty";
      return;
    }
    const traces = [];
    const styles = [[source, target, "solid"], [target, source, "dot"]];
    for (const [src, tgt, dash] of styles) {
      const rows = dyad.series.filter((r) => r.source === src && r.target === tgt);
      if (!rows.length) continue;
      const x = rows.map((r) => r.period);
      const custom = rows.map((r) => [src, tgt, r.period, r.goldstein_sum]);
      traces.push({
        name: `${src}→${tgt} cooperation`, x, y: rows.map((r) => r.verbal_coop + r.material_coop), customdata: custom,
        mode: "lines+markers", line: { color: "#2171b5", dash }, marker: { size: 7 },
        hovertemplate: "%{customdata[0]}→%{customdata[1]} %{x}<br>cooperation acts: %{y}<br>Goldstein sum: %{customdata[3]}<extra></extra>",
      });
      traces.push({
        name: `${src}→${tgt} conflict`, x, y: rows.map((r) => r.verbal_conflict + r.material_conflict), customdata: custom,
        mode: "lines+markers", line: { color: "#cb181d", dash }, marker: { size: 7 },
        hovertemplate: "%{customdata[0]}→%{customdata[1]} %{x}<br>conflict acts: %{y}<br>Goldstein sum: %{customdata[3]}<extra></extra>",
      });
    }
    const inRange = alerts.alerts.filter((a) => (!since || a.week >= since) && (!until || a.week <= until));
    if (inRange.length) {
      traces.push({
        name: "alert", x: inRange.map((a) => a.week), y: inRange.map(() => 0), mode: "markers",
        marker: { symbol: "triangle-up", size: 14, color: "#b10026" },
        text: inRange.map((a) => `${a.kind}: ${a.source}→${a.target}, ${a.events} events, z ${a.z}`),
        hovertemplate: "%{text}<extra>alert, week of %{x}</extra>",
      });
    }
    const layout = {
      margin: { l: 40, r: 10, t: 10, b: 40 }, hovermode: "closest", legend: { orientation: "h", y: -0.15 },
      yaxis: { title: { text: "acts" }, rangemode: "tozero" }, xaxis: { type: "date" },
      shapes: inRange.map((a) => ({ type: "line", xref: "x", yref: "paper", x0: a.week, x1: a.week, y0: 0, y1: 1,
        line: { color: "#b10026", width: 1, dash: "dash" } })),
    };
    await Plotly.newPlot(box, traces, layout, plotConfig());
    box.on("plotly_click", (event) => {
      const point = event.points && event.points[0];
      if (point && point.customdata) showPeriod(point.customdata[0], point.customdata[1], point.customdata[2]);
    });
    box.dataset.ready = "drawn";
  }

  draw();
})();
