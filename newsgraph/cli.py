"""The ``newsgraph`` command line: thin commands over the library.

Each command parses and validates, calls one library function, and turns
typed errors into one line on stderr and an exit code:
0 = all went well, 1 = some inputs failed (the rest was stored),
2 = the command could not run (bad option, unreadable database, bad query).
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from . import __version__
from .config import Settings, load_settings
from .errors import NewsgraphError
from .export import FORMATS, write_export
from .models import Notice, Rejected
from .pipeline import IngestReport, ingest as run_ingest
from .stages.ingest import expand_inputs
from .store import Store, source_of
from .web.format import speaker_name

app = typer.Typer(help="Who said what, where and when — across the news.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

DbOpt = Annotated[Path, typer.Option("--db", help="SQLite database file (created if missing).")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="TOML settings file.", exists=True, dir_okay=False)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")]
InputsArg = Annotated[list[str], typer.Argument(help="Files, folders (recursive), globs, or - for stdin.")]


def _fail(message: str, code: int = 2) -> None:
    err.print(f"error: {message}", markup=False)
    raise typer.Exit(code)


@contextmanager
def _guard() -> Iterator[None]:
    """Typed errors become one line and exit code 2, never a traceback."""
    try:
        yield
    except NewsgraphError as exc:
        _fail(exc.message)


def _settings(config: Path | None, **overrides: Any) -> Settings:
    with _guard():
        return load_settings(config, overrides)
    raise AssertionError("unreachable")


def _open(db: Path, settings: Settings | None = None) -> Store:
    with _guard():
        return Store(db, timeout_s=settings.store_timeout_s if settings else 30.0)
    raise AssertionError("unreachable")


def _emit(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=1, default=str))


# --- ingest and analyze -------------------------------------------------------------

def _ingest_with_progress(inputs: list[str], store: Store, settings: Settings, quiet: bool) -> IngestReport:
    def report_problem(event: Any) -> None:
        if isinstance(event, Rejected):
            err.print(f"error: {event}", markup=False)
        elif isinstance(event, Notice) and not quiet:
            err.print(f"warning: {event}", markup=False)

    show_bar = not quiet and err.is_terminal
    if not show_bar:
        return run_ingest(inputs, store, settings, on_event=report_problem)
    total = sum(1 for p in expand_inputs(inputs) if not isinstance(p, Rejected))
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingest", total=total)

        def on_event(event: Any) -> None:
            if isinstance(event, str):
                progress.advance(task)
            else:
                report_problem(event)

        return run_ingest(inputs, store, settings, on_event=on_event)


def _summary(report: IngestReport) -> dict[str, Any]:
    return {"files": report.files, "articles": report.read, "added": report.added,
            "already_stored": report.already, "failed": len(report.failed),
            "failures": [str(r) for r in report.failed], "warnings": [str(n) for n in report.notices]}


def _finish(report: IngestReport, as_json: bool, quiet: bool, store: Store) -> None:
    if as_json:
        _emit(_summary(report) | {"stored_total": store.count_articles()})
    elif not quiet:
        out.print(f"{report.files} files, {report.read} articles: {report.added} added, "
                  f"{report.already} already stored, {len(report.failed)} failed "
                  f"({store.count_articles()} articles in {store.path})", markup=False)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def ingest(inputs: InputsArg, db: DbOpt = Path("newsgraph.db"), config: ConfigOpt = None,
           max_article_mb: Annotated[Optional[float], typer.Option(help="Largest article, in MB.")] = None,
           quiet: QuietOpt = False, as_json: JsonOpt = False) -> None:
    """Read articles (txt, md, html, jsonl, warc, rss/atom), clean them, read their metadata, store them."""
    settings = _settings(config, ingest_max_article_mb=max_article_mb)
    with _open(db, settings) as store:
        report = _ingest_with_progress(inputs, store, settings, quiet)
        _finish(report, as_json, quiet, store)


@app.command()
def analyze(inputs: InputsArg, db: DbOpt = Path("newsgraph.db"), config: ConfigOpt = None,
            processes: Annotated[Optional[int], typer.Option(min=1, help="spaCy worker processes.")] = None,
            corpus: Annotated[bool, typer.Option(
                "--corpus/--no-corpus",
                help="Also find stories, statement links, positions and shifts (skip while loading many "
                     "batches; run once at the end).")] = True,
            quiet: QuietOpt = False, as_json: JsonOpt = False) -> None:
    """Ingest, then find every statement and its speaker, merge speakers into entities, and print what was found."""
    settings = _settings(config, nlp_processes=processes)
    with _open(db, settings) as store:
        report = _ingest_with_progress(inputs, store, settings, quiet)
        with _guard():
            analysis = _analyze_with_progress(store, settings, quiet, corpus)
        for failure in analysis.failed:
            err.print(f"error: {failure}", markup=False)
        if as_json:
            _emit(_summary(report) | {"stored_total": store.count_articles(), "analyzed": analysis.articles,
                                      "quotes": analysis.quotes, "entities": analysis.entities,
                                      "duplicate_groups": analysis.duplicate_groups, "stories": analysis.stories,
                                      "links": analysis.links, "positions": analysis.positions})
        elif not quiet:
            _print_articles(store.list_articles(limit=None), store.quote_counts())
            out.print(f"{analysis.articles} articles analysed: {analysis.quotes} statements, "
                      f"{analysis.entities} speakers and organisations, "
                      f"{analysis.duplicate_groups} near-duplicate group"
                      f"{'' if analysis.duplicate_groups == 1 else 's'}; {store.count_stories()} stories, "
                      f"{analysis.positions} positions, {analysis.links} statement links", markup=False)
        if not as_json and not quiet:
            out.print(f"{report.files} files, {report.read} articles: {report.added} added, "
                      f"{report.already} already stored, {len(report.failed)} failed "
                      f"({store.count_articles()} articles in {store.path})", markup=False)
        if report.failed or analysis.failed:
            raise typer.Exit(1)


def _analyze_with_progress(store: Store, settings: Settings, quiet: bool, corpus: bool = True):
    from .pipeline import ANALYSIS_STAGE, analyze as run_analyze

    if quiet or not err.is_terminal:
        return run_analyze(store, settings, corpus=corpus)
    pending = len(store.ids_to_analyze(ANALYSIS_STAGE))
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("analysing", total=pending)
        # after the articles, the corpus stages: say which one is running
        return run_analyze(store, settings, on_batch=lambda n: progress.advance(task, n), corpus=corpus,
                           on_stage=lambda name: progress.update(task, description=name))


# --- reading the store ---------------------------------------------------------------

def _print_articles(rows: list[dict[str, Any]], quotes: dict[str, int] | None = None) -> None:
    cells = [(r["id"][:10], r["outlet"] or "—", r["published"] or "—", r["dateline"] or "—",
              *([str(quotes.get(r["id"], 0))] if quotes is not None else []),
              r["title"] or "—", Path(r["source"]).name) for r in rows]
    table = Table("id", "outlet", "published", "dateline", *(["quotes"] if quotes is not None else []))
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=60)
    table.add_column("source", no_wrap=True, overflow="ellipsis", max_width=32)
    for row in cells:
        table.add_row(*map(Text, row))  # Text, not str: article text is never read as Rich markup
    _print_table(table)


def _print_table(table: Table) -> None:
    # Piped output has no terminal width: use a wide one rather than Rich's 80 columns.
    (out if out.is_terminal else Console(width=150, highlight=False)).print(table)


@app.command()
def articles(db: DbOpt = Path("newsgraph.db"),
             outlet: Annotated[Optional[str], typer.Option(help="Only this outlet.")] = None,
             since: Annotated[Optional[str], typer.Option(help="Published on or after (YYYY[-MM[-DD]]).")] = None,
             until: Annotated[Optional[str], typer.Option(help="Published on or before (YYYY[-MM[-DD]]).")] = None,
             limit: Annotated[int, typer.Option(min=1)] = 50, offset: Annotated[int, typer.Option(min=0)] = 0,
             as_json: JsonOpt = False) -> None:
    """List stored articles, filtered by outlet and date range."""
    for name, value in (("--since", since), ("--until", until)):
        if value and not _is_partial_date(value):
            _fail(f"{name} {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    with _open(db) as store:
        rows = store.list_articles(outlet=outlet, since=since, until=until, limit=limit, offset=offset)
    if as_json:
        _emit(rows)
    else:
        _print_articles(rows)


def _highlighted(source: str, segments: list[list[Any]], statements: list[dict[str, Any]]) -> Text:
    """The article's content with statements and their speakers marked (Text: never read as markup)."""
    content = [(s, e) for kind, s, e, _ in segments if kind in ("title", "standfirst", "highlight", "body")]
    text = Text()
    for start, end in content:
        paragraph = Text(source[start:end])
        for q in statements:
            if start <= q["start"] < end:
                paragraph.stylize("yellow", q["start"] - start, min(q["end"], end) - start)
            if q["speaker_start"] is not None and start <= q["speaker_start"] < end:
                paragraph.stylize("bold cyan", q["speaker_start"] - start, q["speaker_end"] - start)
        text.append(paragraph)
        text.append("\n\n")
    return text


