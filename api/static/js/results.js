/** Search results, grouped by node type, each one a button that opens its neighbourhood. */

import { fill, h } from "./dom.js";
import { mainType, typeStyle, TYPE_ORDER } from "./types.js";

const PER_GROUP = 8;

/** Group search hits by type, in the page's type order. */
export function groupByType(items) {
  const groups = new Map();
  for (const item of items) {
    const type = item.type || mainType(item.labels || []);
    if (!groups.has(type)) groups.set(type, []);
    groups.get(type).push({ ...item, type });
  }
  const rank = (type) => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** Render hits into `container`; `onOpen(id)` opens one. */
export function renderResults(container, query, items, onOpen) {
  if (!items.length) {
    fill(container, h("p.hint", {}, `Nothing matches “${query}”. 没有找到匹配结果。`));
    return;
  }
  fill(container, h("p.hint", {}, `${items.length} result${items.length === 1 ? "" : "s"} for “${query}”`),
       groupByType(items).map(([type, hits]) => group(type, hits, onOpen)));
}

function group(type, hits, onOpen) {
  const style = typeStyle(type);
  const list = h("ul");
  const section = h("div.result-group", { "data-type": type },
    h("h3", {}, h("span.dot", { style: { background: style.color } }), `${style.zh} ${style.en}`, ` · ${hits.length}`),
    list);
  const show = (count) => {
    fill(list, hits.slice(0, count).map((hit) => h("li", {}, resultButton(hit, onOpen))));
    if (hits.length > count) {
      list.append(h("li", {}, h("button.more", { type: "button", onclick: () => show(count + PER_GROUP) },
        `Show ${Math.min(PER_GROUP, hits.length - count)} more`)));
    }
  };
  show(PER_GROUP);
  return section;
}

function resultButton(hit, onOpen) {
  const english = hit.name_en || hit.properties?.name_en;
  return h("button.result", { type: "button", "data-id": hit.id, onclick: () => onOpen(hit.id, hit) },
    h("span.name", {}, hit.name || hit.title || hit.properties?.name || hit.id),
    english ? h("span.en", {}, english) : null);
}
