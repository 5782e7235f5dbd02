"""kill -9 in the middle of an ingest, then a rerun: nothing lost, duplicated or corrupt."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

ARTICLE = ("Harbour story {n}\nVESTRA, March {day} (Meridian) - Dock workers at berth {n} stayed out for another day, "
           "union leaders said, as talks with the ministry over pay for shift {n} stalled again.\n"
           "“We want a real offer for crew {n},” a union official told reporters at the gates.\n")


def _count(db: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_kill_minus_9_then_rerun_ingests_the_rest(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(1000):
        (corpus / f"{n:04d}.txt").write_text(ARTICLE.format(n=n, day=n % 28 + 1), encoding="utf-8")
    db = str(tmp_path / "k.db")
    env = os.environ | {"NEWSGRAPH_INGEST_BATCH_SIZE": "25"}
    command = [sys.executable, "-m", "newsgraph", "ingest", str(corpus), "--db", db, "--quiet"]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while _count(db) < 100 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    killed_at = _count(db)
    assert 0 < killed_at < 1000, f"the kill should land mid-run, got {killed_at} stored"
    rerun = subprocess.run(command + ["--json"], env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        assert conn.execute("SELECT count(*), count(DISTINCT id), count(DISTINCT source) FROM articles").fetchone() == (
            1000, 1000, 1000)
        fts_rows = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'union'").fetchone()[0]
        assert fts_rows == 1000
