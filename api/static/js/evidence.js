/**
 * The evidence panel: for the selected node or relationship, the sentences it comes from,
 * with speech title, proposer and the entity highlighted.
 */

import * as api from "./api.js";
import { fill, h } from "./dom.js";
import { mainType, typeStyle } from "./types.js";

const MAX_EVIDENCE = 12;
/** Evidence items per request for an entity (the API's evidence_limit; the panel's pageSize); "More" fetches the next page. */
const EVIDENCE_PAGE = 12;
const ENTITY_TYPES = new Set(["Fund", "Mechanism", "Platform", "Institution", "Pilot", "Program", "Policy"]);

export class EvidencePanel {
  constructor(body, { onOpen }) {
    this.body = body;
    this.onOpen = onOpen;
    this.token = 0;
    this.pageSize = EVIDENCE_PAGE;
  }

  /** Show the evidence of a cytoscape node or edge (its data()). */
  async show(selection) {
    const token = ++this.token;
    fill(this.body, h("p.hint", {}, "Loading… 加载中"));
    try {
      const content = selection.kind === "edge" ? await this.#edge(selection.data) : await this.#node(selection.data);
      if (token === this.token) fill(this.body, content);
    } catch (error) {
      if (token === this.token) fill(this.body, h("p.hint", {}, `Could not load evidence: ${error.message}`));
    }
  }

  async #node(data) {
    const type = data.type;
    if (ENTITY_TYPES.has(type)) return this.#entity(data);
    if (type === "Body" || type === "Person") return this.#proposer(data);
    if (type === "Concept") return this.#concept(data);
    if (type === "Speech") return this.#speech(data);
    if (type === "Recommendation") return this.#recommendation(data);
    return [head(type, data.props.name || data.caption, data.props.name_en), properties(data.props)];
  }

  async #entity(data) {
    const entity = await api.entity(data.id, { evidence_limit: this.pageSize });
    const evidence = entity.evidence || [];
    return [
      head(data.type, entity.name || data.props.name, entity.name_en),
      definition([
        ["Aliases 别名", (entity.aliases || []).join("、")],
        ["Concept 概念", conceptName(entity)],
        ["Proposers 提议方", proposerList(entity)],
      ]),
      h("div.section-title", {}, `Evidence 出处 (${entity.evidence_count ?? evidence.length})`),
      await this.#entityEvidence(data.id, entity, terms(entity)),
    ];
  }

  /** An entity's evidence, a page at a time: "More" fetches the next page from the API. */
  async #entityEvidence(id, entity, entityTerms) {
    if (!entity.evidence?.length) return h("p.hint", {}, "No evidence recorded.");
    const list = h("div.evidence-list", {}, await evidenceCards(entity.evidence, entityTerms));
    moreButton(list, { id, next: entity.evidence_next_offset, total: entity.evidence_count, size: this.pageSize,
                       entityTerms });
    return list;
  }

  async #proposer(data) {
    const proposer = await api.proposer(data.id);
    let entities = proposer.entities || proposer.proposals || null;
    let evidence = (entities || []).flatMap((item) => (item.evidence || []).map((ev) => ({ ...ev, _terms: terms(item.entity || item) })));
    if (!entities) ({ entities, evidence } = await proposalsAround(data.id));
    return [
      head(data.type, proposer.name || data.props.name, proposer.name_en || data.props.name_en),
      definition([
        ["Kind 类别", proposer.kind],
        ["Roles 职务", (proposer.roles || []).map(roleText).join("、")],
        ["Speeches 发言", (proposer.speeches || []).map((s) => s.title || s).join(" / ")],
      ]),
      h("div.section-title", {}, `Proposals 提议 (${entities.length})`),
      h("div.chips", {}, entities.slice(0, 40).map((item) => entityChip(item.entity || item, this.onOpen))),
      h("div.section-title", {}, "Evidence 出处"),
      await this.#evidenceList(evidence, null),
    ];
  }

  async #concept(data) {
    const concept = await api.concept(data.id);
    const members = concept.entities || concept.members || (await entitiesAround(data.id)).entities;
    return [
      head("Concept", concept.name || data.props.name, concept.name_en || data.props.name_en),
      h("div.section-title", {}, `Entities 实体 (${members.length})`),
      h("div.chips", {}, members.slice(0, 60).map((item) => entityChip(item, this.onOpen))),
    ];
  }

  async #speech(data) {
    const [speech, proposer] = await Promise.all([api.speech(data.id), api.speechProposer(data.id)]);
    return [
      head("Speech", speech.title || data.props.title, null),
      definition([["Proposer 提议方", proposer?.name], ["Order 顺序", speech.order]]),
      h("div.section-title", {}, "Text 全文"),
      h("div.speech-text", {}, speechText(speech) || data.props.text || ""),
    ];
  }

  /** A recommendation: its heading and its text, cut from the speech by its offsets. */
  async #recommendation(data) {
    const props = data.props || {};
    const speechId = props.speech_id || String(data.id).replace(/\/r\d+$/, "");
    const [speech, proposer] = await Promise.all([api.speech(speechId), api.speechProposer(speechId)]);
    const text = speechText(speech);
    return [
      head("Recommendation", props.heading || `#${props.ordinal}`, null),
      definition([["Speech 发言", speech.title], ["Proposer 提议方", proposer?.name], ["Ordinal 序号", props.ordinal]]),
      h("div.section-title", {}, "Text 原文"),
      h("div.speech-text", {}, Number.isInteger(props.start) ? text.slice(props.start, props.end) : props.text || ""),
    ];
  }

  /** A relationship drawn from text: its own sentence, found from speech_id/start/end. */
  async #edge(data) {
    const props = data.props || {};
    const parts = [h("div.node-head", {}, h("span.rel." + data.type, {}, data.type),
                     h("div.node-title", {}, `${shortId(data.source)} → ${shortId(data.target)}`))];
    parts.push(properties(props));
    if (props.speech_id && props.start !== undefined && props.end !== undefined) {
      parts.push(h("div.section-title", {}, "Evidence 出处"));
      parts.push(await evidenceCard({ ...props, relation: data.type }, null));
    }
    return parts;
  }

  async #evidenceList(evidence, entityTerms) {
    if (!evidence.length) return h("p.hint", {}, "No evidence recorded.");
    const shown = evidence.slice(0, MAX_EVIDENCE);
    const cards = await evidenceCards(shown, entityTerms);
    const more = evidence.length > shown.length ? h("p.hint", {}, `…and ${evidence.length - shown.length} more`) : null;
    return h("div.evidence-list", {}, cards, more);
  }
}