def _is_partial_date(value: str) -> bool:
    from .stages.metadata import normalise_given_date

    return value[:1].isdigit() and normalise_given_date(value) == value


@app.command()
def show(article_id: Annotated[str, typer.Argument(help="Article id (a unique prefix is enough).")],
         db: DbOpt = Path("newsgraph.db"), as_json: JsonOpt = False) -> None:
    """Show one article: metadata with its evidence, and the clean text."""
    with _open(db) as store, _guard():
        row = store.get_article(article_id)
    if row is None:
        _fail(f"no article with id {article_id!r}", code=1)
    assert row is not None
    if as_json:
        _emit({k: v for k, v in row.items() if k not in ("raw", "offset_map")})
        return
    for field in ("id", "source", "outlet", "published", "dateline", "title", "authors", "contributors"):
        value = row[field]
        evidence = (row["provenance"].get(field) or {}) if isinstance(row["provenance"].get(field), dict) else {}
        rule = f"   [{evidence.get('rule')}, {evidence.get('confidence')}]" if evidence else ""
        out.print(f"{field:>12}: {value if value not in (None, []) else '—'}{rule}", markup=False)
    with _open(db) as store:
        statements = store.quotes(article_id=row["id"])
    out.print("")
    out.print(_highlighted(source_of(row), row["segments"], statements))
    for q in statements:
        who = speaker_name(q)
        out.print(Text.assemble((f"  {who}", "bold"), f" [{q['kind']}, {q['rule'].split(':')[-1]}, "
                                f"{q['confidence']}]" + (f" venue: {q['venue']}" if q["venue"] else ""), ": ",
                                (q["text"][:160], "italic")))


