"""Score extraction against gold: entities (strict and relaxed), proposers, affiliations, counts.

Gold is JSONL, one speech a line (see ``GUIDELINES.md``)::

    {"order": 1, "title": "…", "proposer": {"name": "…", "affiliations": ["…"]},
     "recommendations": 4, "entities": [{"type": "Fund", "text": "…"}]}

Predictions are extraction records (the JSONL contract in ``records.py``) or, when the inputs are
text files, whatever ``policykg extract`` would produce for them.

Rules (DESIGN.md, "Evaluation"):

- speeches are aligned by title after removing whitespace and quotes; only gold speeches are
  scored, and a gold speech with no predicted counterpart counts as entirely missed;
- predicted mentions are grouped into distinct entities per speech (same type and canonical name,
  else same normalised text), since gold lists each entity once per speech; a group matches
  through any of its surface forms, so 国企 and 国有企业 resolved to one entity count once;
- **strict**: equal after removing whitespace, quotes and brackets;
- **relaxed**: same type and the longest common substring covers at least 60% of the longer text;
- matching is one-to-one within a speech and type: a maximum-cardinality matching, and among
  those the one with the largest total overlap (deterministic for a given input order);
- **relations** between entities (FUNDED_BY, OPERATED_BY, HOSTED_BY, PART_OF) are scored only for
  gold speeches with a ``relations`` key (``[{"type", "source", "target"}]``, entity texts): a
  predicted relation matches a gold one of its type when both ends match strictly, an end
  through any surface form of the predicted entity it names; one-to-one within a speech.

>>> strict_key(" “5G 专网” ")
'5G专网'
>>> overlap("耐心资本良好循环机制", "良好循环机制")
0.6
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import click
import networkx as nx

from policykg.errors import InputError, PolicykgError
from policykg.extract.records import ENTITY_ENTITY_RELATIONS, ENTITY_TYPES

RELAXED_THRESHOLD = 0.6
"""Share of the longer text the longest common substring must cover for a relaxed match."""

_QUOTES = "“”‘’\"'「」『』〝〞＂＇"
_BRACKETS = "()（）[]［］【】〔〕〖〗《》〈〉<>{}｛｝"
_TITLE_NOISE = re.compile(f"[\\s{re.escape(_QUOTES)}]+")
_STRICT_NOISE = re.compile(f"[\\s{re.escape(_QUOTES + _BRACKETS)}]+")


# ---------------------------------------------------------------- normalisation and similarity


def title_key(title: str) -> str:
    """A title with whitespace and quotes removed: the key speeches are aligned on."""
    return _TITLE_NOISE.sub("", title or "")


@lru_cache(maxsize=262144)
def strict_key(text: str) -> str:
    """An entity text with whitespace, quotes and brackets removed: the strict-match key."""
    return _STRICT_NOISE.sub("", text or "")


def longest_common_substring(a: str, b: str) -> int:
    """Length of the longest common substring of ``a`` and ``b`` (O(len(a)·len(b)), short texts)."""
    if a in b or b in a:
        return min(len(a), len(b))
    best = 0
    previous = [0] * (len(b) + 1)
    for char in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, start=1):
            if char == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


@lru_cache(maxsize=262144)
def overlap(a: str, b: str) -> float:
    """Share of the longer strict key covered by the longest common substring of both keys."""
    a, b = strict_key(a), strict_key(b)
    longest = max(len(a), len(b))
    return longest_common_substring(a, b) / longest if longest else 0.0


def could_overlap(a: str, b: str) -> bool:
    """Cheap test: the shorter key is long enough to cover the threshold share of the longer."""
    a, b = strict_key(a), strict_key(b)
    return min(len(a), len(b)) >= RELAXED_THRESHOLD * max(len(a), len(b), 1)


def strict_similarity(gold: str, surfaces: Sequence[str]) -> float:
    """1.0 when any surface equals the gold text under :func:`strict_key`, else 0.0."""
    key = strict_key(gold)
    return 1.0 if any(strict_key(s) == key for s in surfaces) else 0.0


def relaxed_similarity(gold: str, surfaces: Sequence[str]) -> float:
    """Best overlap of the gold text with any surface; 0.0 below :data:`RELAXED_THRESHOLD`."""
    best = max((overlap(gold, s) for s in surfaces if could_overlap(gold, s)), default=0.0)
    return best if best >= RELAXED_THRESHOLD else 0.0


# ---------------------------------------------------------------- data shapes


@dataclass(frozen=True)
class PredictedEntity:
    """One distinct predicted entity of a speech: its type, display text and every surface form."""

    type: str
    text: str
    surfaces: tuple[str, ...]
    name_en: str | None = None
    concept: str | None = None


@dataclass(frozen=True)
class RelationData:
    """One distinct relation between entities: its type and the surface forms of both ends."""

    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]

    def matches(self, gold: RelationData) -> bool:
        """Same type, and each gold end equals some surface of this end under :func:`strict_key`."""
        return self.type == gold.type and strict_similarity(gold.source[0], self.source) > 0 \
            and strict_similarity(gold.target[0], self.target) > 0


@dataclass
class SpeechData:
    """What scoring needs of one speech, gold or predicted. ``relations`` is None for a gold
    speech without a ``relations`` key: its relations are not scored."""

    title: str
    order: int | None = None
    proposer: str = ""
    affiliations: list[str] = field(default_factory=list)
    recommendations: int = 0
    entities: list[PredictedEntity] = field(default_factory=list)
    relations: list[RelationData] | None = None


@dataclass
class Counts:
    """True positives against gold and predicted totals, with P/R/F1."""

    tp: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.gold += other.gold
        self.pred += other.pred

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "pred": self.pred, "tp": self.tp,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Matching:
    """The outcome of matching one speech's entities of one type (indices into gold and pred)."""

    pairs: list[tuple[int, int, float]]
    gold: int
    pred: int

    @property
    def counts(self) -> Counts:
        return Counts(tp=len(self.pairs), gold=self.gold, pred=self.pred)


