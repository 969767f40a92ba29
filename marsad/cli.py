"""The ``marsad`` command line: each command is a thin layer over one public API function.

JSON output keeps Arabic readable (``ensure_ascii=False``); listings print JSON Lines with
``--json``. Known errors (:class:`~marsad.errors.MarsadError`) print one clear line on stderr and
exit with status 1; ``marsad run`` exits 3 when it finished but rejected some pages.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from marsad import api
from marsad.config import load_settings
from marsad.errors import MarsadError

EXIT_ERROR = 1
EXIT_REJECTED = 3

app = typer.Typer(
    name="marsad",
    help="marsad (مرصد): Arabic-first news story intelligence. Ingest pages, extract articles, "
         "find events and storylines, and read them as cited stories.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure quality on labeled data (figures for the quality gate).",
                       no_args_is_help=True)
app.add_typer(eval_app, name="eval")

F = TypeVar("F", bound=Callable[..., Any])

DbOption = Annotated[str | None, typer.Option("--db", help="Store path (default ./marsad.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (JSON Lines for lists).")]
ConfigOption = Annotated[str | None, typer.Option("--config", help="TOML settings file.")]


def dumps(value: Any) -> str:
    """JSON with Arabic kept readable."""
    return json.dumps(value, ensure_ascii=False, default=str)


def echo_json(value: Any) -> None:
    """Print one JSON value on one line."""
    typer.echo(dumps(value))


def handle_errors(func: F) -> F:
    """Turn :class:`MarsadError` into one line on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MarsadError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(EXIT_ERROR) from None
        except BrokenPipeError:  # `marsad articles | head`
            sys.stderr.close()
            raise typer.Exit(0) from None

    return wrapper  # type: ignore[return-value]


def _settings(config: str | None, **overrides: Any) -> Any:
    return load_settings(config, **overrides)


