"""Entities: one entity per person or organisation, across the corpus.

Within an article the quote stage already maps surnames, pronouns and role
nouns to the fullest name the article gives. Here names from all articles
are merged:

- transliteration variants (Dmitri/Dmitry, Sergei/Sergey, Aleksei/Alexei)
  share a spelling key and merge outright;
- a one-letter difference in the first name or the surname merges only when
  the context agrees: a role in common, or another person named beside both;
- a bare surname joins the one person of that surname the corpus knows,
  and stays apart when several share it;
- different first names never merge, so relatives who share a surname stay apart.

The canonical name is the most frequent full spelling. Each entity keeps its
aliases (every spelling and role phrase used for it) and its roles with the
dates they were seen.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Levenshtein

from ..lexicon import name_parts, surname_of

NAME = "newsgraph.entities.merge.v1"
PRONOUNS = {"he", "she", "they", "him", "her", "who", "i", "we"}


def spelling_key(word: str) -> str:
    """A key that transliteration variants share: Dmitri/Dmitry, Sergei/Sergey, Aleksei/Alexei."""
    w = re.sub(r"[^a-z]", "", word.lower().replace("ks", "x"))
    w = re.sub(r"[yj]", "i", w)
    w = w.replace("kh", "h").replace("ph", "f")
    return re.sub(r"(.)\1+", r"\1", w)


@dataclass(slots=True)
class Cluster:
    first: str  # spelling key of the first name ("" for a bare surname)
    last: str
    spellings: Counter = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    roles: dict[str, list[str | None]] = field(default_factory=lambda: defaultdict(list))
    articles: set[str] = field(default_factory=set)
    merged_by: str = "spelling_key"

    @property
    def name(self) -> str:
        full = [(n, c) for n, c in self.spellings.items() if len(n.split()) > 1] or list(self.spellings.items())
        return sorted(full, key=lambda nc: (-nc[1], -len(nc[0]), nc[0]))[0][0]

    @property
    def id(self) -> str:
        return "person:" + re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")


def _split(name: str) -> tuple[str, str]:
    """(first names, surname) as spelling keys; a generational suffix stays with the first names,
    so "Harry Harris Jr." and "Harry Harris" stay two people and "Harris" finds them both."""
    before, surname, suffixes = name_parts(name)
    rest = before + suffixes
    return (spelling_key(" ".join(rest)) if rest else "", spelling_key(surname))


def build_entities(people: Iterable[dict[str, Any]], speakers: Iterable[dict[str, Any]]
                   ) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """(entities, quote id → entity id) from the store's people and quote speakers."""
    people, speakers = list(people), list(speakers)
    clusters: dict[tuple[str, str], Cluster] = {}
    for row in people:
        _add_name(clusters, row["name"], row["article_id"], row.get("roles", []), row.get("published"))
    named = {(row["article_id"], row["name"]) for row in people}
    for row in speakers:  # a speaker the article's people list missed counts once per article
        if row["speaker_kind"] == "person" and len(row["speaker"].split()) > 1 \
                and (row["article_id"], row["speaker"]) not in named:
            named.add((row["article_id"], row["speaker"]))
            _add_name(clusters, row["speaker"], row["article_id"], [], row.get("published"))
    _merge_near_spellings(clusters, _co_occurrence(clusters))
    by_surname = _surname_index(clusters)
    quote_to: dict[str, Cluster | str] = {}
    organisations: dict[str, dict[str, Any]] = {}
    for row in speakers:
        if row["speaker_kind"] == "organisation" and _split(row["speaker"]) in clusters:
            row = row | {"speaker_kind": "person"}  # a person the article's tagger took for an organisation
        if row["speaker_kind"] == "person":
            cluster = _find(clusters, by_surname, row["speaker"])
            if cluster is None:
                continue
            alias = _alias(row.get("mention"))
            if alias:
                cluster.aliases.add(alias)
            quote_to[row["id"]] = cluster
        elif row["speaker_kind"] == "organisation":
            quote_to[row["id"]] = _organisation(organisations, row["speaker"])["id"]
    ids = _unique_ids({id(c): c for c in clusters.values()}.values())
    links = {quote: target if isinstance(target, str) else ids[id(target)] for quote, target in quote_to.items()}
    people_records = [_person_record(c, ids[id(c)]) for c in {id(c): c for c in clusters.values()}.values()]
    return sorted(people_records + list(organisations.values()), key=lambda e: e["id"]), links


def _unique_ids(clusters: Iterable[Cluster]) -> dict[int, str]:
    """An id per cluster from its name; two names alike but for punctuation get a suffix."""
    ids, seen = {}, Counter()
    for cluster in sorted(clusters, key=lambda c: (-sum(c.spellings.values()), c.name)):
        seen[cluster.id] += 1
        ids[id(cluster)] = cluster.id if seen[cluster.id] == 1 else f"{cluster.id}-{seen[cluster.id]}"
    return ids


def _alias(mention: str | None) -> str | None:
    """A mention worth keeping as an alias: names and role phrases, not pronouns or "a … official"."""
    if not mention:
        return None
    mention = " ".join(mention.split())
    first = mention.split()[0].lower()
    if mention.lower() in PRONOUNS or first in ("a", "an", "one", "some", "another"):
        return None
    return "the" + mention[3:] if first == "the" else mention


