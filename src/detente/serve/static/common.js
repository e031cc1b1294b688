// Helpers shared by the dashboard's scripts. Data from the API is untrusted: it reaches the page only
// through textContent and element attributes set one by one, never as markup.
"use strict";

window.detente = (function () {
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(name, String(value));
    }
    for (const child of children || []) {
      node.append(child instanceof Node ? child : document.createTextNode(child === null || child === undefined ? "" : String(child)));
    }
    return node;
  }

  async function getJSON(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") url.searchParams.set(name, value);
    }
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
    return body;
  }

  // Goldstein -10..10 to a colour: red (conflict) through grey to blue (cooperation)
  function goldsteinColour(g) {
    const t = Math.max(-1, Math.min(1, (g || 0) / 5));
    const grey = [150, 150, 150], red = [200, 40, 40], blue = [40, 90, 200];
    const to = t < 0 ? red : blue, k = Math.abs(t);
    const c = grey.map((v, i) => Math.round(v + (to[i] - v) * k));
    return `rgb(${c[0]},${c[1]},${c[2]})`;
  }

  const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const QUAD_COLOURS = { 1: "#6baed6", 2: "#2171b5", 3: "#fd8d3c", 4: "#cb181d" };

  function plotConfig() {
    return { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["lasso2d", "select2d"] };
  }

  function eventsTable(items) {
    if (!items.length) return el("p", { class: "muted" }, ["No events."]);
    const rows = items.map((e) => el("tr", {}, [
      el("td", { class: "nowrap" }, [e.date || "—"]),
      el("td", { class: "nowrap" }, [`${e.source || "—"} → ${e.target || "—"}`]),
      el("td", {}, [el("span", { class: "code" }, [e.cameo || ""]), " ", e.plover || ""]),
      el("td", {}, [e.modality || ""]),
      el("td", { class: "evidence" }, [e.sentence_text || "",
        e.article_id ? el("a", { class: "more", href: "/article/" + encodeURIComponent(e.article_id) }, [" article"]) : ""]),
    ]));
    return el("div", { class: "table-wrap" }, [el("table", { class: "events" }, [
      el("thead", {}, [el("tr", {}, ["Date", "Source → target", "Event", "Modality", "Evidence"].map((h) => el("th", {}, [h])))]),
      el("tbody", {}, rows),
    ])]);
  }

  function failed(container, error) {
    container.replaceChildren(el("p", { class: "error-message" }, ["Could not load: " + error.message]));
  }

  return { el, getJSON, goldsteinColour, QUAD_NAMES, QUAD_COLOURS, plotConfig, eventsTable, failed };
})();
