"""Server-rendered pages (Jinja2, autoescaped) over the same views as the API."""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..export import write_export
from ..store import views
from . import data, highlight, svg
from .format import source_name
from .api import DATE_PATTERN, Offset, Since, StoreDep, Text, Until
from .templating import templates

router = APIRouter(include_in_schema=False)
PAGE = 50
REPORT_FORMATS = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8"}
EXPORT_FORMATS = {"json": "application/json", "jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8"}


def render_report_function() -> Any:
    """``newsgraph.report.render_report`` when this build has it, else None (the link is hidden)."""
    try:
        from ..report import render_report
    except ImportError:
        return None
    return render_report


def page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context | {"reports": render_report_function() is not None})


# --- home and lists ---------------------------------------------------------------------

@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep) -> HTMLResponse:
    overview = data.corpus_overview(store)
    top_speakers, _ = data.speakers(store, limit=8)
    return page(request, "home.html", latest=views.stories(store, limit=10)[0],
                largest=views.largest_stories(store, limit=10), speakers=top_speakers, counts=overview["counts"],
                coverage=svg.bar_chart(overview["coverage"]), undated=overview["undated"],
                outlets=overview["outlets"][:12])


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, store: StoreDep, offset: Offset = 0) -> HTMLResponse:
    rows, total = views.stories(store, limit=PAGE, offset=offset)
    return page(request, "stories.html", stories=rows, total=total, offset=offset, limit=PAGE)


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, store: StoreDep, name: Text = None, offset: Offset = 0) -> HTMLResponse:
    rows, total = data.speakers(store, name=name, limit=PAGE, offset=offset)
    return page(request, "speakers.html", speakers=rows, total=total, offset=offset, limit=PAGE, name=name or "")


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, store: StoreDep, outlet: Text = None, since: Since = None, until: Until = None,
             offset: Offset = 0) -> HTMLResponse:
    rows, total = views.articles(store, outlet=outlet, since=since, until=until, limit=PAGE, offset=offset)
    return page(request, "articles.html", articles=rows, total=total, offset=offset, limit=PAGE,
                filters={"outlet": outlet, "since": since, "until": until})


# --- one story -------------------------------------------------------------------------

@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str, store: StoreDep) -> HTMLResponse:
    row = store.story(story_id)
    if row is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    view = data.story_view(store, row)
    points = [svg.Point(data.outlet_of(a), a["published"], a["title"] or source_name(a["source"]), f"/articles/{a['id']}")
              for a in row["articles"]]
    titles = {a["id"]: a["title"] or source_name(a["source"]) for a in row["articles"]}
    return page(request, "story.html", story=row, view=view, titles=titles,
                timeline=svg.timeline(view.outlets, points))


# --- one speaker -----------------------------------------------------------------------

@router.get("/speakers/{speaker_id}", response_class=HTMLResponse)
def speaker(request: Request, speaker_id: str, store: StoreDep) -> HTMLResponse:
    entity = views.speaker(store, speaker_id)
    if entity is None:
        raise HTTPException(404, f"no speaker with id {speaker_id!r}")
    positions, _ = views.positions(store, speaker_entity=speaker_id, limit=500)
    in_positions = [qid for p in positions for qid in p["quotes"]]
    quotes = views.quotes_by_id(store, in_positions)
    shifts = views.shifts_of_speaker(store, speaker_id)
    shifted = {s["b"] for s in shifts} | {s["a"] for s in shifts}
    quotes |= views.quotes_by_id(store, sorted(shifted - set(quotes)))
    others, others_total = views.quotes(store, views.QuoteFilter(speaker_entity=speaker_id), limit=PAGE)
    others = [q for q in others if q["id"] not in set(in_positions)]
    for s in shifts:
        s["from"], s["to"] = quotes.get(s["a"]), quotes.get(s["b"])
    lanes = [p["label"] for p in positions] + (["other statements"] if others else [])
    points = [svg.Point(p["label"], _when(quotes[q]), quotes[q]["text"][:80], f"/articles/{quotes[q]['article_id']}",
                        "shift" if q in shifted else "") for p in positions for q in p["quotes"] if q in quotes]
    points += [svg.Point("other statements", _when(q), q["text"][:80], f"/articles/{q['article_id']}") for q in others]
    return page(request, "speaker.html", entity=entity, positions=positions, quotes=quotes, shifts=shifts,
                shifted=shifted, others=others, others_total=others_total, timeline=svg.timeline(lanes, points))


