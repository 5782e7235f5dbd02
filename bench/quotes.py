"""Quote attribution on PolNeAR: newsgraph beside textacy's direct_quotations.

    python bench/quotes.py --split dev          # tune here
    python bench/quotes.py --split test         # report this
    python bench/quotes.py --split train --articles 400:840 --no-textacy   # error analysis
    python bench/quotes.py --split dev --no-textacy --reuse-parses         # rule work: seconds, not minutes

Reads ../shared/benchmarks/quotes/<split>.jsonl, runs both extractors over the
same texts, scores both with ../shared/benchmarks/score/score_quotes.py
(end-to-end who-said-what F1 is the headline) and times them. Predictions and
metrics go to bench/out/.

--reuse-parses keeps the spaCy parses in bench/out/parses/, keyed by the texts
the parser sees, spaCy's and the model's versions and newsgraph's NLP stage, and
reads them back on the next run: only the attribution stage runs again. No
throughput is measured then (the articles/s column reads "-").
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"


def load_gold(split: str) -> list[dict]:
    path = SHARED / "quotes" / f"{split}.jsonl"
    if not path.is_file():
        sys.exit(f"{path}: not found; check out ../shared beside the project")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def newsgraph_predictions(records: list[dict], reuse_parses: bool = False) -> tuple[list[dict], float]:
    from newsgraph.models import GivenMeta, RawDocument
    from newsgraph.stages import nlp, quotes
    from newsgraph.stages.clean import clean

    nlp.load()
    start = time.perf_counter()
    # the title as a JSONL record would give it (the text repeats it as its first line)
    docs = [clean(RawDocument(r["id"], r["text"], "text", GivenMeta(title=(r.get("meta") or {}).get("title"))))
            for r in records]
    texts = [nlp.analysis_text(d.source_text, nlp.content_spans(d)) for d in docs]
    parses = stored_parses(texts) if reuse_parses else nlp.parse(texts)
    predictions = []
    for record, doc, parsed in zip(records, docs, parses):
        titles = [(s.start, s.end) for s in doc.segments if s.kind in ("title", "standfirst", "highlight")]
        found, _ = quotes.attribute(parsed, titles)
        predictions.append({"id": record["id"], "quotes": [
            {"quote_start": q.start, "quote_end": q.end, "speaker": q.speaker or "",
             "speaker_start": q.speaker_start, "speaker_end": q.speaker_end, "kind": q.kind,
             "rule": q.rule.split(":")[-1], "cue": q.cue, "cue_start": q.cue_start,
             **({"quote_parts": [list(p) for p in q.parts]} if q.parts else {})}
            for q in found]})
    return predictions, time.perf_counter() - start


def stored_parses(texts: list[str]) -> list:
    """The parses of ``texts``, from bench/out/parses/ when this parser has read these very texts
    before, else parsed now and stored."""
    import hashlib
    import inspect

    import spacy
    from spacy.tokens import DocBin

    from newsgraph.stages import nlp

    pipeline = nlp.load()
    key = hashlib.sha256()
    for part in (spacy.__version__, pipeline.meta["version"], pipeline.meta.get("spacy_git_version", ""),
                 inspect.getsource(nlp), *texts):
        key.update(part.encode("utf-8") + b"\0")
    path = ROOT / "bench" / "out" / "parses" / f"{key.hexdigest()[:16]}.spacy"
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(pipeline.vocab))
    parsed = list(nlp.parse(texts))
    path.parent.mkdir(parents=True, exist_ok=True)
    stored = DocBin(store_user_data=True)
    for doc in parsed:
        stored.add(doc)
    stored.to_disk(path)
    return parsed


def bare_spacy_seconds(records: list[dict]) -> float:
    from newsgraph.stages import nlp

    start = time.perf_counter()
    for _ in nlp.parse([r["text"] for r in records]):
        pass
    return time.perf_counter() - start


def textacy_predictions(records: list[dict]) -> tuple[list[dict] | None, float]:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        print("textacy is not installed (pip install textacy==0.13.0): its column is left out", file=sys.stderr)
        return None, 0.0
    from newsgraph.stages import nlp

    start = time.perf_counter()
    predictions = []
    for record, doc in zip(records, nlp.parse([r["text"] for r in records])):
        found = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy bails out on unbalanced quotation marks
            triples = []
        for t in triples:
            content = t.content
            speaker = " ".join(tok.text for tok in t.speaker)
            found.append({"quote_start": content.start_char, "quote_end": content.end_char, "speaker": speaker,
                          "speaker_start": t.speaker[0].idx if t.speaker else None,
                          "speaker_end": t.speaker[-1].idx + len(t.speaker[-1]) if t.speaker else None})
        predictions.append({"id": record["id"], "quotes": found})
    return predictions, time.perf_counter() - start


def score(gold_path: Path, predictions: list[dict], out: Path) -> dict:
    sys.path.insert(0, str(SHARED / "score"))
    from score_quotes import score as score_quotes

    write_jsonl(out, predictions)
    return score_quotes(str(gold_path), str(out))


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")


def row(name: str, metrics: dict, seconds: float | None, articles: int) -> str:
    def f1(kind: str) -> str:
        return f"{100 * metrics[kind]['end_to_end']['f1']:5.1f}"

    attr = metrics["all"]["attribution_accuracy"] or 0
    return (f"| {name} | {f1('all')} | {f1('direct')} | {f1('quoted')} | {f1('mixed')} | {f1('indirect')} | "
            f"{100 * metrics['all']['overlap50']['f1']:5.1f} | {100 * attr:5.1f} | "
            f"{f'{articles / seconds:6.1f}' if seconds else '-':>6} |")


def sliced(records: list[dict], bounds: str, path: Path) -> tuple[list[dict], Path]:
    """Articles A to B, and a gold file of them alone for the scorer."""
    start, _, end = bounds.partition(":")
    records = records[int(start or 0):int(end) if end else None]
    write_jsonl(path, records)
    return records, path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test", "train"), default="dev")
    parser.add_argument("--articles", default=None, metavar="A:B",
                        help="only articles A to B of the split (train is 840 articles: slice it)")
    parser.add_argument("--no-textacy", action="store_true")
    parser.add_argument("--reuse-parses", action="store_true",
                        help="keep and reuse the spaCy parses (bench/out/parses/); no throughput is measured")
    args = parser.parse_args()
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    records = load_gold(args.split)
    gold_path = SHARED / "quotes" / f"{args.split}.jsonl"
    if args.articles:
        records, gold_path = sliced(records, args.articles, out_dir / f"gold-{args.split}.jsonl")
    ours, our_seconds = newsgraph_predictions(records, args.reuse_parses)
    bare = None if args.reuse_parses else bare_spacy_seconds(records)
    timed = None if args.reuse_parses else our_seconds  # parses read back: the attribution stage alone ran
    results = {"split": args.split, "articles": len(records),
               "newsgraph": score(gold_path, ours, out_dir / f"newsgraph-{args.split}.jsonl"),
               "newsgraph_seconds": timed, "bare_spacy_seconds": bare}
    lines = ["| system | e2e all | e2e direct | e2e direct+mixed | e2e mixed | e2e indirect | span F1 (overlap50) "
             "| speaker acc | articles/s |", "|---|---|---|---|---|---|---|---|---|",
             row("newsgraph", results["newsgraph"], timed, len(records))]
    if not args.no_textacy:
        theirs, their_seconds = textacy_predictions(records)
        if theirs is not None:
            results["textacy"] = score(gold_path, theirs, out_dir / f"textacy-{args.split}.jsonl")
            results["textacy_seconds"] = their_seconds
            lines.append(row("textacy 0.13 direct_quotations", results["textacy"], their_seconds, len(records)))
    if bare is not None:
        lines.append(f"| bare spaCy parse (same texts) | | | | | | | | {len(records) / bare:6.1f} |")
    (out_dir / f"quotes-{args.split}.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"PolNeAR {args.split}: {len(records)} articles")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