@app.command()
def search(query: Annotated[str, typer.Argument(help='Full-text query: words, "a phrase", AND/OR/NOT.')],
           db: DbOpt = Path("newsgraph.db"), limit: Annotated[int, typer.Option(min=1)] = 20,
           as_json: JsonOpt = False) -> None:
    """Full-text search over titles and article text."""
    with _open(db) as store, _guard():
        rows = store.search(query, limit=limit)
    if as_json:
        _emit(rows)
        return
    table = Table("id", "outlet", "published", "title", "snippet")
    for r in rows:
        cells = (r["id"][:10], r["outlet"] or "—", r["published"] or "—", (r["title"] or "—")[:40],
                 r["snippet"].replace("\n", " "))
        table.add_row(*map(Text, cells))
    _print_table(table)


@app.command()
def quotes(db: DbOpt = Path("newsgraph.db"),
           speaker: Annotated[Optional[str], typer.Option(help="Name, surname or any alias of the speaker.")] = None,
           outlet: Annotated[Optional[str], typer.Option(help="Only this outlet.")] = None,
           since: Annotated[Optional[str], typer.Option(help="Articles published on or after (YYYY[-MM[-DD]]).")] = None,
           kind: Annotated[Optional[str], typer.Option(help="direct, mixed or indirect.")] = None,
           limit: Annotated[int, typer.Option(min=1)] = 100, as_json: JsonOpt = False) -> None:
    """Who said what: statements with speaker, kind, venue and source."""
    if since and not _is_partial_date(since):
        _fail(f"--since {since!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    if kind and kind not in ("direct", "mixed", "indirect"):
        _fail(f"--kind {kind!r} is not one of direct, mixed, indirect")
    with _open(db) as store:
        rows = store.quotes(speaker=speaker, outlet=outlet, since=since, kind=kind, limit=limit)
    if as_json:
        from .export import quote_record

        _emit([quote_record(r) | {"article_id": r["article_id"], "outlet": r["outlet"], "published": r["published"]}
               for r in rows])
        return
    # the cue tells a claim from a question ("asked") or a refusal ("declined")
    table = Table("speaker", "cue", "kind", "words", "venue", "outlet", "published")
    table.columns[3].overflow = "fold"
    for r in rows:
        cells = (speaker_name(r), r["cue"] or "—", r["kind"], r["text"], r["venue"] or "",
                 r["outlet"] or "—", r["published"] or "—")
        table.add_row(*map(Text, cells))
    _print_table(table)


@app.command()
def speakers(db: DbOpt = Path("newsgraph.db"), limit: Annotated[int, typer.Option(min=1)] = 100,
             as_json: JsonOpt = False) -> None:
    """People and organisations who made statements, with counts, aliases and roles."""
    with _open(db) as store:
        rows = [e for e in store.entities() if e["quotes"]][:limit]
    if as_json:
        from .export import entity_record

        _emit([entity_record(e) for e in rows])
        return
    table = Table("speaker", "kind", "statements", "also written", "roles")
    for e in rows:
        roles = ", ".join(r["role"] + (f" ({r['first_seen']}…{r['last_seen']})" if r["first_seen"] else "")
                          for r in e["roles"])
        aliases = ", ".join(a for a in e["aliases"] if a != e["name"])
        table.add_row(*map(Text, (e["name"], e["kind"], str(e["quotes"]), aliases, roles)))
    _print_table(table)


@app.command()
def stories(db: DbOpt = Path("newsgraph.db"), limit: Annotated[int, typer.Option(min=1)] = 50,
            as_json: JsonOpt = False) -> None:
    """Stories, the most recent first: label, dates, size."""
    with _open(db) as store:
        rows = store.stories(limit=limit)
    if as_json:
        from .export import story_record

        _emit([story_record(s) for s in rows])
        return
    table = Table("id", "articles", "first", "last", "label")
    for s in rows:
        table.add_row(*map(Text, (s["id"], str(s["size"]), s["first_date"] or "—", s["last_date"] or "—", s["label"])))
    _print_table(table)


@app.command()
def story(story_id: Annotated[str, typer.Argument(help="Story id (from `newsgraph stories`).")],
          db: DbOpt = Path("newsgraph.db"), as_json: JsonOpt = False) -> None:
    """One story: its cited summary and its articles in time order."""
    with _open(db) as store:
        row = store.story(story_id)
    if row is None:
        _fail(f"no story with id {story_id!r}; `newsgraph stories` lists them")
    if as_json:
        _emit(row)
        return
    out.print(Text(f"{row['label']}\n{row['size']} articles, {row['first_date'] or '?'} – {row['last_date'] or '?'}",
                   style="bold"))
    for cited in row["summary"]:
        out.print(Text(f"  • {cited['text']} [{cited['article_id']}:{cited['start']}-{cited['end']}]"))
    _print_articles(row["articles"])


@app.command()
def positions(db: DbOpt = Path("newsgraph.db"),
              speaker: Annotated[Optional[str], typer.Option(help="Name, surname or any alias of the speaker.")] = None,
              as_json: JsonOpt = False) -> None:
    """A speaker's recurring positions over time, with shifts of stance."""
    with _open(db) as store:
        said = {q["id"]: q for q in store.quotes(speaker=speaker)}
        rows = store.positions()
        if speaker:
            rows = [p for p in rows if said.keys() & set(p["quotes"])]
        text = said if rows else {}
        shifts = [l for l in store.links(relation="shift") if not speaker or l["a"] in text or l["b"] in text]
    if as_json:
        from .export import link_record, position_record

        _emit({"positions": [position_record(p) for p in rows], "shifts": [link_record(l) for l in shifts]})
        return
    for p in rows:
        out.print(Text(f"{p['speaker']}: {p['label']}  ({p['size']} statements, "
                       f"{p['first_seen'] or '?'} – {p['last_seen'] or '?'})", style="bold"))
        for quote_id in p["quotes"]:
            q = text.get(quote_id)
            if q:
                out.print(Text(f"    {q['published'] or 'undated'} {q['outlet'] or '—'}: {q['text'][:140]}"))
    for l in shifts:
        out.print(Text(f"shift ({l['score']}): {l['a']} → {l['b']} on {l['evidence'].get('subject')}", style="yellow"))
    if not rows and not shifts:
        err.print("no positions found" + (f" for {speaker!r}" if speaker else ""), markup=False)


@app.command()
def report(db: DbOpt = Path("newsgraph.db"),
           story_id: Annotated[Optional[str], typer.Option("--story", help="One story (default: all).")] = None,
           fmt: Annotated[str, typer.Option("--format", help="md or html.")] = "md",
           output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File (default: stdout).")] = None
           ) -> None:
    """A readable report: summary, timeline, who said what, outlets side by side, positions, shifts."""
    from .report import render_report

    with _open(db) as store, _guard():
        text = render_report(store, story_id, fmt)
    if output is None:
        typer.echo(text)
        return
    output.write_text(text, encoding="utf-8")
    err.print(f"wrote {output}", markup=False)


@app.command()
def export(db: DbOpt = Path("newsgraph.db"),
           fmt: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")] = "json",
           output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File (default: stdout).")] = None
           ) -> None:
    """Export the store as JSON (the documented contract), JSON Lines or CSV."""
    if fmt not in FORMATS:
        _fail(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    with _open(db) as store:
        if output is None:
            write_export(store, fmt, sys.stdout)
            return
        tmp = output.with_name(output.name + ".partial")
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            count = write_export(store, fmt, fh)
        tmp.replace(output)  # a failed export never leaves a half-written file behind
    err.print(f"exported {count} articles to {output}", markup=False)


@app.command()
def serve(db: DbOpt = Path("newsgraph.db"),
          host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
          writable: Annotated[bool, typer.Option("--writable", help="Allow requests that change the store.")] = False
          ) -> None:
    """Serve the web UI and the REST API over a store (read-only unless --writable)."""
    if not db.exists():
        _fail(f"{db}: no such database; run `newsgraph analyze` first")
    with _guard():
        from .web.app import serve as run_server  # FastAPI is only imported for this command
        run_server(db, host=host, port=port, writable=writable)


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)
