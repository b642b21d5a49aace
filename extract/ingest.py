"""Reading inputs into speech records: text pages and speeches, JSON and JSONL, directories.

``read_paths`` reads files and directories (recursively) and returns every speech record with
one error per file or line that failed. A file is all or nothing: when any part of it fails, none
of its records is returned, so nothing is ever stored from a file that failed; the rest of the
batch is still read.

Text is decoded as UTF-8 (with or without BOM), else as GB18030 (which covers GBK), both strictly;
text with control characters or too little Chinese is refused, naming the file.

Identifiers: a file given directly is ``doc:<stem>``; a file found in a directory given is
``doc:<path relative to that directory, without suffix>``, so same-named files in different
folders do not collide. A JSON/JSONL record with a ``source`` belongs to the document of that
source (``doc:<source stem>``); records without one belong to the file's document.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from policykg.extract.layout import (
    Line,
    Masthead,
    SpeechLayout,
    find_speeches,
    fold_traditional,
    is_label,
    parse_masthead,
    restore_characters,
    speech_text,
    split_lines,
)
from policykg.extract.proposer import parse_proposer_text, proposer_from_mapping
from policykg.extract.recommendations import split_recommendations
from policykg.extract.records import Document, Proposer, Speech, SpeechRecord, speech_id
from policykg.extract.speech_layout import single_speech, without_web_furniture

from policykg.errors import InputError

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
READABLE_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
"""Suffixes read when walking a directory; a file named directly is read whatever its suffix."""

MIN_CJK_SHARE = 0.3
ALLOWED_CONTROLS = frozenset("\n\r\t\f")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CN_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")


@dataclass
class IngestResult:
    """Records read from a batch, the errors met, and how many files were read."""

    records: list[SpeechRecord] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files_ok: int = 0
    files_failed: int = 0

    @property
    def files_total(self) -> int:
        """Files attempted."""
        return self.files_ok + self.files_failed

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.errors

    def summary(self) -> str:
        """One line such as "3 files, 2 read, 1 failed"."""
        files = "file" if self.files_total == 1 else "files"
        return f"{self.files_total} {files}, {self.files_ok} read, {self.files_failed} failed"


@dataclass(frozen=True)
class Source:
    """One input file and the document id it gets."""

    path: Path
    document_id: str


# --- decoding ----------------------------------------------------------------------------------


def sha256(raw: bytes) -> str:
    """Hex sha256 of raw bytes."""
    return hashlib.sha256(raw).hexdigest()


def decode(raw: bytes, source: str) -> str:
    """Text from bytes: UTF-8 (BOM optional), else GB18030; refuses empty and binary input."""
    if not raw.strip():
        raise InputError("empty file", source=source)
    if b"\x00" in raw:
        raise InputError("binary file (NUL bytes); expected UTF-8 or GB18030 text", source=source)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding, errors="strict")
        except UnicodeDecodeError:
            continue
        _check_controls(text, source, encoding)
        return text
    raise InputError("not UTF-8 or GB18030 text (undecodable bytes)", source=source)


def _check_controls(text: str, source: str, encoding: str) -> None:
    """Refuse decoded text that holds control characters (a sign of binary or a wrong encoding)."""
    for number, line in enumerate(text.splitlines(), start=1):
        bad = next((c for c in line if unicodedata.category(c) == "Cc" and c not in ALLOWED_CONTROLS), None)
        if bad is not None:
            raise InputError(
                f"control character U+{ord(bad):04X} after decoding as {encoding}; not a text file",
                source=source,
                line=number,
            )


def cjk_share(text: str) -> float:
    """Share of Han characters among the non-space characters."""
    chars = [c for c in text if not c.isspace()]
    han = sum("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in chars)
    return han / len(chars) if chars else 0.0


def check_chinese(text: str, source: str, line: int | None = None) -> None:
    """Refuse text with too little Chinese to be a speech (or decoded with the wrong codec)."""
    share = cjk_share(text)
    if share < MIN_CJK_SHARE:
        raise InputError(
            f"too little Chinese text ({share:.0%} Han characters); not a speech, or not UTF-8/GB18030",
            source=source,
            line=line,
        )


# --- building records --------------------------------------------------------------------------


def document_id_for(path: PurePath | str) -> str:
    """``doc:<stem>`` of a path (a source path in a record, or a file name)."""
    return f"doc:{PurePath(str(path)).stem}"


def make_record(document: Document, order: int, title: str, proposer: Proposer, text: str) -> SpeechRecord:
    """A speech record with its recommendations; entities and relations are left to extraction."""
    sid = speech_id(document.id, order)
    return SpeechRecord(
        document=document,
        speech=Speech(id=sid, order=order, title=title, text=text),
        proposer=proposer,
        recommendations=split_recommendations(text, sid),
    )


def _document(
    source: str, document_id: str | None, digest: str | None, text: str, head: Masthead
) -> Document:
    """A Document for a text; the hash is of the raw bytes when known, else of the UTF-8 text."""
    return Document(
        id=document_id or document_id_for(source),
        source=source,
        sha256=digest or sha256(text.encode("utf-8")),
        publication=head.publication,
        date=head.date,
        page=head.page,
        topic=head.topic,
    )


def _page_records(
    document: Document, speeches: list[SpeechLayout], proposer: Proposer | None
) -> list[SpeechRecord]:
    """Records of the speeches found on a page, in page order."""
    records = []
    for order, layout in enumerate(speeches, start=1):
        text = speech_text(layout.body, layout.proposer or proposer, narration=True)
        if not text:
            raise InputError(
                f"speech {order} ({layout.title}) has no text", source=document.source, line=layout.first_line
            )
        records.append(make_record(document, order, layout.title, layout.proposer or proposer, text))
    return records


def parse_page(
    text: str,
    source: str,
    proposer: Proposer | None = None,
    *,
    document_id: str | None = None,
    digest: str | None = None,
) -> tuple[Document, list[SpeechRecord]]:
    """A newspaper page: its Document (masthead metadata) and one record per speech.

    Raises InputError when no speech (a headline directly followed by a proposer line) is found.
    """
    lines = without_web_furniture(split_lines(text))  # the same lines ``is_page`` judged
    masthead, speeches = find_speeches(lines)
    if not speeches:
        raise InputError("no speech found (no headline followed by a proposer line)", source=source)
    document = _document(source, document_id, digest, text, parse_masthead(masthead))
    return document, _page_records(document, speeches, proposer)


def parse_speech(
    text: str,
    source: str,
    proposer: Proposer | None = None,
    *,
    document_id: str | None = None,
    digest: str | None = None,
) -> SpeechRecord:
    """A single speech in any of the supported layouts (see ``speech_layout.single_speech``).

    The proposer printed in the text wins; ``proposer`` is used when the text names none.
    Reporter's narration and bracketed section labels are left out of the speech text.
    """
    layout = single_speech(split_lines(text))
    if layout is None:
        raise InputError("no recognisable speech (no headline line at the top)", source=source)
    who = layout.proposer or proposer
    if who is None:
        raise InputError(f"no proposer found for '{layout.title}'; give one with --proposer", source=source)
    body = speech_text(layout.body, who, narration=True)
    if not body:
        raise InputError(f"no speech text under the headline '{layout.title}'", source=source)
    document = _document(source, document_id, digest, text, Masthead(date=layout.date))
    return make_record(document, 1, layout.title, who, body)


def parse_text(
    text: str, source: str, proposer: Proposer | None, *, document_id: str, digest: str
) -> list[SpeechRecord]:
    """A text file: a page of speeches when its layout shows one, else a single speech.

    A text in traditional characters is read through its simplified folding (one character for
    one, so offsets hold) and its records get the printed characters back.
    """
    check_chinese(text, source)
    printed = text
    text, back = fold_traditional(text)
    if is_page(split_lines(text)):
        records = parse_page(text, source, proposer, document_id=document_id, digest=digest)[1]
    else:
        records = [parse_speech(text, source, proposer, document_id=document_id, digest=digest)]
    if back:
        digest = digest or sha256(printed.encode("utf-8"))
        records = [as_printed(record, back, digest) for record in records]
    return records


def as_printed(record: SpeechRecord, back: dict[str, str], digest: str) -> SpeechRecord:
    """A record read from a folded text with the source's own characters in its strings."""
    def put(value: str | None) -> str | None:
        return restore_characters(value, back) if value else value

    document = replace(record.document, sha256=digest, publication=put(record.document.publication),
                       topic=put(record.document.topic))
    proposer = replace(record.proposer, name=put(record.proposer.name),
                       roles=[put(role) for role in record.proposer.roles],
                       affiliations=[put(org) for org in record.proposer.affiliations])
    speech = replace(record.speech, title=put(record.speech.title), text=put(record.speech.text))
    recommendations = [replace(item, heading=put(item.heading)) for item in record.recommendations]
    return replace(record, document=document, speech=speech, proposer=proposer,
                   recommendations=recommendations)