# ---------------------------------------------------------------- matching


def match(gold: Sequence[str], pred: Sequence[Sequence[str]],
          similarity: Callable[[str, Sequence[str]], float]) -> Matching:
    """One-to-one matching of gold texts to predicted surface groups.

    Maximum cardinality first, then maximum total similarity; pairs with similarity 0 never match.

    >>> m = match(["种子基金", "母基金"], [["母基金"], ["基金"]], relaxed_similarity)
    >>> [(g, p) for g, p, _ in m.pairs]
    [(1, 0)]
    """
    graph = nx.Graph()
    graph.add_nodes_from(("g", i) for i in range(len(gold)))
    graph.add_nodes_from(("p", j) for j in range(len(pred)))
    for i, text in enumerate(gold):
        for j, surfaces in enumerate(pred):
            weight = similarity(text, surfaces)
            if weight > 0:
                graph.add_edge(("g", i), ("p", j), weight=weight)
    pairs = []
    for u, v in _matched_edges(graph):
        (gi, pj) = (u[1], v[1]) if u[0] == "g" else (v[1], u[1])
        pairs.append((gi, pj, graph.edges[u, v]["weight"]))
    return Matching(pairs=sorted(pairs), gold=len(gold), pred=len(pred))


def _matched_edges(graph: nx.Graph) -> list[tuple]:
    """Edges of a maximum-cardinality, maximum-weight matching, component by component.

    A component that is a single edge is its own matching; only larger ones need the blossom
    algorithm, which keeps scoring of large corpora fast.
    """
    edges = []
    for component in nx.connected_components(graph):
        if len(component) == 2:
            node = next(iter(component))
            edges.append((node, next(iter(graph[node]))))
        elif len(component) > 2:
            edges += nx.max_weight_matching(graph.subgraph(component), maxcardinality=True)
    return edges