function evidenceCards(evidence, entityTerms) {
  return Promise.all(evidence.map((ev) => evidenceCard(ev, ev._terms || entityTerms)));
}

/** Append to `list` a button that loads the entity's evidence page at offset `next` (none on the last page). */
function moreButton(list, { id, next, total, size, entityTerms }) {
  if (next === null || next === undefined) return;
  const button = h("button.more-evidence", { type: "button" }, `More 更多 (${total - next} left)`);
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const page = await api.entity(id, { evidence_limit: size, evidence_offset: next });
      button.replaceWith(...(await evidenceCards(page.evidence || [], entityTerms)));
      moreButton(list, { id, next: page.evidence_next_offset, total: page.evidence_count, size, entityTerms });
    } catch (error) {
      button.disabled = false;
      button.textContent = `Could not load more evidence: ${error.message}`;
    }
  });
  list.append(button);
}

const PROPOSAL_PATH = ["Body", "Person", "Speech", "Recommendation", ...ENTITY_TYPES];

/** Entities next to a node (a concept's instances), from its neighbourhood. */
async function entitiesAround(id) {
  const graph = await api.neighbourhoodOf(id, 1, ["Concept", ...ENTITY_TYPES], 200);
  return { entities: graph.nodes.filter((n) => n.id !== id).map(entityRef) };
}

/** A proposer's entities and their evidence, read off the proposer's 3-hop neighbourhood. */
async function proposalsAround(id) {
  const graph = await api.neighbourhoodOf(id, 3, PROPOSAL_PATH, 300);
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const entities = graph.nodes.filter((n) => n.labels.some((label) => ENTITY_TYPES.has(label))).map(entityRef);
  const evidence = graph.relationships
    .filter((rel) => (rel.type === "PROPOSES" || rel.type === "MENTIONS") && rel.properties.speech_id)
    .map((rel) => ({ ...rel.properties, relation: rel.type, entity_id: rel.target,
                     _terms: terms(entityRef(nodes.get(rel.target) || { id: rel.target, labels: [], properties: {} })) }));
  return { entities, evidence };
}

function entityRef(node) {
  return { id: node.id, type: mainType(node.labels), name: node.properties.name, name_en: node.properties.name_en,
           aliases: node.properties.aliases };
}

