/**
 * The overlap view: two proposers, their shared and distinct entities or concepts, the Jaccard figure.
 * Proposers are listed a page at a time (/proposers with a cursor); a name can also be typed.
 */

import * as api from "./api.js";
import { fill, h, toast } from "./dom.js";
import { typeStyle } from "./types.js";

export class OverlapView {
  constructor({ form, datalist, picker, result, onOpen }) {
    Object.assign(this, { form, datalist, picker, result, onOpen });
    this.cursor = null;
    this.loaded = false;
    this.names = new Map();
    form.addEventListener("submit", (event) => { event.preventDefault(); this.compare(); });
    for (const input of form.querySelectorAll("input[list]")) {
      input.addEventListener("input", () => this.#suggest(input.value.trim()));
    }
  }

  /** Ask the API for proposers whose name holds what is typed (a page of them, not the list). */
  #suggest(text) {
    clearTimeout(this.typing);
    if (!text) return;
    this.typing = setTimeout(async () => {
      try {
        const page = await api.proposers(null, 20, text);
        for (const p of page.items) if (!this.names.has(p.name || p.id)) this.#addProposer(p);
      } catch { /* suggestions are a convenience; typing a full name still works */ }
    }, 250);
  }

  /** Load the first page of proposers (once). */
  async activate() {
    if (this.loaded) return;
    this.loaded = true;
    await this.#moreProposers();
  }

  async #moreProposers() {
    try {
      const page = await api.proposers(this.cursor);
      this.cursor = page.next;
      for (const p of page.items) this.#addProposer(p);
      this.#renderPicker();
    } catch (error) {
      toast(`Could not list proposers: ${error.message}`);
    }
  }

  #addProposer(p) {
    const name = p.name || p.id;
    this.names.set(name, p.id || name);
    this.datalist.append(h("option", { value: name }, p.kind === "person" ? "个人 person" : "机构 body"));
  }

  #renderPicker() {
    const chips = [...this.names.keys()].slice(0, 60).map((name) =>
      h("button.chip", { type: "button", title: "Click: fill A, then B", onclick: () => this.#pick(name) }, name));
    const more = this.cursor ? h("button.more", { type: "button", onclick: () => this.#moreProposers() }, "More proposers…") : null;
    fill(this.picker, h("span.hint", {}, "Proposers 提议方:"), chips, more);
  }

  #pick(name) {
    const a = this.form.querySelector("#overlap-a");
    const b = this.form.querySelector("#overlap-b");
    if (!a.value || (a.value && b.value)) { a.value = name; b.value = ""; } else { b.value = name; }
  }

  /** Ask /overlap for the two proposers in the form and show the answer. */
  async compare() {
    const a = this.form.querySelector("#overlap-a").value.trim();
    const b = this.form.querySelector("#overlap-b").value.trim();
    const level = this.form.querySelector("input[name=level]:checked").value;
    fill(this.result, h("p.hint", {}, "Comparing… 比较中"));
    try {
      const answer = await api.overlap(this.names.get(a) || a, this.names.get(b) || b, level);
      fill(this.result, render(answer, this.onOpen));
    } catch (error) {
      fill(this.result, h("p.hint", {}, `Could not compare: ${error.message}`));
    }
  }
}

function render(answer, onOpen) {
  const a = answer.a?.name || answer.a;
  const b = answer.b?.name || answer.b;
  const jaccard = Number(answer.jaccard || 0);
  return [
    h("div.overlap-summary", {},
      h("div", {}, h("div.jaccard", { "data-jaccard": jaccard }, jaccard.toFixed(2)),
        h("div.jaccard-label", {}, "Jaccard = |A∩B| / |A∪B|")),
      h("div", {}, h("div", {}, h("strong", {}, a), " ∩ ", h("strong", {}, b)),
        h("div.hint", {}, `${answer.level === "concept" ? "概念 concepts" : "实体 entities"}: `
          + `${answer.shared.length} shared · ${answer.only_a.length} only A · ${answer.only_b.length} only B`))),
    h("div.overlap-cols", {},
      column(`只有 A · only ${a}`, answer.only_a, "only-a", onOpen),
      column("共同 Shared", answer.shared, "shared", onOpen),
      column(`只有 B · only ${b}`, answer.only_b, "only-b", onOpen)),
  ];
}

function column(title, items, cls, onOpen) {
  return h(`div.overlap-col.${cls}`, { "data-count": items.length },
    h("h3", {}, title, h("span.n", {}, String(items.length))),
    items.length ? items.map((entry) => item(entry, onOpen)) : h("p.hint", {}, "—"));
}

function item(entry, onOpen) {
  const style = typeStyle(entry.type);
  const evidence = entry.evidence || [];
  return h("div.item", { "data-id": entry.id },
    h("div", {}, h("span.dot", { style: { background: style.color } }), " ", h("button.link", { type: "button", title: "Open in the graph", onclick: () => onOpen(entry.id) },
        h("strong", {}, entry.name)),
      " ", h("span.badge", { style: { background: style.color } }, style.zh)),
    entry.name_en ? h("div.en", {}, entry.name_en) : null,
    evidence.length ? h("details", {}, h("summary", {}, `${evidence.length} evidence`),
      evidence.slice(0, 6).map((ev) => h("div.ev", {},
        h("div.ev-head", {}, h("span.ev-title", {}, ev.speech_title || ev.speech_id)),
        h("div.ev-sentence", {}, ev.sentence || "")))) : null);
}