def match_relations(gold: Sequence[RelationData], pred: Sequence[RelationData]) -> Matching:
    """One-to-one matching of gold to predicted relations (maximum cardinality).

    >>> g = [RelationData("FUNDED_BY", ("种子基金",), ("高校",))]
    >>> p = [RelationData("FUNDED_BY", ("种子基金",), ("高校", "在渝高校"))]
    >>> match_relations(g, p).counts.tp
    1
    """
    graph = nx.Graph()
    graph.add_nodes_from(("g", i) for i in range(len(gold)))
    graph.add_nodes_from(("p", j) for j in range(len(pred)))
    for i, relation in enumerate(gold):
        for j, predicted in enumerate(pred):
            if predicted.matches(relation):
                graph.add_edge(("g", i), ("p", j), weight=1.0)
    pairs = [(u[1], v[1], 1.0) if u[0] == "g" else (v[1], u[1], 1.0)
             for u, v in _matched_edges(graph)]
    return Matching(pairs=sorted(pairs), gold=len(gold), pred=len(pred))


def match_speech_relations(gold: SpeechData, pred: SpeechData | None) -> dict[str, Matching]:
    """Match a speech's relations type by type; a missing prediction matches nothing."""
    predicted = (pred.relations or []) if pred is not None else []
    return {type_: match_relations([r for r in gold.relations or [] if r.type == type_],
                                   [r for r in predicted if r.type == type_])
            for type_ in ENTITY_ENTITY_RELATIONS}


def match_speech(gold: SpeechData, pred: SpeechData | None,
                 similarity: Callable[[str, Sequence[str]], float]) -> dict[str, Matching]:
    """Match a speech's entities type by type; a missing prediction matches nothing."""
    predicted = pred.entities if pred is not None else []
    result = {}
    for type_ in ENTITY_TYPES:
        gold_texts = [e.text for e in gold.entities if e.type == type_]
        pred_surfaces = [e.surfaces for e in predicted if e.type == type_]
        result[type_] = match(gold_texts, pred_surfaces, similarity)
    return result


# ---------------------------------------------------------------- reading gold and predictions


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Objects of a JSONL file (or of a JSON array file); errors name the file and line."""
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read: {exc}", source=str(path)) from exc
    if content.lstrip().startswith("["):
        return _parse_json_array(content, path)
    rows = []
    for number, line in enumerate(content.splitlines(), start=1):
        if line.strip():
            rows.append(_parse_json_line(line, path, number))
    return rows


def _parse_json_array(content: str, path: Path) -> list[dict[str, Any]]:
    try:
        rows = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", source=str(path), line=exc.lineno) from exc
    if not all(isinstance(row, dict) for row in rows):
        raise InputError("expected a JSON array of objects", source=str(path))
    return rows


def _parse_json_line(line: str, path: Path, number: int) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", source=str(path), line=number) from exc
    if not isinstance(row, dict):
        raise InputError("expected a JSON object", source=str(path), line=number)
    return row


def gold_speech(row: dict[str, Any], source: str = "gold", line: int | None = None) -> SpeechData:
    """A gold JSONL object as :class:`SpeechData`."""
    if "title" not in row:
        raise InputError("gold speech has no 'title'", source=source, line=line)
    proposer = row.get("proposer") or {}
    entities = []
    for entity in row.get("entities", []):
        if "type" not in entity or "text" not in entity:
            raise InputError("gold entity needs 'type' and 'text'", source=source, line=line)
        entities.append(PredictedEntity(entity["type"], entity["text"], (entity["text"],)))
    return SpeechData(title=row["title"], order=row.get("order"), proposer=proposer.get("name", ""),
                      affiliations=list(proposer.get("affiliations", [])),
                      recommendations=int(row.get("recommendations", 0)), entities=entities,
                      relations=gold_relations(row, source, line))


def gold_relations(row: dict[str, Any], source: str = "gold",
                   line: int | None = None) -> list[RelationData] | None:
    """A gold speech's relations (entity texts at both ends), distinct; None without the key."""
    if "relations" not in row:
        return None
    found: dict[tuple[str, str, str], RelationData] = {}
    for relation in row["relations"] or []:
        if not isinstance(relation, dict) or not all(
                isinstance(relation.get(k), str) and relation[k] for k in ("type", "source", "target")):
            raise InputError("gold relation needs 'type', 'source' and 'target' texts",
                             source=source, line=line)
        if relation["type"] not in ENTITY_ENTITY_RELATIONS:
            raise InputError(f"unknown gold relation type {relation['type']!r}; known: "
                             f"{', '.join(ENTITY_ENTITY_RELATIONS)}", source=source, line=line)
        key = (relation["type"], strict_key(relation["source"]), strict_key(relation["target"]))
        found.setdefault(key, RelationData(relation["type"], (relation["source"],),
                                           (relation["target"],)))
    return list(found.values())