/** One evidence card: speech title, proposer, relation and the sentence with the entity marked. */
async function evidenceCard(ev, entityTerms) {
  let speech = null;
  let proposer = null;
  try {
    if (ev.speech_id) [speech, proposer] = await Promise.all([api.speech(ev.speech_id), api.speechProposer(ev.speech_id)]);
  } catch { /* the card still shows the sentence */ }
  const sentence = ev.sentence || (speech ? sentenceAround(speechText(speech), ev.start, ev.end) : "");
  const range = markRange(sentence, ev, speech, entityTerms);
  return h("div.ev", {},
    h("div.ev-head", {},
      h("span.ev-title", {}, ev.speech_title || speech?.title || ev.speech_id),
      h("span.ev-proposer", {}, proposer?.name || ev.proposer?.name || ""),
      ev.relation ? h("span.rel." + ev.relation, {}, ev.action ? `${ev.relation} · ${ev.action}` : ev.relation) : null),
    h("div.ev-sentence", {}, highlighted(sentence, range)));
}

/** Where to mark: the exact offsets when the speech text is known, else the entity's names. */
function markRange(sentence, ev, speech, entityTerms) {
  const text = speech ? speechText(speech) : "";
  if (text && Number.isInteger(ev.start) && Number.isInteger(ev.end)) {
    const at = text.lastIndexOf(sentence, ev.start);
    if (at >= 0 && ev.end <= at + sentence.length) return [ev.start - at, ev.end - at];
    const surface = text.slice(ev.start, ev.end);
    const found = surface ? sentence.indexOf(surface) : -1;
    if (found >= 0) return [found, found + surface.length];
  }
  for (const term of [ev.text, ...(entityTerms || [])].filter(Boolean).sort((a, b) => b.length - a.length)) {
    const found = sentence.indexOf(term);
    if (found >= 0) return [found, found + term.length];
  }
  return null;
}

function highlighted(sentence, range) {
  if (!range) return [sentence];
  const [start, end] = range;
  return [sentence.slice(0, start), h("mark", {}, sentence.slice(start, end)), sentence.slice(end)];
}

/** The sentence of `text` holding [start, end): bounded by 。！？； or line ends. */
export function sentenceAround(text, start, end) {
  const stops = /[。！？；!?;\n]/;
  let from = start;
  while (from > 0 && !stops.test(text[from - 1])) from -= 1;
  let to = end;
  while (to < text.length && !stops.test(text[to])) to += 1;
  return text.slice(from, Math.min(to + 1, text.length)).trim();
}

function head(type, title, english) {
  const style = typeStyle(type);
  return h("div.node-head", {},
    h("span.badge", { style: { background: style.color } }, `${style.zh} ${style.en}`),
    h("div", {}, h("div.node-title", {}, title || ""), english ? h("div.node-en", {}, english) : null));
}

function definition(rows) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== "");
  return shown.length ? h("dl.kv", {}, shown.map(([key, value]) => [h("dt", {}, key), h("dd", {}, String(value))])) : null;
}

function properties(props) {
  const rows = Object.entries(props || {}).filter(([key]) => key !== "text" && key !== "id")
    .map(([key, value]) => [key, Array.isArray(value) ? value.join("、") : value]);
  return definition(rows);
}

function entityChip(item, onOpen) {
  const type = item.type || mainType(item.labels || []);
  const style = typeStyle(type);
  return h("button.chip", { type: "button", title: item.id, onclick: () => onOpen(item.id) },
    h("span.dot", { style: { background: style.color } }), item.name || item.id);
}

/** The proposers the API listed, and how many there are in all when it listed only the first ones. */
function proposerList(entity) {
  const proposers = entity.proposers || [];
  const names = uniqueNames(proposers.map((p) => p.proposer || p)).join("、");
  const total = entity.proposer_count ?? proposers.length;
  return total > proposers.length ? `${names} … (${total} in all 共${total}个)` : names;
}

function uniqueNames(refs) {
  return [...new Set(refs.map((ref) => (typeof ref === "string" ? ref : ref.name || ref.id)))];
}

function terms(entity) {
  return [entity.name, ...(entity.aliases || [])].filter(Boolean);
}

function conceptName(entity) {
  const concept = entity.concept;
  if (!concept) return entity.concept_name || "";
  if (typeof concept === "object") return [concept.name, concept.name_en].filter(Boolean).join(" · ");
  return [entity.concept_name, entity.concept_en].filter(Boolean).join(" · ") || concept;
}

function roleText(role) {
  if (typeof role === "string") return role;
  return [role.role, role.body?.name || role.body || role.name].filter(Boolean).join(" @ ");
}

/** A speech's text, at the top level or among its properties. */
function speechText(speech) {
  return speech.text || speech.properties?.text || "";
}

function shortId(id) {
  const value = String(id);
  const tail = value.includes(":") ? value.slice(value.indexOf(":") + 1) : value;
  return tail.length > 18 ? `${tail.slice(0, 17)}…` : tail;
}
