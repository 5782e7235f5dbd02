"""The REST API under ``/api/``: thin handlers over ``store.views``.

Parameters are validated by type and pattern before any query runs, so a bad
one is a 422 in the one error shape (see ``app``), never a 500.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from ..export import article_record, entity_record
from ..store import Store, views
from . import data

router = APIRouter(prefix="/api", tags=["api"])

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_OFFSET = 1_000_000_000  # SQLite integers are 64-bit; Python's are not

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (1–500).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Since = Annotated[str | None, Query(pattern=DATE_PATTERN, description="On or after YYYY[-MM[-DD]].")]
Until = Annotated[str | None, Query(pattern=DATE_PATTERN, description="On or before YYYY[-MM[-DD]].")]
Kind = Annotated[Literal["direct", "mixed", "indirect"] | None, Query(description="Kind of statement.")]
Text = Annotated[str | None, Query(min_length=1, max_length=200)]


def get_store(request: Request) -> Store:
    return request.app.state.pool.get()


StoreDep = Annotated[Store, Depends(get_store)]


def listing(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} with id {key!r}")


# --- articles --------------------------------------------------------------------------

@router.get("/articles", summary="Articles, newest first")
def list_articles(store: StoreDep, outlet: Text = None, since: Since = None, until: Until = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows, total = views.articles(store, outlet=outlet, since=since, until=until, limit=limit, offset=offset)
    return listing([data.article_summary(r) for r in rows], total, limit, offset)


@router.get("/articles/{article_id}", summary="One article with its statements (a unique id prefix is enough)")
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    row = data.find_article(store, article_id)
    if row is None:
        raise not_found("article", article_id)
    quotes = views.quotes_of_article(store, row["id"])
    return article_record(row, quotes) | {"text": row["text"], "segments": row["segments"],
                                          "story": store.story_of(row["id"])}


# --- statements ------------------------------------------------------------------------

@router.get("/quotes", summary="Statements: who said what, where and when")
def list_quotes(store: StoreDep,
                speaker: Annotated[str | None, Query(min_length=1, max_length=200,
                                                     description="A name, surname or any alias.")] = None,
                speaker_id: Annotated[str | None, Query(min_length=1, max_length=200,
                                                        description="A speaker (entity) id.")] = None,
                outlet: Text = None, kind: Kind = None, since: Since = None, until: Until = None,
                story: Annotated[str | None, Query(min_length=1, max_length=200, description="A story id.")] = None,
                article: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    f = views.QuoteFilter(speaker=speaker, speaker_entity=speaker_id, outlet=outlet, kind=kind, since=since,
                          until=until, story=story, article=article)
    rows, total = views.quotes(store, f, limit=limit, offset=offset)
    return listing([data.quote_item(r) for r in rows], total, limit, offset)


# --- speakers --------------------------------------------------------------------------

@router.get("/speakers", summary="People and organisations, the most quoted first")
def list_speakers(store: StoreDep, name: Text = None,
                  kind: Annotated[Literal["person", "organisation"] | None, Query()] = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows, total = data.speakers(store, name=name, kind=kind, limit=limit, offset=offset)
    return listing([entity_record(r) for r in rows], total, limit, offset)


@router.get("/speakers/{speaker_id}", summary="One speaker with spellings, roles and positions")
def get_speaker(speaker_id: str, store: StoreDep) -> dict[str, Any]:
    row = views.speaker(store, speaker_id)
    if row is None:
        raise not_found("speaker", speaker_id)
    positions, _ = views.positions(store, speaker_entity=speaker_id, limit=500)
    return entity_record(row) | {"positions": [data.position_item(p) for p in positions]}


# --- stories ---------------------------------------------------------------------------

@router.get("/stories", summary="Stories, the most recent and largest first")
def list_stories(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows, total = views.stories(store, limit=limit, offset=offset)
    return listing([data.story_item(r) for r in rows], total, limit, offset)


@router.get("/stories/{story_id}", summary="One story: articles, cited summary, statements by outlet")
def get_story(story_id: str, store: StoreDep) -> dict[str, Any]:
    story = store.story(story_id)
    if story is None:
        raise not_found("story", story_id)
    view = data.story_view(store, story)
    return data.story_item(story) | {
        "articles": [data.article_summary(a) for a in story["articles"]],
        "outlets": view.outlets,
        "statements": [data.statement_group_item(g) for g in view.groups],
    }


# --- links and positions ---------------------------------------------------------------

@router.get("/links", summary="Relations between statements across articles")
def list_links(store: StoreDep,
               relation: Annotated[Literal["same_statement", "paraphrase", "same_position", "shift"] | None,
                                   Query()] = None,
               quote: Annotated[str | None, Query(min_length=1, max_length=300, description="A quote id.")] = None,
               limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows, total = views.links(store, relation=relation, quote=quote, limit=limit, offset=offset)
    return listing(rows, total, limit, offset)


@router.get("/positions", summary="Speakers' recurring positions over time")
def list_positions(store: StoreDep,
                   speaker_id: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows, total = views.positions(store, speaker_entity=speaker_id, limit=limit, offset=offset)
    return listing([data.position_item(p) for p in rows], total, limit, offset)


# --- search ----------------------------------------------------------------------------

@router.get("/search", summary="Full-text search over articles, or semantic search over statements")
def search(request: Request, store: StoreDep,
           q: Annotated[str, Query(min_length=1, max_length=500, description='Words, "a phrase", AND/OR/NOT.')],
           mode: Annotated[Literal["text", "semantic"], Query()] = "text",
           speaker: Text = None, outlet: Text = None, kind: Kind = None, since: Since = None, until: Until = None,
           limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0) -> dict[str, Any]:
    f = views.QuoteFilter(speaker=speaker, outlet=outlet, kind=kind, since=since, until=until)
    result = data.run_search(store, request.app.state.semantic, q, mode, f, limit, offset)
    return listing(result.items, result.total, limit, offset) | {"mode": mode}