def load_gold(path: Path) -> list[SpeechData]:
    """Gold speeches of a JSONL file."""
    return [gold_speech(row, str(path), n) for n, row in enumerate(read_jsonl(path), start=1)]


def predicted_speech(record: dict[str, Any]) -> SpeechData:
    """An extraction record (contract dict) as :class:`SpeechData`, mentions grouped into entities."""
    speech = record.get("speech") or {}
    proposer = record.get("proposer") or {}
    recommendations = record.get("recommendations", [])
    count = recommendations if isinstance(recommendations, int) else len(recommendations)
    return SpeechData(title=record.get("title") or speech.get("title", ""), order=speech.get("order"),
                      proposer=proposer.get("name", ""),
                      affiliations=list(proposer.get("affiliations", [])),
                      recommendations=count, entities=group_mentions(record.get("entities", [])),
                      relations=predicted_relations(record))


def predicted_relations(record: dict[str, Any]) -> list[RelationData]:
    """A record's distinct relations, each end given by every surface of the entity its id names
    (the mentions' texts and the canonical name); an end naming no entity stands for itself."""
    surfaces: dict[str, list[str]] = {}
    for mention in record.get("entities", []):
        forms = surfaces.setdefault(mention.get("id", ""), [])
        for text in (mention.get("text"), mention.get("canonical"), *(mention.get("aliases") or [])):
            if text and text not in forms:
                forms.append(text)
    found: dict[tuple[str, str, str], RelationData] = {}
    for relation in record.get("relations", []):
        type_, source, target = (relation.get(k, "") for k in ("type", "source", "target"))
        found.setdefault((type_, source, target), RelationData(
            type_, tuple(surfaces.get(source) or [source]), tuple(surfaces.get(target) or [target])))
    return list(found.values())


def group_mentions(mentions: Iterable[dict[str, Any]]) -> list[PredictedEntity]:
    """Distinct entities in order of first mention: same type and canonical (else same text)."""
    groups: dict[tuple[str, str], list[str]] = {}
    first: dict[tuple[str, str], dict[str, Any]] = {}
    for mention in mentions:
        text = mention.get("text", "")
        key = (mention.get("type", ""), mention.get("canonical") or strict_key(text))
        surfaces = groups.setdefault(key, [])
        first.setdefault(key, mention)
        if text not in surfaces:
            surfaces.append(text)
    return [PredictedEntity(key[0], surfaces[0], tuple(surfaces), first[key].get("name_en"),
                            first[key].get("concept")) for key, surfaces in groups.items()]


def is_record_file(path: Path) -> bool:
    """Whether ``path`` is a JSON/JSONL file of extraction records (objects with a ``speech`` key)."""
    if not path.is_file():
        return False
    with path.open(encoding="utf-8", errors="replace") as handle:
        head = handle.read(4096).lstrip()
    if path.suffix.lower() not in (".jsonl", ".json") and not head.startswith(("{", "[")):
        return False
    rows = read_jsonl(path)
    if rows and "speech" not in rows[0]:
        raise InputError("JSON input is not extraction records (no 'speech' key)", source=str(path))
    return True


