/**
 * The explorer's only door to the policykg API. Every call asks for one page or one
 * neighbourhood, never the whole graph, so the page stays usable on large graphs.
 */

const BASE = new URL("./", window.location.href);

/** Node budget for one neighbourhood request (the API caps it too). */
export const NEIGHBOURHOOD_LIMIT = 300;

export const EXPORT_FORMATS = [
  { format: "graphml", label: "GraphML" },
  { format: "gexf", label: "GEXF" },
  { format: "json", label: "JSON" },
  { format: "cypher", label: "Cypher" },
  { format: "csv", label: "CSV (zip)" },
];

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail ? `${title}: ${detail}` : title);
    this.status = status;
  }
}

/** An absolute URL for an API path with query parameters (empty values are left out). */
export function apiUrl(path, params = {}) {
  const url = new URL(path.replace(/^\//, ""), BASE);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, item);
  }
  return url;
}

/** GET a JSON document; problem+json answers become an ApiError carrying their title and detail. */
export async function getJSON(path, params = {}) {
  const response = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" } });
  if (!response.ok) throw await problem(response);
  return response.json();
}

async function problem(response) {
  let body = {};
  try { body = await response.json(); } catch { /* not JSON: keep the status line */ }
  return new ApiError(response.status, body.title || `${response.status} ${response.statusText}`,
                      body.detail || "");
}

/** Path segment for an id such as "doc:x/s1" or "fund:中试基金". */
export function idPath(prefix, id) {
  return `${prefix}/${encodeURIComponent(id)}`;
}

/** Items and next cursor of any paginated answer (bare list, {items}, {results} or {data}). */
export function pageOf(answer) {
  if (Array.isArray(answer)) return { items: answer, next: null };
  const items = answer.items || answer.results || answer.data || answer.hits || [];
  const next = answer.next_cursor ?? answer.next ?? answer.cursor ?? null;
  return { items, next: typeof next === "string" && next ? next : null };
}

/** Search nodes by Chinese substring or English words; falls back to /entities?q= without /search. */
export async function search(q, limit = 40) {
  try {
    return pageOf(await getJSON("search", { q, limit })).items;
  } catch (error) {
    if (error.status !== 404 && error.status !== 405) throw error;
    return pageOf(await getJSON("entities", { q, limit })).items;
  }
}

/** The neighbourhood of a node as {nodes, relationships}, at most NEIGHBOURHOOD_LIMIT nodes. */
export async function neighbourhood(center, hops = 1) {
  try {
    return normaliseGraph(await getJSON("subgraph", { center, hops, limit: NEIGHBOURHOOD_LIMIT }));
  } catch (error) {
    if (error.status !== 404 && error.status !== 405) throw error;
    return normaliseGraph(await getJSON("export", { format: "json", center, hops }));
  }
}

/** A node's neighbourhood restricted to some labels (for side panels). */
export async function neighbourhoodOf(center, hops, types, limit) {
  return normaliseGraph(await getJSON("subgraph", { center, hops, types: [...types].join(","), limit }));
}

/** Accept the store's Subgraph shape and networkx node-link JSON alike. */
export function normaliseGraph(data) {
  const nodes = (data.nodes || []).map((node) => ({
    id: String(node.id),
    labels: node.labels || (node.label ? [node.label] : node.type ? [node.type] : []),
    properties: node.properties || withoutKeys(node, ["id", "labels", "label", "type"]),
  }));
  const rels = data.relationships || data.links || data.edges || [];
  const relationships = rels.map((rel) => ({
    type: rel.type || rel.key || "RELATED",
    source: String(rel.source),
    target: String(rel.target),
    properties: rel.properties || withoutKeys(rel, ["type", "source", "target", "key"]),
  }));
  return { nodes, relationships, truncated: Boolean(data.truncated) };
}

function withoutKeys(object, keys) {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** One entity with one page of its evidence (`evidence_limit`, `evidence_offset`; the API's default page without them). */
export const entity = (id, page = {}) => getJSON(idPath("entities", id), page);
export const proposer = (id) => getJSON(idPath("proposers", id));
export const concept = (id) => getJSON(idPath("concepts", id));
export const health = () => getJSON("health");

const speechCache = new Map();
/** One speech (title, proposer, text), fetched once per page view. */
export function speech(id) {
  if (!speechCache.has(id)) {
    const pending = getJSON(idPath("speeches", id));
    pending.catch(() => speechCache.delete(id));
    speechCache.set(id, pending);
  }
  return speechCache.get(id);
}

const proposerCache = new Map();
/** Who delivered a speech: the speech's own `proposer`, else its DELIVERED neighbour. */
export function speechProposer(id) {
  if (!proposerCache.has(id)) {
    const pending = speech(id).then(async (detail) => {
      if (detail.proposer) return detail.proposer;
      const around = normaliseGraph(await getJSON("subgraph", { center: id, hops: 1, types: "Speech,Body,Person", limit: 20 }));
      const delivered = around.relationships.find((rel) => rel.type === "DELIVERED" && rel.target === id);
      const node = delivered && around.nodes.find((n) => n.id === delivered.source);
      return node ? { id: node.id, name: node.properties.name, kind: node.labels.includes("Person") ? "person" : "organization" } : null;
    });
    pending.catch(() => proposerCache.delete(id));
    proposerCache.set(id, pending);
  }
  return proposerCache.get(id);
}

/** One page of proposers. */
export async function proposers(cursor = null, limit = 100, q = null) {
  return pageOf(await getJSON("proposers", { limit, cursor, q }));
}

export const overlap = (a, b, level) => getJSON("overlap", { a, b, level });

/** The download URL of the current subgraph in one export format. */
export function exportUrl(format, center, hops, types) {
  return apiUrl("export", { format, center, hops, types: types && types.length ? types.join(",") : null });
}