def _when(quote: dict[str, Any]) -> str | None:
    return quote.get("said_on") or quote.get("published")


# --- one article -----------------------------------------------------------------------

@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, store: StoreDep,
            boilerplate: Annotated[bool, Query(description="Show removed text struck out.")] = False,
            cite: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None) -> HTMLResponse:
    row = data.find_article(store, article_id)
    if row is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    quotes = views.quotes_of_article(store, row["id"])
    cited = tuple(int(x) for x in cite.split("-")) if cite else None
    story_id = store.story_of(row["id"])
    return page(request, "article.html", article=row, quotes=quotes, boilerplate=boilerplate,
                paragraphs=highlight.paragraphs(row, quotes, boilerplate, cited),  # type: ignore[arg-type]
                story=store.story(story_id) if story_id else None,
                titles=[highlight.evidence_title(q) for q in quotes])


# --- search ----------------------------------------------------------------------------

@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep,
           q: Annotated[str, Query(max_length=500)] = "",
           mode: Annotated[Literal["text", "semantic"], Query()] = "text",
           speaker: Annotated[str, Query(max_length=200)] = "", outlet: Annotated[str, Query(max_length=200)] = "",
           kind: Annotated[Literal["", "direct", "mixed", "indirect"], Query()] = "",
           since: Annotated[str, Query(pattern=f"({DATE_PATTERN})|^$")] = "",
           until: Annotated[str, Query(pattern=f"({DATE_PATTERN})|^$")] = "",
           offset: Offset = 0) -> HTMLResponse:
    form = {"q": q, "mode": mode, "speaker": speaker, "outlet": outlet, "kind": kind, "since": since, "until": until}
    result = None
    if q.strip():
        f = views.QuoteFilter(speaker=speaker or None, outlet=outlet or None, kind=kind or None, since=since or None,
                              until=until or None)
        result = data.run_search(store, request.app.state.semantic, q, mode, f, 20, offset)
    return page(request, "search.html", form=form, result=result, offset=offset, limit=20,
                outlets=data.corpus_overview(store)["outlets"])


# --- exports ---------------------------------------------------------------------------

@router.get("/export.{fmt}")
def export(fmt: str, store: StoreDep) -> Response:
    if fmt not in EXPORT_FORMATS:
        raise HTTPException(404, f"no export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    buffer = io.StringIO()
    write_export(store, fmt, buffer)
    return Response(buffer.getvalue(), media_type=EXPORT_FORMATS[fmt],
                    headers={"Content-Disposition": f'attachment; filename="newsgraph.{fmt}"'})


@router.get("/report.{fmt}")
def corpus_report(fmt: str, store: StoreDep) -> Response:
    return _report(store, None, fmt, "newsgraph-report")


@router.get("/stories/{story_id}/report.{fmt}")
def story_report(story_id: str, fmt: str, store: StoreDep) -> Response:
    if store.story(story_id) is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return _report(store, story_id, fmt, f"story-{story_id}")


def _report(store: Any, story_id: str | None, fmt: str, name: str) -> Response:
    render = render_report_function()
    if render is None or fmt not in REPORT_FORMATS:
        raise HTTPException(404, f"no report format {fmt!r} in this build; use md or html")
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'} if fmt == "md" else {}
    return Response(render(store, story_id, fmt), media_type=REPORT_FORMATS[fmt], headers=headers)