def load_predictions(inputs: Sequence[Path]) -> list[SpeechData]:
    """Predicted speeches: from extraction-record files, or by extracting the given text inputs."""
    if not inputs:
        raise InputError("no prediction or input path given")
    for path in inputs:
        if not path.exists():
            raise InputError("no such file or directory", source=str(path))
    records = [p for p in inputs if is_record_file(p)]
    if records and len(records) < len(inputs):
        raise InputError("give either extraction-record files or texts to extract, not both",
                         source=str(records[0]))
    if records:
        return [predicted_speech(r) for p in records for r in read_jsonl(p)]
    return [predicted_speech(r) for r in extract_records(inputs)]


def extract_records(inputs: Sequence[Path]) -> list[dict[str, Any]]:
    """Run ingest and the extraction pipeline on text inputs; records as contract dicts.

    Any input that cannot be read stops the evaluation: scoring a partial corpus would
    silently report every speech of the failed file as missed.
    """
    try:
        from policykg.extract.ingest import read_paths
        from policykg.extract.pipeline import annotate
    except ImportError as exc:
        raise PolicykgError(f"the extraction pipeline is not available ({exc}); "
                            "pass a JSONL file of extraction records instead") from exc
    result = read_paths(list(inputs))
    if result.errors:
        raise PolicykgError("; ".join(str(e) for e in result.errors))
    return [record.to_dict() for record in annotate(result.records)]


# ---------------------------------------------------------------- alignment and scoring


def align(gold: Sequence[SpeechData], pred: Sequence[SpeechData]) -> list[SpeechData | None]:
    """For each gold speech, the predicted speech with the same title key, or None.

    Speeches sharing a title (a corpus of many pages may repeat one) are paired in order: the
    k-th gold speech with a title goes with the k-th predicted speech with that title.
    """
    by_title: dict[str, list[SpeechData]] = {}
    for speech in pred:
        by_title.setdefault(title_key(speech.title), []).append(speech)
    aligned = []
    for speech in gold:
        queue = by_title.get(title_key(speech.title), [])
        aligned.append(queue.pop(0) if queue else None)
    return aligned


def name_key(name: str) -> str:
    """A proposer or affiliation name compared without whitespace and quotes."""
    return title_key(name)


def affiliation_counts(gold: SpeechData, pred: SpeechData | None) -> Counts:
    """Set overlap of affiliations for one speech."""
    gold_set = {name_key(a) for a in gold.affiliations}
    pred_set = {name_key(a) for a in pred.affiliations} if pred else set()
    return Counts(tp=len(gold_set & pred_set), gold=len(gold_set), pred=len(pred_set))


def evaluate(gold: Sequence[SpeechData], pred: Sequence[SpeechData]) -> dict[str, Any]:
    """The full report as a JSON-ready dict (see module docstring for the rules)."""
    aligned = align(gold, pred)
    totals = {mode: {t: Counts() for t in ENTITY_TYPES} for mode in ("strict", "relaxed")}
    affiliations = Counts()
    relations = {t: Counts() for t in ENTITY_ENTITY_RELATIONS}
    per_speech = []
    for g, p in zip(gold, aligned):
        matchings = {"strict": match_speech(g, p, strict_similarity),
                     "relaxed": match_speech(g, p, relaxed_similarity)}
        for mode, by_type in matchings.items():
            for type_, m in by_type.items():
                totals[mode][type_].add(m.counts)
        affiliations.add(affiliation_counts(g, p))
        per_speech.append(speech_report(g, p, matchings))
        if g.relations is not None:
            by_relation = match_speech_relations(g, p)
            for type_, m in by_relation.items():
                relations[type_].add(m.counts)
            per_speech[-1]["relations"] = relation_report(g, p, by_relation)
    report = assemble_report(gold, per_speech, totals, affiliations)
    report["names"] = name_coverage([p for p in aligned if p is not None])
    scored = sum(1 for g in gold if g.relations is not None)
    if scored:
        report["relations"] = relation_totals(relations, scored)
    return report


def relation_totals(by_type: dict[str, Counts], speeches: int) -> dict[str, Any]:
    """Relation P/R/F1 per type and micro-averaged, with the number of speeches scored."""
    micro = Counts()
    for counts in by_type.values():
        micro.add(counts)
    return {"speeches": speeches} | {t: c.to_dict() for t, c in by_type.items()} \
        | {"micro": micro.to_dict()}