@app.command("run")
@handle_errors
def run_cmd(
    sources: Annotated[list[Path], typer.Argument(help="Files and folders of pages: .txt dumps, "
                                                        ".html pages, .json/.jsonl records.")],
    db: DbOption = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
    scheduler: Annotated[str | None, typer.Option(
        help="Run the stages on Dask: 'dask-local' or a scheduler address.")] = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Ingest, extract, enrich and cluster pages into the store (API: ``marsad.run``).

    Exit status: 0 when every page became an article, 3 when some pages were rejected (they are
    stored with their stage and reason: see `marsad status`), 1 on an error.
    """
    settings = _settings(config, db=db, workers=workers, scheduler=scheduler)
    report = api.run([str(s) for s in sources], settings=settings)
    if as_json:
        echo_json(report.to_dict())
    else:
        c = report.counts
        typer.echo(f"run {report.run_id}: {c.get('pages', 0)} pages, {c.get('stored', 0)} stored, "
                   f"{c.get('rejected', 0)} rejected, {c.get('unchanged', 0)} unchanged "
                   f"→ {settings.db}")
        for r in report.rejected[:20]:
            typer.echo(f"  rejected {r['id']} [{r['stage']}] {r['reason']}")
        if len(report.rejected) > 20:
            typer.echo(f"  … {len(report.rejected) - 20} more (marsad status)")
        clustering = report.extra.get("clustering") or {}
        if clustering:
            typer.echo("  " + ", ".join(f"{k}: {v}" for k, v in clustering.items()
                                        if not isinstance(v, (dict, list))))
    if report.rejected:
        raise typer.Exit(EXIT_REJECTED)


@app.command("articles")
@handle_errors
def articles_cmd(
    db: DbOption = None,
    as_json: JsonOption = False,
    status: Annotated[str | None, typer.Option(help="Only pages with this status: ok, "
                                                    "rejected.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
) -> None:
    """List stored pages (API: ``marsad.articles``); ``--json`` prints JSON Lines."""
    for row in api.articles(db=db, status=status, outlet=outlet, limit=limit):
        if as_json:
            echo_json(row)
        else:
            extra = f"  [{row['stage']}] {row['reason']}" if row["status"] != "ok" else ""
            typer.echo(f"{row['id']}\t{row['published'] or '-'}\t{row['outlet'] or '-'}\t"
                       f"{row['title'] or '-'}{extra}")


@app.command("show")
@handle_errors
def show_cmd(article_id: Annotated[str, typer.Argument(help="Article id.")], db: DbOption = None,
             as_json: JsonOption = False) -> None:
    """Everything known about one article, including what was removed and why (API:
    ``marsad.show``)."""
    data = api.show(article_id, db=db)
    if as_json:
        echo_json(data)
        return
    from marsad.cli_format import format_article

    typer.echo(format_article(data))


@app.command("search")
@handle_errors
def search_cmd(
    query: Annotated[str, typer.Argument(help="Words or a \"quoted phrase\"; hamza, diacritics "
                                              "and teh marbuta do not matter.")] = "",
    entity: Annotated[str | None, typer.Option(help="Articles mentioning this entity, in any "
                                                    "spelling (ترمب finds ترامب).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Published on or after "
                                                                 "YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Published on or before "
                                                             "YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Search articles (API: ``marsad.search``)."""
    if not query.strip() and not entity and not date_from and not date_to:
        raise typer.BadParameter("give a QUERY, --entity, --from or --to")
    hits = api.search(query, entity=entity, date_from=date_from, date_to=date_to, limit=limit,
                      db=db)
    for hit in hits:
        if as_json:
            echo_json(hit)
        else:
            typer.echo(f"{hit['id']}\t{hit['published'] or '-'}\t{hit['outlet'] or '-'}\t"
                       f"{hit['title'] or '-'}\n    {hit['snippet']}")
    if not hits and not as_json:
        typer.echo("no articles found", err=True)


@app.command("status")
@handle_errors
def status_cmd(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Counts by status, and rejected pages by stage and reason (API: ``marsad.status``)."""
    data = api.status(db=db)
    if as_json:
        echo_json(data)
        return
    from marsad.cli_format import format_status

    typer.echo(format_status(data))


@app.command("events")
@handle_errors
def events_cmd(
    db: DbOption = None,
    as_json: JsonOption = False,
    order: Annotated[str, typer.Option(help="date, coverage or rank.")] = "date",
    outlet: Annotated[str | None, typer.Option(help="Only events this outlet covered.")] = None,
    entity: Annotated[str | None, typer.Option(help="Only events mentioning this entity.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
) -> None:
    """List events (API: ``marsad.events``); ``--json`` prints JSON Lines with id, title,
    articles, outlets, first_seen, last_seen, event_date, place, storyline."""
    for ev in api.events(db=db, order=order, outlet=outlet, entity=entity, limit=limit):
        if as_json:
            echo_json(ev)
        else:
            typer.echo(f"{ev['id']}\t{ev['event_date'] or ev['first_seen'] or '-'}\t"
                       f"{ev['n_articles']} articles, {len(ev['outlets'])} outlets\t"
                       f"{ev['place'] or '-'}\t{ev['title']}")


@app.command("storylines")
@handle_errors
def storylines_cmd(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List storylines with their events in event-date order (API: ``marsad.storylines``)."""
    for line in api.storylines(db=db):
        if as_json:
            echo_json(line)
        else:
            typer.echo(f"{line['id']}\t{len(line['events'])} events\t{line['title']}\n    "
                       + " → ".join(line["events"]))


@app.command("explain")
@handle_errors
def explain_cmd(article_id: Annotated[str, typer.Argument(help="Article id.")],
                db: DbOption = None, as_json: JsonOption = False) -> None:
    """Why an article is in its event, and the runner-up (API: ``marsad.explain``)."""
    data = api.explain(article_id, db=db)
    if as_json:
        echo_json(data)
        return
    from marsad.cli_format import format_explanation

    typer.echo(format_explanation(data))


@app.command("story")
@handle_errors
def story_cmd(event_id: Annotated[str, typer.Argument(help="Event id (see `marsad events`).")],
              db: DbOption = None, as_json: JsonOption = False) -> None:
    """An event's story: cited summary, timeline, facts and conflicts, quotes, outlets and
    framing (API: ``marsad.story``)."""
    data = api.story(event_id, db=db)
    if as_json:
        echo_json(data)
        return
    from marsad.cli_format import format_story

    typer.echo(format_story(data))


@app.command("report")
@handle_errors
def report_cmd(out: Annotated[Path, typer.Option(help="Folder to write the report into.")] = Path(
        "out/report"), db: DbOption = None) -> None:
    """Write a static, self-contained RTL HTML report of all storylines and events (API:
    ``marsad.report``)."""
    index = api.report(out, db=db)
    typer.echo(f"report written: {index}")


@app.command("serve")
@handle_errors
def serve_cmd(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to bind (loopback by default).")] = (
        "127.0.0.1"),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    config: ConfigOption = None,
    get: Annotated[str | None, typer.Option("--get", help="Render this path in-process, print "
                                                         "it and exit (no server).")] = None,
    enable_writes: Annotated[bool, typer.Option(
        "--enable-writes", help="Enable merge/split endpoints; they need the bearer token in "
                                "$MARSAD_WRITE_TOKEN (16+ characters).")] = False,
) -> None:
    """Serve the web app and JSON API on a store (API: ``marsad.web.app.serve``)."""
    import os

    from marsad.web.app import get as get_page
    from marsad.web.app import serve

    settings = _settings(config, db=db)
    if get is not None:
        status, body = get_page(settings.db, get)
        typer.echo(body)
        raise typer.Exit(0 if status < 400 else EXIT_ERROR)
    token = os.environ.get("MARSAD_WRITE_TOKEN") if enable_writes else None
    if enable_writes and (not token or len(token) < 16):
        raise typer.BadParameter("--enable-writes needs MARSAD_WRITE_TOKEN of 16+ characters")
    serve(settings.db, host=host, port=port, enable_writes=enable_writes, write_token=token)


@eval_app.command("extract")
@handle_errors
def eval_extract_cmd(
    data: Annotated[Path, typer.Option(help="The ScrapingHub benchmark folder.")] = Path(
        "../shared/data/scrapinghub-article-extraction"),
    baseline: Annotated[bool, typer.Option(help="Also score bare trafilatura.extract.")] = False,
    as_json: JsonOption = False,
) -> None:
    """HTML extraction P/R/F1 on the ScrapingHub benchmark, scored its way (API:
    ``marsad.eval.extract.evaluate_extract``)."""
    from marsad.eval.extract import evaluate_extract

    figures = evaluate_extract(data, baseline=baseline)
    _print_figures(figures, as_json)


@eval_app.command("ner")
@handle_errors
def eval_ner_cmd(
    data: Annotated[Path, typer.Option(help="ANERcorp folder (its test part is used) or a file "
                                            "of `token TAG` lines.")] = Path(
        "../shared/data/anercorp"),
    as_json: JsonOption = False,
) -> None:
    """CoNLL exact-span precision, recall and F1 per type, micro and macro (API:
    ``marsad.eval.ner.evaluate_ner``)."""
    from marsad.eval.ner import dumps, evaluate_ner, format_report

    result = evaluate_ner(data)
    typer.echo(dumps(result) if as_json else format_report(result))


@eval_app.command("summarize")
@handle_errors
def eval_summarize_cmd(
    data: Annotated[Path, typer.Option(help="The EASC folder (Articles/ and MTurk/).")] = Path(
        "../shared/data/easc"),
    as_json: JsonOption = False,
) -> None:
    """ROUGE-1/2/L of marsad's summarizer and of the lead, LexRank, TextRank and LSA baselines
    at the same length on EASC (API: ``marsad.eval.summarize.evaluate_summarize``)."""
    from marsad.eval.summarize import evaluate_summarize, format_table

    result = evaluate_summarize(data)
    if as_json:
        echo_json(result)
    else:
        typer.echo(format_table(result))


@eval_app.command("pairs")
@handle_errors
def eval_pairs_cmd(
    data: Annotated[Path, typer.Option(help="JSONL article pairs with gold scores.")] = Path(
        "../shared/data/semeval2022-task8-ar/pairs.jsonl"),
    embeddings: Annotated[bool, typer.Option(help="Add multilingual sentence embeddings.")] = (
        False),
    as_json: JsonOption = False,
) -> None:
    """Pearson and Spearman of marsad's similarity with the gold Overall (sign turned), and
    ROC-AUC of Overall <= 1.5 vs >= 3.5 (API: ``marsad.eval.pairs.evaluate_pairs``)."""
    from marsad.eval.pairs import evaluate_pairs

    figures = evaluate_pairs(data, use_embeddings=embeddings)
    _print_figures({k: v for k, v in figures.items() if k != "pairs"} if not as_json
                   else figures, as_json)


@eval_app.command("clustering")
@handle_errors
def eval_clustering_cmd(
    data: Annotated[Path, typer.Option(help="JSONL articles with gold `event` (and "
                                            "`storyline`), or the demo-corpus folder.")] = Path(
        "examples/demo-corpus"),
    as_json: JsonOption = False,
) -> None:
    """B-cubed precision, recall, F1 and pairwise F1 of events (and storylines) from the online
    clusterer run in publication order, and articles per second (API:
    ``marsad.eval.clustering.evaluate_clustering``)."""
    from marsad.eval.clustering import evaluate_clustering

    _print_figures(evaluate_clustering(data), as_json)


@eval_app.command("gate")
@handle_errors
def eval_gate_cmd(as_json: JsonOption = False) -> None:
    """Measure every figure pinned in quality/baseline.json against its floor; exits 1 when one
    is below (API: ``marsad.eval.gate.run_gate``)."""
    from marsad.eval.gate import run_gate

    result = run_gate()
    if as_json:
        echo_json(result)
    else:
        for name, r in result["metrics"].items():
            mark = "ok  " if r["ok"] else "FAIL"
            typer.echo(f"{mark} {name:<40} {r['value']:.4f}  (floor {r['floor']:.4f})")
    if not result["passed"]:
        raise typer.Exit(EXIT_ERROR)


def _print_figures(figures: dict[str, Any], as_json: bool) -> None:
    """Print evaluation figures; with ``--json`` the last line is one JSON object."""
    if as_json:
        echo_json(figures)
        return
    from marsad.cli_format import format_figures

    typer.echo(format_figures(figures))


def main() -> None:
    """Entry point of the ``marsad`` console script."""
    app()


if __name__ == "__main__":
    main()
