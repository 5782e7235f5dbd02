"""Who the speaker resolves to, on PolNeAR: what its own scorer cannot see.

    python bench/speakers.py --split dev [--articles N] [--list]

PolNeAR's end-to-end score checks the speaker by the offsets of the mention
(or a shared surname), so "Federal officials said" resolved to a person the
article named, or "Bush" to the wrong Bush, still counts as right. Here, for
the statements matched to a gold relation (overlap50, as score_quotes.py
matches them), two checks on the *resolved* name:

  named   — the gold source names someone ("Mr. Furman", "Jeb Bush", "the
            Florida senator", not "he"): the resolved speaker shares a
            capitalised word with it;
  groups  — the gold source is a group ("officials", "aides", "advisers",
            "lawyers", "leaders", "experts", "spokesmen"): the resolved
            speaker is still a group, not one person;
  unresolved — the gold relation has a source, ours has no speaker or only
            a pronoun ("they", "I").

A word in common is a loose test (roles resolved to a name fail it when
right, "the Florida senator" → "Marco Rubio"), so the figure is for
comparing rule sets, not an accuracy. --articles takes the first N articles
(train has 840); --list prints the disagreements; --predictions scores a JSON
Lines file of earlier predictions (bench/out/newsgraph-<split>.jsonl) instead
of running the extractor.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quotes import SHARED, load_gold, newsgraph_predictions  # noqa: E402

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}
HONORIFICS = {"the", "mr", "mrs", "ms", "dr", "sen", "gov", "rep", "president", "senator", "former", "vice"}
GROUP = re.compile(r"\b(officials|aides|advisers|lawyers|leaders|experts|spokesmen|spokespeople)\b", re.IGNORECASE)


def word_key(word: str) -> str:
    """"Clinton's" → "clinton", "Sen." → "sen": a word as both sides are compared."""
    return re.sub(r"['’]s?$", "", word).strip(".").lower()


def name_words(text: str) -> set[str]:
    return {word_key(w) for w in re.findall(r"[A-Z][\w'’.-]+", text)} - HONORIFICS


def all_words(text: str) -> set[str]:
    return {word_key(w) for w in re.findall(r"[\w'’.-]+", text)}


def check(records: list[dict], predictions: list[dict], scorer) -> dict:
    by_id = {p["id"]: p["quotes"] for p in predictions}
    named = agree = groups = kept = sourced = unresolved = 0
    disagreements = []
    for record in records:
        text, gold, found = record["text"], record["quotes"], by_id.get(record["id"], [])
        tokens = scorer.tokens_of(text)
        starts = [s for s, _ in tokens]
        gold_sets = [[scorer.span_tokens(tokens, starts, [(g["quote_start"], g["quote_end"])])] for g in gold]
        found_sets = [scorer.span_tokens(tokens, starts, [(p["quote_start"], p["quote_end"])]) for p in found]
        for gi, pi in scorer.match(gold_sets, found_sets, scorer.crit_overlap50):
            source, speaker = (gold[gi]["speaker"] or "").strip(), (found[pi]["speaker"] or "").strip()
            if source:
                sourced += 1
                unresolved += not speaker or speaker.lower() in PRONOUNS
            if not source or not speaker:
                continue
            if name_words(source) and len(source.split()) <= 4 and source.split()[0].lower() not in PRONOUNS:
                named += 1
                if name_words(source) & all_words(speaker):
                    agree += 1
                else:
                    disagreements.append((record["id"], source, speaker))
            if GROUP.search(source):
                groups += 1
                group = bool(GROUP.search(speaker)) or not speaker[:1].isupper() or speaker.split()[0].lower() in (
                    "the", "a", "some", "many")
                kept += group
                if not group:
                    disagreements.append((record["id"], source, speaker))
    return {"named_sources": named, "resolved_sharing_a_name": agree,
            "named_agreement": round(agree / named, 3) if named else None,
            "group_sources": groups, "resolved_to_a_group": kept,
            "group_kept": round(kept / groups, 3) if groups else None,
            "sourced": sourced, "unresolved": unresolved,
            "unresolved_share": round(unresolved / sourced, 3) if sourced else None, "disagreements": disagreements}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test", "train"), default="dev")
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--predictions", type=Path, default=None)
    args = parser.parse_args()
    sys.path.insert(0, str(SHARED / "score"))
    import score_quotes

    records = load_gold(args.split)[:args.articles]
    if args.predictions:
        lines = args.predictions.read_text(encoding="utf-8").splitlines()
        predictions = [json.loads(line) for line in lines if line.strip()]
    else:
        predictions, _ = newsgraph_predictions(records)
    result = check(records, predictions, score_quotes)
    if args.list:
        for article, source, speaker in result["disagreements"]:
            print(f"{article}\t{source!r}\t→ {speaker!r}")
    del result["disagreements"]
    print(result)


if __name__ == "__main__":
    main()