def relation_report(gold: SpeechData, pred: SpeechData | None,
                    matchings: dict[str, Matching]) -> dict[str, Any]:
    """One speech's relation counts, with its missed and spurious relations."""
    counts = Counts()
    missed, spurious = [], []
    predicted = (pred.relations or []) if pred is not None else []
    for type_, m in matchings.items():
        counts.add(m.counts)
        gold_rel = [r for r in gold.relations or [] if r.type == type_]
        pred_rel = [r for r in predicted if r.type == type_]
        matched_gold, matched_pred = {g for g, _, _ in m.pairs}, {p for _, p, _ in m.pairs}
        missed += [_relation_row(r) for i, r in enumerate(gold_rel) if i not in matched_gold]
        spurious += [_relation_row(r) for j, r in enumerate(pred_rel) if j not in matched_pred]
    return {"gold": counts.gold, "pred": counts.pred, "tp": counts.tp,
            "false_negatives": missed, "false_positives": spurious}


def _relation_row(relation: RelationData) -> dict[str, str]:
    return {"type": relation.type, "source": relation.source[0], "target": relation.target[0]}


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def name_coverage(pred: Sequence[SpeechData]) -> dict[str, Any]:
    """Of the distinct predicted entities (scored types) of aligned speeches: how many have an
    English name free of Han characters, and how many are linked to a concept."""
    entities = [e for speech in pred for e in speech.entities if e.type in ENTITY_TYPES]
    english = sum(1 for e in entities if e.name_en and not _HAN.search(e.name_en))
    concept = sum(1 for e in entities if e.concept)
    n = len(entities)
    return {"entities": n, "english": english, "english_share": round(english / n, 4) if n else 0.0,
            "concept": concept, "concept_share": round(concept / n, 4) if n else 0.0}


def assemble_report(gold: Sequence[SpeechData], per_speech: list[dict[str, Any]],
                    totals: dict[str, dict[str, Counts]], affiliations: Counts) -> dict[str, Any]:
    """Combine per-speech results and totals into the report dict."""
    entities = {}
    for mode, by_type in totals.items():
        micro = Counts()
        for counts in by_type.values():
            micro.add(counts)
        entities[mode] = {t: c.to_dict() for t, c in by_type.items()} | {"micro": micro.to_dict()}
    n = len(gold)
    correct = sum(s["proposer"]["correct"] for s in per_speech)
    errors = [abs(s["recommendations"]["gold"] - s["recommendations"]["pred"]) for s in per_speech]
    return {
        "speeches": {"gold": n, "aligned": sum(s["aligned"] for s in per_speech),
                     "missing": [s["title"] for s in per_speech if not s["aligned"]]},
        "entities": entities,
        "proposer": {"correct": correct, "total": n, "accuracy": round(correct / n, 4) if n else 0.0},
        "affiliations": affiliations.to_dict(),
        "recommendations": {"mae": round(sum(errors) / n, 4) if n else 0.0},
        "per_speech": per_speech,
    }


def speech_report(gold: SpeechData, pred: SpeechData | None,
                  matchings: dict[str, dict[str, Matching]]) -> dict[str, Any]:
    """Counts, proposer, recommendation count and errors of one gold speech."""
    strict, relaxed = Counts(), Counts()
    for m in matchings["strict"].values():
        strict.add(m.counts)
    for m in matchings["relaxed"].values():
        relaxed.add(m.counts)
    predicted_name = pred.proposer if pred else ""
    return {
        "order": gold.order, "title": gold.title, "aligned": pred is not None,
        "gold": strict.gold, "pred": strict.pred, "strict_tp": strict.tp, "relaxed_tp": relaxed.tp,
        "proposer": {"gold": gold.proposer, "pred": predicted_name,
                     "correct": name_key(gold.proposer) == name_key(predicted_name)},
        "affiliations": {"gold": gold.affiliations, "pred": pred.affiliations if pred else []},
        "recommendations": {"gold": gold.recommendations, "pred": pred.recommendations if pred else 0},
        "errors": speech_errors(gold, pred, matchings["relaxed"]),
    }