def is_page(lines: list[Line]) -> bool:
    """True for a page: several speeches, or one under a masthead (labels alone are no masthead).

    A text holding one speech at its top is read as a single speech, whose layout reader also
    knows subtitles, dates, bylines and closing attributions.
    """
    masthead, speeches = find_speeches(without_web_furniture(lines))
    return len(speeches) > 1 or (len(speeches) == 1 and not all(is_label(line.text) for line in masthead))


# --- JSON and JSONL ----------------------------------------------------------------------------


def _field(item: dict[str, Any], name: str, source: str, line: int | None) -> str:
    """A required non-empty string field of a JSON record."""
    value = item.get(name)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"record has no '{name}' (a non-empty string is required)", source=source, line=line)
    return value.strip()


def _json_proposer(
    item: dict[str, Any], fallback: Proposer | None, source: str, line: int | None
) -> Proposer:
    """The proposer of a JSON record: a string (parsed as a proposer line) or an object."""
    value = item.get("proposer")
    if isinstance(value, str) and value.strip():
        return parse_proposer_text(value)
    if isinstance(value, dict) and str(value.get("name", "")).strip():
        if value.get("kind") not in (None, "person", "organization"):
            raise InputError(
                f"proposer kind must be person or organization, not {value.get('kind')!r}",
                source=source,
                line=line,
            )
        return proposer_from_mapping(value)
    if value is None and fallback is not None:
        return fallback
    raise InputError(
        "record has no proposer (a string or an object with a name); give one with --proposer",
        source=source,
        line=line,
    )


