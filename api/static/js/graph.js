/**
 * The interactive graph: cytoscape canvas, neighbourhood loading, expansion, per-type filters.
 * The current subgraph is described by its root, the depth reached and the visible types,
 * which is what the export buttons send to /export.
 */

import cytoscape from "../vendor/cytoscape.esm.min.js";
import { neighbourhood } from "./api.js";
import { caption, mainType, typeStyle, TYPE_ORDER } from "./types.js";

const STYLE = [
  { selector: "node", style: {
      "background-color": "data(color)", width: "data(size)", height: "data(size)",
      label: "data(caption)", "font-size": 12, "min-zoomed-font-size": 7, "text-valign": "bottom", "text-margin-y": 4,
      "text-wrap": "ellipsis", "text-max-width": 140, color: "#1f2328",
      "font-family": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif",
      "text-background-color": "#ffffff", "text-background-opacity": 0.75, "text-background-padding": 1,
      "border-width": 2, "border-color": "#ffffff" } },
  { selector: "node[type = 'Recommendation'], node[type = 'Speech']", style: { "font-size": 9, color: "#656d76" } },
  { selector: "node.root", style: { "border-width": 4, "border-color": "#1f2328" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#b3261e" } },
  { selector: "node.expanded", style: { "border-style": "double", "border-width": 5 } },
  { selector: "edge", style: {
      width: 1.4, "line-color": "#c3c9d1", "target-arrow-color": "#c3c9d1", "target-arrow-shape": "triangle",
      "arrow-scale": 0.8, "curve-style": "bezier", label: "data(type)", "font-size": 8, color: "#8c959f",
      "min-zoomed-font-size": 6,
      "text-rotation": "autorotate", "text-background-color": "#ffffff", "text-background-opacity": 0.8 } },
  { selector: "edge[type = 'PROPOSES']", style: { width: 2.4, "line-color": "#b3261e", "target-arrow-color": "#b3261e", color: "#b3261e" } },
  { selector: "edge:selected", style: { width: 4, "line-color": "#1f2328", "target-arrow-color": "#1f2328" } },
  { selector: ".filtered", style: { display: "none" } },
];

const MAX_FIT_ZOOM = 1.6;

export class GraphView {
  /** @param {HTMLElement} container  @param {{onSelect: Function, onChange: Function, onError: Function}} handlers */
  constructor(container, handlers) {
    this.handlers = handlers;
    this.hidden = new Set();
    this.root = null;
    this.depth = 0;
    this.truncated = false;
    this.cy = cytoscape({ container, style: STYLE, minZoom: 0.1, maxZoom: 4 });
    this.cy.on("tap", "node", (event) => this.#tapNode(event.target));
    this.cy.on("tap", "edge", (event) => this.handlers.onSelect({ kind: "edge", data: event.target.data() }));
    window.cy = this.cy;
  }

  /** Replace the graph by the neighbourhood of one node. */
  async open(id) {
    this.cy.elements().remove();
    this.root = id;
    this.depth = 1;
    this.truncated = false;
    await this.#load(id, 0);
    const root = this.cy.getElementById(id);
    root.addClass("root");
    if (root.nonempty()) {
      root.select();
      this.handlers.onSelect({ kind: "node", data: root.data() });
    }
  }

  /** Add a node's neighbours to the graph (click to expand). */
  async expand(id) {
    const node = this.cy.getElementById(id);
    if (node.empty() || node.hasClass("expanded")) return;
    await this.#load(id, node.data("depth"));
  }

  async #tapNode(node) {
    this.handlers.onSelect({ kind: "node", data: node.data() });
    try {
      await this.expand(node.id());
    } catch (error) {
      this.handlers.onError(error);
    }
  }

  async #load(id, depth) {
    const graph = await neighbourhood(id, 1);
    this.truncated = this.truncated || graph.truncated;
    const anchor = this.cy.getElementById(id);
    const origin = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
    const added = this.cy.add(this.#nodeElements(graph.nodes, depth + 1, origin));
    added.merge(this.cy.add(this.#edgeElements(graph.relationships)));
    this.cy.getElementById(id).addClass("expanded");
    this.depth = Math.max(this.depth, depth + 1);
    this.#applyFilters();
    this.layout(added.nonempty() && this.cy.nodes().length > added.nodes().length);
    this.handlers.onChange(this.summary());
  }

  #nodeElements(nodes, depth, origin) {
    return nodes.filter((node) => this.cy.getElementById(node.id).empty()).map((node, index) => {
      const type = mainType(node.labels);
      const style = typeStyle(type);
      const angle = (2 * Math.PI * index) / Math.max(nodes.length, 1);
      return {
        group: "nodes",
        data: { id: node.id, type, labels: node.labels, props: node.properties, depth,
                caption: caption(type, { id: node.id, ...node.properties }), color: style.color, size: style.size },
        position: { x: origin.x + 120 * Math.cos(angle), y: origin.y + 120 * Math.sin(angle) },
      };
    });
  }

  #edgeElements(relationships) {
    return relationships
      .filter((rel) => this.cy.getElementById(rel.source).nonempty() && this.cy.getElementById(rel.target).nonempty())
      .map((rel) => ({ group: "edges", data: {
        id: edgeId(rel), source: rel.source, target: rel.target, type: rel.type, props: rel.properties } }))
      .filter((edge) => this.cy.getElementById(edge.data.id).empty());
  }

  /** Lay the visible graph out; `incremental` keeps what was placed and settles the new nodes. */
  layout(incremental = false) {
    const visible = this.cy.elements(":visible");
    visible.layout({
      name: "cose", animate: false, randomize: !incremental, fit: false, padding: 40,
      nodeRepulsion: () => 9000, idealEdgeLength: () => 90, nodeOverlap: 12, numIter: 1200,
    }).run();
    this.fit();
  }

  /** Fit the visible graph, without blowing a handful of nodes up to poster size. */
  fit() {
    this.cy.fit(this.cy.elements(":visible"), 50);
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center(this.cy.elements(":visible"));
    }
  }

  clear() {
    this.cy.elements().remove();
    this.root = null;
    this.depth = 0;
    this.handlers.onChange(this.summary());
  }

  /** Show or hide one node type. */
  setTypeVisible(type, visible) {
    if (visible) this.hidden.delete(type); else this.hidden.add(type);
    this.#applyFilters();
    this.handlers.onChange(this.summary());
  }

  #applyFilters() {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => node.toggleClass("filtered", this.hidden.has(node.data("type"))));
    });
  }

  /** Counts per type, root, depth and visible types: what the side panels and exports need. */
  summary() {
    const counts = {};
    this.cy.nodes().forEach((node) => { counts[node.data("type")] = (counts[node.data("type")] || 0) + 1; });
    const types = Object.keys(counts).sort((a, b) => TYPE_ORDER.indexOf(a) - TYPE_ORDER.indexOf(b));
    return {
      root: this.root, depth: this.depth, counts, types, hidden: [...this.hidden],
      visibleTypes: types.filter((type) => !this.hidden.has(type)),
      nodes: this.cy.nodes(":visible").length, edges: this.cy.edges(":visible").length,
      truncated: this.truncated,
    };
  }
}

function edgeId(rel) {
  const props = rel.properties || {};
  return `${rel.source}|${rel.type}|${rel.target}|${props.speech_id ?? ""}|${props.start ?? ""}`;
}
