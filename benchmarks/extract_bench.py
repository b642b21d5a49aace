"""Extraction speed: chars/s of the whole pipeline against raw ``jieba.lcut`` in the same process.

Prints, with the machine's cores and memory:

0. cold start, each in a fresh interpreter (median of ``--cold-runs``): importing the pipeline,
   building it, the first extraction of the sample page (every lexicon, name cache and
   on-demand import still cold) and a second one, against ``jieba.lcut`` in that process;
1. extraction (``annotate``: tokenizer, components, resolution) against ``jieba.lcut`` on the
   speech texts of the sample page, and the same for the segmenter alone;
2. throughput with ``nlp.pipe(n_process=2)`` against one process, on the 10× synthetic corpus;
3. cost per character at 1×, 10× and 100× the sample (synthetic pages from
   ``benchmarks/synth.py``): it must stay flat as work grows;
4. pathological input: one paragraph without punctuation (mixed scripts, emoji) at 100 KB,
   300 KB and 1 MB: cost per character must stay flat too.

Usage::

    python benchmarks/extract_bench.py [--quick] [--cold-runs N] [--cold-only]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import jieba

from policykg.data import sample_corpus
from policykg.extract.ingest import parse_page
from policykg.extract.records import SpeechRecord

HERE = Path(__file__).resolve().parent


def machine() -> str:
    """Cores and memory of this machine."""
    mem_kb = 0
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    return f"cores {os.cpu_count()}, memory {mem_kb / 1024 / 1024:.1f} GiB"


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """Fastest wall time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def synth_module():
    spec = importlib.util.spec_from_file_location("policykg_bench_synth", HERE / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def page_records(pages: list[str]) -> list[SpeechRecord]:
    records = []
    for n, text in enumerate(pages):
        records += parse_page(text, f"page-{n}.txt", document_id=f"doc:page-{n}")[1]
    return records


def fresh(records: list[SpeechRecord]) -> list[SpeechRecord]:
    """Copies with entities and relations cleared, so every run does the same work."""
    return [SpeechRecord(r.document, r.speech, r.proposer, r.recommendations) for r in records]


def extract_all(records: list[SpeechRecord], n_process: int = 1) -> None:
    from policykg.extract.pipeline import annotate  # noqa: PLC0415 - kept out of cold_child

    for _ in annotate(fresh(records), n_process=n_process):
        pass


def shared_nlp():
    """The process's pipeline (imported on first use, so ``cold_child`` times the import)."""
    from policykg.extract.pipeline import shared_nlp as nlp  # noqa: PLC0415

    return nlp()


def against_jieba(records: list[SpeechRecord], repeat: int) -> None:
    texts = [r.speech.text for r in records]
    chars = sum(map(len, texts))
    jieba.lcut("预热")  # load jieba's dictionary outside the timing
    nlp = shared_nlp()
    nlp("预热")  # build the segmenter outside the timing
    t_cold = best_of(lambda: extract_all(records), 1)
    t_jieba = t_tok = t_all = float("inf")
    for _ in range(repeat):  # interleaved, so load from other processes hits all three alike
        t_jieba = min(t_jieba, best_of(lambda: [jieba.lcut(t) for t in texts], 1))
        t_tok = min(t_tok, best_of(lambda: [nlp.tokenizer(t) for t in texts], 1))
        t_all = min(t_all, best_of(lambda: extract_all(records), 1))
    print(f"sample page: {len(texts)} speeches, {chars} chars, best of {repeat} interleaved runs")
    print(f"  jieba.lcut            {chars / t_jieba:>12,.0f} chars/s   1.00x")
    print(f"  our tokenizer (Doc)   {chars / t_tok:>12,.0f} chars/s   {t_jieba / t_tok:.2f}x")
    print(f"  whole extraction      {chars / t_all:>12,.0f} chars/s   {t_jieba / t_all:.2f}x")
    print(f"  first run (cold name caches, imports of gloss) "
          f"{chars / t_cold:,.0f} chars/s   {t_jieba / t_cold:.2f}x")


def cold_child() -> dict[str, float]:
    """Timings of one fresh interpreter: import, build, first and second run, jieba (seconds).

    Runs before this module imports the pipeline (see ``main``), so every cost is still cold.
    Each step is timed on the wall clock and in CPU time (``<step>_cpu``), which a machine busy
    with other work disturbs far less.
    """
    timings: dict[str, float] = {}

    def timed(key: str, fn: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        timings[key] = time.perf_counter() - wall
        timings[f"{key}_cpu"] = time.process_time() - cpu

    timed("import", lambda: importlib.import_module("policykg.extract.pipeline"))
    pipeline = sys.modules["policykg.extract.pipeline"]
    records = parse_page(sample_corpus().read_text(encoding="utf-8"), "sample")[1]
    timed("build", lambda: pipeline.shared_nlp()("预热"))
    timed("first", lambda: _annotate_with(pipeline, records))
    timed("second", lambda: _annotate_with(pipeline, records))
    jieba.lcut("预热")
    texts = [r.speech.text for r in records]
    timings["jieba"] = best_of(lambda: [jieba.lcut(t) for t in texts], 3)
    timings["chars"] = sum(map(len, texts))
    return timings


def _annotate_with(pipeline, records: list[SpeechRecord]) -> None:
    for _ in pipeline.annotate(fresh(records)):
        pass


def cold_start(runs: int) -> None:
    """Median timings of ``runs`` fresh interpreters running ``cold_child`` (ratios per run)."""
    results = [json.loads(subprocess.run([sys.executable, __file__, "--cold-child"], check=True,
                                         capture_output=True, text=True).stdout.splitlines()[-1])
               for _ in range(runs)]
    for result in results:
        for key in ("first", "second"):
            result[f"{key}_x"] = result["jieba"] / result[key]
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    print(f"cold start: median of {runs} fresh interpreters, sample page "
          f"({median['chars']:,.0f} chars); wall and CPU time")
    for key, label in (("import", "import policykg.extract.pipeline"),
                       ("build", "build the pipeline")):
        print(f"  {label:<32}{median[key] * 1000:8.0f} ms  {median[key + '_cpu'] * 1000:6.0f} ms CPU")
    for key, label in (("first", "first run (all caches cold)"), ("second", "second run")):
        print(f"  {label:<32}{median[key] * 1000:8.0f} ms  {median[key + '_cpu'] * 1000:6.0f} ms CPU"
              f"  {median['chars'] / median[key]:>10,.0f} chars/s  {median[key + '_x']:.2f}x jieba.lcut")


def two_processes(records: list[SpeechRecord], repeat: int, label: str) -> None:
    """``nlp.pipe`` and ``annotate`` with one and two processes (caches warmed first)."""
    chars = sum(len(r.speech.text) for r in records)
    texts = [r.speech.text for r in records]
    nlp = shared_nlp()
    extract_all(records)  # warm this process's name caches, as the forked workers inherit them
    print(f"{label}: {len(records)} speeches, {chars:,} chars")
    t_pipe1 = best_of(lambda: list(nlp.pipe(texts, n_process=1)), repeat)
    t_pipe2 = best_of(lambda: list(nlp.pipe(texts, n_process=2)), repeat)
    print(f"  nlp.pipe n_process=1  {chars / t_pipe1:>12,.0f} chars/s")
    print(f"  nlp.pipe n_process=2  {chars / t_pipe2:>12,.0f} chars/s   {t_pipe1 / t_pipe2:.2f}x")
    t_one = best_of(lambda: extract_all(records, 1), repeat)
    t_two = best_of(lambda: extract_all(records, 2), repeat)
    print(f"  annotate n_process=1  {chars / t_one:>12,.0f} chars/s")
    print(f"  annotate n_process=2  {chars / t_two:>12,.0f} chars/s   {t_one / t_two:.2f}x")


def scaling(synth, scales: list[int]) -> None:
    """One run per scale, each on pages with its own seed, so names are new (caches cold)."""
    print("cost per character as the corpus grows (synthetic pages, one cold run each)")
    for scale in scales:
        records = page_records(synth.generate(scale, seed=1000 + scale))
        chars = sum(len(r.speech.text) for r in records)
        seconds = best_of(lambda: extract_all(records), 1)
        print(f"  {scale:>4}x  {len(records):>5} speeches  {chars:>10,} chars  "
              f"{seconds * 1e6 / chars:8.2f} µs/char")


def pathological(sizes: list[int]) -> None:
    unit = "区级天使基金支持企业建设科技服务平台AI模型🚀和GPU算力中心“双创”基地" \
           "ｆｕｌｌ－ｗｉｄｔｈ123αβγ😀"
    print("one paragraph without punctuation (mixed scripts, emoji)")
    nlp = shared_nlp()
    for size in sizes:
        text = (unit * (size // len(unit) + 1))[:size]
        seconds = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            doc = nlp(text)
            seconds = min(seconds, time.perf_counter() - start)
        print(f"  {size:>9,} chars  {seconds * 1e6 / size:8.2f} µs/char  "
              f"{len(doc._.policykg_mentions)} mentions")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller corpora, fewer repeats")
    parser.add_argument("--cold-runs", type=int, default=5, help="fresh interpreters to time")
    parser.add_argument("--cold-only", action="store_true", help="only the cold-start figures")
    parser.add_argument("--cold-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.cold_child:
        print(json.dumps(cold_child()))
        return 0
    print(machine(), f"load average {os.getloadavg()[0]:.1f} (timings are noisy when busy)")
    cold_start(args.cold_runs)
    if args.cold_only:
        return 0
    sample = parse_page(sample_corpus().read_text(encoding="utf-8"), "sample")[1]
    against_jieba(sample, 3 if args.quick else 7)
    pathological([30_000, 100_000] if args.quick else [100_000, 300_000, 1_000_000])
    gc.collect()
    synth = synth_module()
    scaling(synth, [1, 10] if args.quick else [1, 10, 100])
    gc.collect()
    scale = 3 if args.quick else 100
    two_processes(page_records(synth.generate(scale)), 1 if args.quick else 2,
                  f"{scale}x synthetic corpus")
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