def _json_date(item: dict[str, Any], source: str, line: int | None) -> str | None:
    """An ISO date from a record's optional ``date`` (2025-07-03 or 2025年7月3日)."""
    value = item.get("date")
    if value in (None, ""):
        return None
    text = str(value).strip()
    if ISO_DATE.match(text):
        return text
    match = CN_DATE.match(text)
    if match:
        return "{}-{:02d}-{:02d}".format(*(int(g) for g in match.groups()))
    raise InputError(f"date {text!r} is not YYYY-MM-DD or YYYY年M月D日", source=source, line=line)


@dataclass
class JsonSpeech:
    """A validated JSON record before it is numbered within its document."""

    title: str
    proposer: Proposer
    text: str
    source: str | None
    date: str | None
    raw: str


def _json_speech(item: Any, fallback: Proposer | None, source: str, line: int | None) -> JsonSpeech:
    """Validate one JSON record."""
    if not isinstance(item, dict):
        raise InputError(f"expected a JSON object, got {type(item).__name__}", source=source, line=line)
    title = _field(item, "title", source, line)
    raw_text = _field(item, "text", source, line)
    check_chinese(raw_text, source, line)
    text = speech_text(split_lines(raw_text))
    origin = item.get("source")
    return JsonSpeech(
        title=title,
        proposer=_json_proposer(item, fallback, source, line),
        text=text,
        source=str(origin).strip() if origin not in (None, "") else None,
        date=_json_date(item, source, line),
        raw=json.dumps(item, ensure_ascii=False, sort_keys=True),
    )


def _group_records(
    speeches: list[JsonSpeech], source: str, document_id: str, digest: str
) -> list[SpeechRecord]:
    """Records numbered within their documents: one per distinct ``source``, else the file's."""
    groups: dict[str, list[JsonSpeech]] = {}
    for speech in speeches:
        groups.setdefault(speech.source or "", []).append(speech)
    records = []
    for origin, members in groups.items():
        records += _json_document_records(members, origin, source, document_id, digest)
    return records


def _json_document_records(
    members: list[JsonSpeech], origin: str, source: str, document_id: str, digest: str
) -> list[SpeechRecord]:
    """The records of one document of a JSON file."""
    dates = {m.date for m in members if m.date}
    head = Masthead(date=dates.pop() if len(dates) == 1 else None)
    if origin:
        content = "\n".join(m.raw for m in members).encode("utf-8")
        document = _document(origin, document_id_for(origin), sha256(content), "", head)
    else:
        document = _document(source, document_id, digest, "", head)
    return [
        make_record(document, order, m.title, m.proposer, m.text) for order, m in enumerate(members, start=1)
    ]


