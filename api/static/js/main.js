/** The explorer page: wires search, graph, evidence, filters, exports and the overlap view. */

import * as api from "./api.js";
import { fill, h, toast } from "./dom.js";
import { EvidencePanel } from "./evidence.js";
import { GraphView } from "./graph.js";
import { OverlapView } from "./overlap.js";
import { renderResults } from "./results.js";
import { typeStyle, TYPE_ORDER } from "./types.js";

const $ = (id) => document.getElementById(id);
/** Labels every node has exactly one of (entity type labels come on top of Entity). */
const BASE_LABELS = ["Document", "Speech", "Body", "Person", "Recommendation", "Entity", "Concept"];

const evidence = new EvidencePanel($("evidence-body"), { onOpen: (id) => openNode(id) });
const graph = new GraphView($("cy"), {
  onSelect: (selection) => evidence.show(selection),
  onChange: (summary) => renderGraphState(summary),
  onError: (error) => toast(error.message),
});
const overlap = new OverlapView({
  form: $("overlap-form"), datalist: $("proposer-list"), picker: $("proposer-picker"), result: $("overlap-result"),
  onOpen: (id) => openNode(id),
});

/** Open one node's neighbourhood in the graph view. */
async function openNode(id) {
  showView("graph-view");
  try {
    await graph.open(id);
  } catch (error) {
    toast(`Could not open ${id}: ${error.message}`);
  }
}

async function runSearch(q) {
  const query = q.trim();
  if (!query) return;
  fill($("results"), h("p.hint", {}, "Searching… 搜索中"));
  try {
    renderResults($("results"), query, await api.search(query), (id) => openNode(id));
  } catch (error) {
    fill($("results"), h("p.hint", {}, `Search failed: ${error.message}`));
  }
  const url = new URL(window.location.href);
  url.searchParams.set("q", query);
  window.history.replaceState(null, "", url);
}

function renderGraphState(summary) {
  $("empty-graph").hidden = summary.nodes > 0 || Object.keys(summary.counts).length > 0;
  $("graph-status").textContent = summary.root
    ? `${summary.nodes} nodes · ${summary.edges} relationships${summary.truncated ? " · truncated" : ""}`
    : "";
  renderFilters(summary);
  renderLegend(summary);
  renderExports(summary);
}

function renderFilters(summary) {
  const rows = summary.types.map((type) => {
    const style = typeStyle(type);
    const box = h("input", { type: "checkbox", "data-type": type, checked: !summary.hidden.includes(type),
                             onchange: (event) => graph.setTypeVisible(type, event.target.checked) });
    return h("label.filter", {}, box, h("span.dot", { style: { background: style.color } }),
             `${style.zh} ${style.en}`, h("span.count", {}, String(summary.counts[type])));
  });
  fill($("type-filters"), rows.length ? rows : h("p.hint", {}, "—"));
}

function renderLegend(summary) {
  const types = summary.types.length ? summary.types : TYPE_ORDER;
  fill($("legend"), types.map((type) => {
    const style = typeStyle(type);
    return h("span", {}, h("span.dot", { style: { background: style.color } }), style.zh, " ", style.en);
  }));
}

function renderExports(summary) {
  fill($("export-buttons"), api.EXPORT_FORMATS.map(({ format, label }) => {
    const enabled = Boolean(summary.root);
    const href = enabled ? api.exportUrl(format, summary.root, summary.depth, summary.hidden.length ? summary.visibleTypes : null) : "#";
    return h("a", { href: String(href), download: "", "data-format": format, "aria-disabled": enabled ? null : "true",
                    title: enabled ? `${label}: neighbourhood of ${summary.root} within ${summary.depth} hop(s)` : "Open a node first" }, label);
  }));
}

function showView(id) {
  for (const view of document.querySelectorAll(".view")) view.hidden = view.id !== id;
  for (const tab of document.querySelectorAll(".tab")) {
    const active = tab.dataset.view === id;
    tab.classList.toggle("active", active);
    tab.setAttribute("aria-selected", String(active));
  }
  if (id === "overlap-view") overlap.activate();
  else graph.cy.resize();
}

async function showBackend() {
  try {
    const info = await api.health();
    const counts = info.counts?.nodes ?? info.nodes;
    const nodes = typeof counts === "object" && counts !== null
      ? BASE_LABELS.reduce((sum, label) => sum + (counts[label] || 0), 0) : counts;
    $("backend").textContent = `${info.backend || "store"}${nodes !== null && nodes !== undefined ? ` · ${nodes} nodes` : ""}`;
  } catch {
    $("backend").textContent = "API unreachable";
  }
}

$("search-form").addEventListener("submit", (event) => { event.preventDefault(); runSearch($("search-input").value); });
for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showView(tab.dataset.view));
$("fit-btn").addEventListener("click", () => graph.fit());
$("layout-btn").addEventListener("click", () => graph.layout(false));
$("clear-btn").addEventListener("click", () => { graph.clear(); fill($("evidence-body"), h("p.hint", {}, "Select a node or a relationship.")); });

renderGraphState(graph.summary());
showBackend();
const params = new URLSearchParams(window.location.search);
if (params.get("q")) { $("search-input").value = params.get("q"); runSearch(params.get("q")); }
if (params.get("node")) openNode(params.get("node"));
window.policykg = { graph, overlap, evidence, openNode, runSearch, showView };