def speech_errors(gold: SpeechData, pred: SpeechData | None,
                  relaxed: dict[str, Matching]) -> dict[str, list[dict[str, Any]]]:
    """Misses and spurious entities under relaxed matching, and relaxed-only (partial) matches."""
    predicted = pred.entities if pred else []
    missed, spurious, partial = [], [], []
    for type_, m in relaxed.items():
        gold_texts = [e.text for e in gold.entities if e.type == type_]
        pred_entities = [e for e in predicted if e.type == type_]
        matched_gold = {g for g, _, _ in m.pairs}
        matched_pred = {p for _, p, _ in m.pairs}
        missed += [{"type": type_, "text": t} for i, t in enumerate(gold_texts) if i not in matched_gold]
        spurious += [{"type": type_, "text": e.text} for j, e in enumerate(pred_entities)
                     if j not in matched_pred]
        partial += [{"type": type_, "gold": gold_texts[g], "pred": pred_entities[p].text,
                     "overlap": round(w, 2)} for g, p, w in m.pairs
                    if not strict_similarity(gold_texts[g], pred_entities[p].surfaces)]
    return {"false_negatives": missed, "false_positives": spurious, "partial": partial}


# ---------------------------------------------------------------- text report


def format_report(report: dict[str, Any], errors: bool = False) -> str:
    """A plain-text report: entity table, speech-level figures, per-speech lines (and errors)."""
    lines = [_entity_table(report["entities"]), ""]
    if "relations" in report:
        lines += [_relation_table(report["relations"]), ""]
    lines += _summary_lines(report)
    lines += ["", "per speech (relaxed matching; FN/FP are relaxed misses):"]
    for speech in report["per_speech"]:
        lines += _speech_lines(speech, errors)
    return "\n".join(lines)


def _entity_table(entities: dict[str, Any]) -> str:
    header = f"{'type':<12}{'gold':>6}{'pred':>6}   {'strict P/R/F1':<22}{'relaxed P/R/F1':<22}"
    rows = [header, "-" * len(header)]
    for type_ in (*ENTITY_TYPES, "micro"):
        s, r = entities["strict"][type_], entities["relaxed"][type_]
        rows.append(f"{type_:<12}{s['gold']:>6}{s['pred']:>6}   {_prf(s):<22}{_prf(r):<22}")
    return "\n".join(rows)


def _relation_table(relations: dict[str, Any]) -> str:
    header = f"{'relation':<12}{'gold':>6}{'pred':>6}   {'strict P/R/F1':<22}"
    rows = [header, "-" * len(header)]
    for type_ in (*ENTITY_ENTITY_RELATIONS, "micro"):
        c = relations[type_]
        rows.append(f"{type_:<12}{c['gold']:>6}{c['pred']:>6}   {_prf(c):<22}")
    rows.append(f"(relations scored on {relations['speeches']} speech(es) whose gold lists them)")
    return "\n".join(rows)


def _prf(counts: dict[str, Any]) -> str:
    return f"{counts['precision']:.3f} {counts['recall']:.3f} {counts['f1']:.3f}"


def _summary_lines(report: dict[str, Any]) -> list[str]:
    speeches, proposer, aff = report["speeches"], report["proposer"], report["affiliations"]
    lines = [
        f"speeches            {speeches['aligned']}/{speeches['gold']} gold speeches aligned",
        f"proposer accuracy   {proposer['accuracy']:.3f} ({proposer['correct']}/{proposer['total']})",
        f"affiliation F1      {aff['f1']:.3f} (P {aff['precision']:.3f} R {aff['recall']:.3f})",
        f"recommendations MAE {report['recommendations']['mae']:.3f}",
    ]
    names = report.get("names")
    if names and names["entities"]:
        lines.append(f"English names       {names['english_share']:.3f} Han-free "
                     f"({names['english']}/{names['entities']}); concepts {names['concept_share']:.3f}")
    lines += [f"  missing: {title}" for title in speeches["missing"]]
    return lines