def _add_name(clusters: dict[tuple[str, str], Cluster], name: str, article: str, roles: list[str],
              published: str | None) -> None:
    name = " ".join(name.split())
    if not name or not name[0].isupper():
        return
    key = _split(name)
    cluster = clusters.get(key)
    if cluster is None:
        cluster = clusters[key] = Cluster(*key)
    cluster.spellings[name] += 1
    cluster.aliases.add(name)
    cluster.articles.add(article)
    for role in roles:
        cluster.roles[role].append(published)
        cluster.aliases.add(role)


def _co_occurrence(clusters: dict[tuple[str, str], Cluster]) -> dict[int, set[str]]:
    """For each cluster, the surnames of people named in the same articles."""
    in_article: dict[str, set[str]] = defaultdict(set)
    for cluster in clusters.values():
        for article in cluster.articles:
            in_article[article].add(cluster.last)
    return {id(c): set().union(*(in_article[a] for a in c.articles)) - {c.last} for c in clusters.values()}


def _merge_near_spellings(clusters: dict[tuple[str, str], Cluster], around: dict[int, set[str]]) -> None:
    """Merge names one letter apart (same first name, or same surname) when their context agrees.

    Candidates come from one-deletion neighbourhoods, so the work grows with the number of
    names, not with its square."""
    full = [c for c in {id(c): c for c in clusters.values()}.values() if c.first]
    buckets: dict[tuple[str, str, str], list[Cluster]] = defaultdict(list)
    for cluster in full:
        for variant in _deletions(cluster.last):
            buckets[("last", cluster.first, variant)].append(cluster)
        for variant in _deletions(cluster.first):
            buckets[("first", cluster.last, variant)].append(cluster)
    for group in buckets.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                a, b = _current(clusters, a), _current(clusters, b)
                if a is b:
                    continue
                near = ((a.first == b.first and _one_letter(a.last, b.last))
                        or (a.last == b.last and _one_letter(a.first, b.first)))
                agrees = bool(set(a.roles) & set(b.roles)) or bool(around[id(a)] & around[id(b)])
                if near and agrees:
                    keep, gone = (a, b) if sum(a.spellings.values()) >= sum(b.spellings.values()) else (b, a)
                    _absorb(clusters, keep=keep, gone=gone)


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def _current(clusters: dict[tuple[str, str], Cluster], cluster: Cluster) -> Cluster:
    """The cluster a name now belongs to, after earlier merges."""
    return clusters.get((cluster.first, cluster.last), cluster)


def _one_letter(x: str, y: str) -> bool:
    return min(len(x), len(y)) >= 4 and Levenshtein.distance(x, y) == 1


def _absorb(clusters: dict[tuple[str, str], Cluster], keep: Cluster, gone: Cluster) -> None:
    keep.spellings.update(gone.spellings)
    keep.aliases |= gone.aliases
    keep.articles |= gone.articles
    for role, dates in gone.roles.items():
        keep.roles[role].extend(dates)
    keep.merged_by = "spelling_key+one_letter_with_context"
    for key, value in list(clusters.items()):
        if value is gone:
            clusters[key] = keep


def _surname_index(clusters: dict[tuple[str, str], Cluster]) -> dict[str, list[Cluster]]:
    index: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in {id(c): c for c in clusters.values()}.values():
        if cluster.first and cluster not in index[cluster.last]:
            index[cluster.last].append(cluster)
    # a bare surname joins the one full name that has it
    for (first, last), cluster in list(clusters.items()):
        if not first and len(index.get(last, [])) == 1:
            _absorb(clusters, keep=index[last][0], gone=cluster)
    return index


def _find(clusters: dict[tuple[str, str], Cluster], by_surname: dict[str, list[Cluster]], name: str) -> Cluster | None:
    key = _split(name)
    if key in clusters:
        return clusters[key]
    candidates = by_surname.get(key[1], [])
    return candidates[0] if len(candidates) == 1 else None


def _person_record(c: Cluster, entity_id: str) -> dict[str, Any]:
    roles = []
    for role, dates in sorted(c.roles.items()):
        known = sorted(d for d in dates if d and not d.startswith("--"))
        roles.append({"role": role, "first_seen": known[0] if known else None,
                      "last_seen": known[-1] if known else None, "mentions": len(dates)})
    aliases = sorted(c.aliases | set(c.spellings) | {surname_of(c.name)})
    return {"id": entity_id, "name": c.name, "kind": "person", "aliases": aliases, "roles": roles,
            "rule": f"{NAME}:{c.merged_by}", "confidence": 0.9 if c.merged_by == "spelling_key" else 0.75}


def _organisation(organisations: dict[str, dict[str, Any]], name: str) -> dict[str, Any]:
    # the slug is the key: "Dockworkers' Union" and "Dockworkers’ Union" are one organisation
    key = re.sub(r"[^a-z0-9]+", "-", re.sub(r"^the\s+", "", name.strip(), flags=re.I).casefold()).strip("-")
    org = organisations.get(key)
    if org is None:
        org = organisations[key] = {"id": f"org:{key}", "name": name.strip(), "kind": "organisation",
                                    "aliases": [name.strip()], "roles": [], "rule": f"{NAME}:name_key",
                                    "confidence": 0.8}
    elif name.strip() not in org["aliases"]:
        org["aliases"].append(name.strip())
    return org
