"""Generate a synthetic corpus of news-length wire articles for benchmarks.

Fictional people, places and outlets; datelines, credits, captions, quotes and
page junk in the proportions scraped news shows. Deterministic for a seed.

    python bench/generate.py OUT_DIR --articles 10000 [--html-share 0.1] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

PLACES = ["VESTRA", "KALDOR CITY", "PORT AMSEL", "NORDHAVEN", "ILMARA", "TESSEN", "BRAVIK", "OSTRELL"]
OUTLETS = [("Meridian", "paren"), ("NordPost", "slash"), ("Harbour Ledger", "dash"), ("Vestra Today", "none")]
FIRST = ["Ilse", "Piet", "Anna", "Tomas", "Lena", "Aleksei", "Mira", "Jon", "Sanne", "Oskar", "Edda", "Rafe"]
LAST = ["Varga", "Arnesen", "Keller", "Brenner", "Ortiz", "Dorin", "Solberg", "Hale", "Lindqvist", "Moro"]
ROLES = ["transport minister", "union leader", "port authority spokeswoman", "finance minister",
         "opposition leader", "harbour master", "mayor of Vestra", "central bank governor"]
TOPICS = ["the dock strike", "the ferry contract", "fuel prices", "the harbour expansion", "rail tariffs",
          "the fishing quota", "grain exports", "the bridge tender", "wage talks", "the customs reform"]
VERBS = ["said", "told reporters", "added", "warned", "insisted", "said in a statement", "told Meridian"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def sentence(rng: random.Random) -> str:
    topic, other = rng.choice(TOPICS), rng.choice(TOPICS)
    forms = [
        f"Officials in {rng.choice(PLACES).title()} said {topic} would be reviewed before the end of the quarter.",
        f"The dispute over {topic} has dragged on for {rng.randint(2, 30)} weeks, hitting exporters and {other}.",
        f"Analysts expect {topic} to weigh on growth, with losses put at {rng.randint(2, 90)} million kroner.",
        f"Talks on {topic} resumed on {rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}.",
        f"Critics said the government had mishandled {topic} and ignored warnings about {other}.",
    ]
    return rng.choice(forms)


# Short interchangeable phrases: a sentence joins four of them, so that word 5-grams
# (what near-duplicate detection compares) are shared by chance only, as in real news
# where unrelated articles share a few set phrases, not a fifth of their text.
SUBJECTS = ["Officials", "The ministry", "Dock workers", "Exporters", "The council", "Shipping lines",
            "Two lawmakers", "The regulator", "Local traders", "Union members", "A spokeswoman", "Farmers"]
VERB_PHRASES = ["expect delays", "warned again", "asked for talks", "rejected the offer", "want answers",
                "reported losses", "blamed the weather", "saw progress", "called it unfair", "raised prices"]
LINKS = ["after", "despite", "because of", "ahead of", "during", "without", "over", "amid"]


def varied_sentence(rng: random.Random) -> str:
    topic = rng.choice(TOPICS).replace("the ", "")
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERB_PHRASES)} {rng.choice(LINKS)} {topic} "
            f"{rng.choice(LINKS)} {rng.choice(PLACES).title()} {rng.randint(2, 99)} {rng.choice(MONTHS)}.")


def quote(rng: random.Random, name: str, make=sentence) -> str:  # noqa: ANN001
    words = " ".join(make(rng) for _ in range(rng.randint(1, 2)))
    return f"“{words[:-1]},” {name.split()[-1]} {rng.choice(VERBS)}."


def article(rng: random.Random, n: int, varied: bool = False) -> tuple[str, str]:
    """(headline, text) of one article of roughly 350–600 words."""
    make = varied_sentence if varied else sentence
    name, role = person(rng), rng.choice(ROLES)
    place = rng.choice(PLACES)
    outlet, style = rng.choice(OUTLETS)
    month, day = rng.choice(MONTHS), rng.randint(1, 28)
    year = rng.choice(["", f", {rng.randint(2016, 2025)}"])
    headline = f"{name.split()[-1]} says {rng.choice(TOPICS)} talks will take time ({n})"
    dateline = {
        "paren": f"{place}, {month} {day}{year} ({outlet}) - ",
        "slash": f"{place}, {month} {day}. /{outlet}/. ",
        "dash": f"{place.title()} {outlet} —\n\n",
        "none": "",
    }[style]
    lines = [f"harbour {n} orig_{n:08d}.jpg", "All news", headline,
             f"{role.capitalize()} {name} said {rng.choice(TOPICS)} was not settled",
             f"{role.capitalize()} {name} {person(rng)}/{outlet}", ""]
    body = [f"{dateline}{role.capitalize()} {name} said on {rng.choice(['Monday', 'Friday'])} that "
            f"{rng.choice(TOPICS)} would take time, adding that “talks remain open.”"]
    for _ in range(rng.randint(8, 13)):
        body.append(" ".join(make(rng) for _ in range(rng.randint(1, 3))))
        if rng.random() < 0.5:
            body.append(quote(rng, name, make))
    body.append("Share this article")
    body.append(f"Reporting by {person(rng)}; Editing by {person(rng)}")
    return headline, "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"


def html_page(headline: str, text: str, outlet: str, day: int) -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n")[1:])
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{headline} | {outlet}</title>"
            f"<meta property='og:site_name' content='{outlet}'>"
            f"<meta property='article:published_time' content='2024-03-{day:02d}T08:00:00Z'></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/news'>All news</a></nav><article><h1>{headline}</h1>\n"
            f"{paragraphs}</article><footer>© 2024 {outlet}. All rights reserved.</footer></body></html>")


def generate(out: Path, articles: int, html_share: float = 0.1, jsonl_share: float = 0.1, seed: int = 7,
             varied: bool = False) -> int:
    """Write the corpus; returns its size in bytes."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    size = 0
    jsonl = open(out / "wire.jsonl", "w", encoding="utf-8")
    with jsonl:
        for n in range(articles):
            headline, text = article(rng, n, varied)
            roll = rng.random()
            if roll < html_share:
                data = html_page(headline, text, rng.choice(OUTLETS)[0], rng.randint(1, 28))
                (out / f"{n:06d}.html").write_text(data, encoding="utf-8")
            elif roll < html_share + jsonl_share:
                data = json.dumps({"id": f"w{n}", "outlet": "Meridian", "text": text}, ensure_ascii=False) + "\n"
                jsonl.write(data)
            else:
                data = text
                (out / f"{n:06d}.txt").write_text(data, encoding="utf-8")
            size += len(data.encode("utf-8"))
    if (out / "wire.jsonl").stat().st_size == 0:
        (out / "wire.jsonl").unlink()  # an empty file is bad input, not part of the corpus
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--html-share", type=float, default=0.1)
    parser.add_argument("--jsonl-share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    size = generate(args.out, args.articles, args.html_share, args.jsonl_share, args.seed)
    print(f"wrote {args.articles} articles, {size / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