def parse_jsonl(
    text: str, source: str, proposer: Proposer | None, *, document_id: str, digest: str
) -> tuple[list[SpeechRecord], list[InputError]]:
    """JSONL: one record a line; every bad line is reported with its number."""
    speeches, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(
                InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", source=source, line=number)
            )
            continue
        try:
            speeches.append(_json_speech(item, proposer, source, number))
        except InputError as exc:
            errors.append(exc)
    if not speeches and not errors:
        errors.append(InputError("no records", source=source))
    return (_group_records(speeches, source, document_id, digest) if not errors else []), errors


def parse_json(
    text: str, source: str, proposer: Proposer | None, *, document_id: str, digest: str
) -> tuple[list[SpeechRecord], list[InputError]]:
    """JSON: one record, a list of records, or an object with a ``speeches`` list."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [
            InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", source=source, line=exc.lineno)
        ]
    items = data.get("speeches", [data]) if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        return [], [InputError("expected a speech object or a non-empty list of them", source=source)]
    speeches, errors = [], []
    for index, item in enumerate(items, start=1):
        try:
            speeches.append(_json_speech(item, proposer, f"{source} (record {index})", None))
        except InputError as exc:
            errors.append(exc)
    return (_group_records(speeches, source, document_id, digest) if not errors else []), errors


# --- files and directories ---------------------------------------------------------------------


def read_file(
    path: Path, document_id: str, proposer: Proposer | None = None
) -> tuple[list[SpeechRecord], list[InputError]]:
    """Records of one file and the errors met; records are empty when any error occurred."""
    source = str(path)
    try:
        raw = path.read_bytes()
        text = decode(raw, source)
        digest = sha256(raw)
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            return parse_jsonl(text, source, proposer, document_id=document_id, digest=digest)
        if suffix in JSON_SUFFIXES:
            return parse_json(text, source, proposer, document_id=document_id, digest=digest)
        return parse_text(text, source, proposer, document_id=document_id, digest=digest), []
    except InputError as exc:
        return [], [exc]
    except OSError as exc:
        return [], [InputError(f"cannot read: {exc.strerror or exc}", source=source)]


def _directory_sources(root: Path) -> list[Source]:
    """Readable files under a directory, recursively, sorted; hidden files and folders skipped."""
    found = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in READABLE_SUFFIXES:
            found.append(Source(path, f"doc:{relative.with_suffix('').as_posix()}"))
    return found


def sources_of(paths: Iterable[Path]) -> tuple[list[Source], list[InputError]]:
    """Files to read (directories expanded) and errors for paths that are missing or empty."""
    sources: list[Source] = []
    errors: list[InputError] = []
    for path in paths:
        if path.is_dir():
            found = _directory_sources(path)
            if not found:
                errors.append(
                    InputError("directory holds no .txt, .md, .json or .jsonl files", source=str(path))
                )
            sources += found
        elif path.exists():
            sources.append(Source(path, document_id_for(path)))
        else:
            errors.append(InputError("no such file or directory", source=str(path)))
    return sources, errors


def read_paths(paths: list[Path], proposer: Proposer | None = None) -> IngestResult:
    """Read files and directories into speech records; one error per failed file or line.

    ``proposer`` is the proposer of speeches whose text names none. Two inputs that would get the
    same document id are refused (the second is an error) rather than merged.
    """
    sources, errors = sources_of(Path(p) for p in paths)
    result = IngestResult(errors=errors, files_failed=len(errors))
    owners: dict[str, Path] = {}
    for source in sources:
        records, problems = read_file(source.path, source.document_id, proposer)
        problems = problems or _clashes(records, source, owners)
        if problems:
            result.errors += problems
            result.files_failed += 1
            continue
        for record in records:
            owners.setdefault(record.document.id, source.path)
        result.records += records
        result.files_ok += 1
    return result


def _clashes(records: list[SpeechRecord], source: Source, owners: dict[str, Path]) -> list[InputError]:
    """An error when a document id of these records already belongs to another file."""
    for record in records:
        owner = owners.get(record.document.id)
        if owner is not None and owner != source.path:
            return [
                InputError(
                    f"document id {record.document.id} is already used by {owner}; "
                    "give the folder instead of the files, or rename one",
                    source=str(source.path),
                )
            ]
    return []
