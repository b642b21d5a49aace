/**
 * Colours, sizes and captions per node label, shared by every view of the explorer.
 * The same colours are in ../policykg.grass (the Neo4j Browser style); a test checks they agree.
 */

export const TYPES = {
  Body: { color: "#3B6FD8", size: 46, zh: "机构", en: "Body" },
  Person: { color: "#7B5CD6", size: 44, zh: "个人", en: "Person" },
  Fund: { color: "#E0A100", size: 38, zh: "基金", en: "Fund" },
  Mechanism: { color: "#2F9E58", size: 38, zh: "机制", en: "Mechanism" },
  Platform: { color: "#139AA6", size: 38, zh: "平台", en: "Platform" },
  Institution: { color: "#D0523B", size: 38, zh: "制度", en: "Institution" },
  Concept: { color: "#C2408A", size: 40, zh: "概念", en: "Concept" },
  Document: { color: "#6E7781", size: 26, zh: "文件", en: "Document" },
  Speech: { color: "#9AA7B8", size: 20, zh: "发言", en: "Speech" },
  Recommendation: { color: "#C6CCD4", size: 14, zh: "建议", en: "Recommendation" },
};

const OTHER = { color: "#8C959F", size: 30, zh: "其他", en: "Other" };

/** Labels in the order the page lists them (proposers, entities, concepts, then text nodes). */
export const TYPE_ORDER = Object.keys(TYPES);

/** The label that names a node's kind: the first label we know, else the first label. */
export function mainType(labels) {
  const list = Array.isArray(labels) ? labels : [labels];
  return list.find((label) => label in TYPES) || list.find((label) => label !== "Entity") || "Other";
}

/** Style record for a label (falls back to a neutral grey for labels added later). */
export function typeStyle(type) {
  return TYPES[type] || { ...OTHER, en: type };
}

/** The caption a node shows: its Chinese name, with the English name when it has one. */
export function caption(type, props) {
  if (type === "Speech") return shorten(props.title || props.id, 16);
  if (type === "Recommendation") return `#${props.ordinal ?? ""}`;
  if (type === "Document") return [props.publication, props.date].filter(Boolean).join(" ") || props.id;
  return props.name || props.title || props.id;
}

export function shorten(text, max) {
  const value = String(text ?? "");
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}