def _speech_lines(speech: dict[str, Any], errors: bool) -> list[str]:
    mark = "" if speech["aligned"] else "  [NOT FOUND in predictions]"
    proposer, recs = speech["proposer"], speech["recommendations"]
    lines = [
        f"[{speech['order']}] {speech['title']}{mark}",
        f"    entities gold {speech['gold']} pred {speech['pred']} strict {speech['strict_tp']}"
        f" relaxed {speech['relaxed_tp']} | recommendations gold {recs['gold']} pred {recs['pred']}"
        f" | proposer {'ok' if proposer['correct'] else 'WRONG'}"
        f" ({proposer['gold']} / {proposer['pred'] or '-'})",
    ]
    relations = speech.get("relations")
    if relations is not None:
        lines.append(f"    relations gold {relations['gold']} pred {relations['pred']}"
                     f" matched {relations['tp']}")
    if errors:
        lines += _error_lines(speech["errors"])
        if relations is not None:
            lines += [f"    FN  {r['type']:<12}{r['source']} -> {r['target']}"
                      for r in relations["false_negatives"]]
            lines += [f"    FP  {r['type']:<12}{r['source']} -> {r['target']}"
                      for r in relations["false_positives"]]
    return lines


def _error_lines(errors: dict[str, list[dict[str, Any]]]) -> list[str]:
    lines = [f"    FN  {e['type']:<12}{e['text']}" for e in errors["false_negatives"]]
    lines += [f"    FP  {e['type']:<12}{e['text']}" for e in errors["false_positives"]]
    lines += [f"    ~   {e['type']:<12}gold {e['gold']}  pred {e['pred']}  ({e['overlap']:.2f})"
              for e in errors["partial"]]
    return lines


# ---------------------------------------------------------------- command line


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--errors", is_flag=True,
              help="List missed (FN), spurious (FP) and partial (~) entities per speech.")
@click.option("--min-strict", type=click.FloatRange(0, 1), metavar="F1",
              help="Exit with status 1 when strict micro-F1 is below this.")
@click.option("--min-relaxed", type=click.FloatRange(0, 1), metavar="F1",
              help="Exit with status 1 when relaxed micro-F1 is below this.")
@click.option("--min-relations", type=click.FloatRange(0, 1), metavar="F1",
              help="Exit with status 1 when relation micro-F1 is below this (gold with relations).")
def eval_command(gold: Path, inputs: tuple[Path, ...], as_json: bool, errors: bool,
                 min_strict: float | None, min_relaxed: float | None,
                 min_relations: float | None) -> None:
    """Score extraction against GOLD (JSONL).

    INPUTS is a JSONL file of extraction records (as printed by `policykg extract --format
    jsonl`), or text files and folders, which are extracted first. Only speeches in GOLD are
    scored; they are aligned by title. Relations between entities are scored for the gold
    speeches that list them (a ``relations`` key).
    """
    report = evaluate(load_gold(gold), load_predictions(list(inputs)))
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, errors=errors))
    failures = below_minimum(report, {"strict": min_strict, "relaxed": min_relaxed,
                                      "relations": min_relations})
    if failures:
        raise click.ClickException("; ".join(failures))


def below_minimum(report: dict[str, Any], minimum: dict[str, float | None]) -> list[str]:
    """Messages for each mode whose micro-F1 falls below the minimum asked for."""
    failures = []
    for mode, floor in minimum.items():
        if floor is None:
            continue
        if mode == "relations":
            if "relations" not in report:
                failures.append("relations asked for, but no gold speech lists relations")
                continue
            f1 = report["relations"]["micro"]["f1"]
        else:
            f1 = report["entities"][mode]["micro"]["f1"]
        if f1 < floor:
            failures.append(f"{mode} micro-F1 {f1:.3f} is below {floor:.3f}")
    return failures
