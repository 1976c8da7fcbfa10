"""Evaluation data loaders: clusters of documents with reference summaries.

Accepted formats (chosen by what `path` is):

JSONL, optionally gzipped (`*.jsonl`, `*.jsonl.gz`, `*.json.gz`, `*.ndjson`)
    One object a line. Documents: `documents` (list of strings), or `document` (one string,
    documents separated by `|||||` as in the Hugging Face multi_news release). References:
    `summary` (string) or `summaries` (list of strings). `id` is optional (default: the line).

Multi-News original pair `X.src` / `X.tgt`, given as either file or as the stem `X`
    Line i of the .src is a cluster: documents separated by `|||||`, newlines written
    `NEWLINE_CHAR`. Line i of the .tgt is its summary; a leading "– " is removed.

DUC-style folder: a root folder with one subfolder per cluster
    Documents are the files of the cluster folder: SGML (every <DOC> with a <TEXT> element
    is one document; tags inside the text such as <P> are removed) or plain text (one
    document a file). References are the files of a `references`, `models`, `refs` or
    `summaries` subfolder of the cluster folder, or files of the cluster folder whose name
    contains `.ref` or `.sum` (`a.ref`, `a.ref1.txt`, `x.summary`). A root-level `models` or
    `references` folder is also read, as in the DUC releases: a file belongs to the cluster
    whose folder name starts with the file name's first dot-separated part, case ignored
    (`D30001.M.100.T.A` belongs to `d30001t`). Hidden files are ignored.

A record that cannot be used (bad JSON, no documents, no reference) is reported as an
`InputError` naming the file and line (or folder) and skipped; the run goes on.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Any

from ..errors import InputError

OnError = Callable[[InputError], None]

DOC_SEPARATOR = "|||||"
_NEWLINE_CHAR = re.compile(r"[ \t]*NEWLINE_CHAR[ \t]*")
_DOC = re.compile(r"<DOC\b[^>]*>(.*?)</DOC>", re.S | re.I)
_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_REF_NAME = re.compile(r"\.(ref|sum)", re.I)
_REF_DIRS = {"references", "models", "refs", "summaries"}
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".json.gz", ".ndjson", ".ndjson.gz")


@dataclass(frozen=True, slots=True)
class Cluster:
    """One story: its source documents and one or more human reference summaries."""

    id: str
    documents: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)


def report_to_stderr(error: InputError) -> None:
    """Default error handler: one line on stderr, and the load goes on."""
    print(f"skipped: {error}", file=sys.stderr)


def load(
    path: str | Path, limit: int | None = None, on_error: OnError | None = None
) -> Iterator[Cluster]:
    """Clusters read from `path` (JSONL[.gz], Multi-News .src/.tgt, or a DUC-style folder)."""
    clusters = _read(Path(path), on_error or report_to_stderr)
    return clusters if limit is None else islice(clusters, max(limit, 0))


def _read(path: Path, on_error: OnError) -> Iterator[Cluster]:
    if path.is_dir():
        return _read_duc(path, on_error)
    name = path.name.lower()
    if name.endswith((".src", ".tgt")):
        return _read_src_tgt(path.with_suffix(""), on_error)
    if not path.exists() and Path(f"{path}.src").is_file():
        return _read_src_tgt(path, on_error)
    if name.endswith(_JSONL_SUFFIXES):
        if not path.is_file():
            raise InputError("no such file", input=str(path))
        return _read_jsonl(path, on_error)
    if not path.exists():
        raise InputError(
            "no such file or folder",
            input=str(path),
            hint="give a .jsonl[.gz] file, a Multi-News .src/.tgt pair or stem, or a folder",
        )
    raise InputError(
        "unknown evaluation data format",
        input=str(path),
        hint="expected .jsonl, .jsonl.gz, .src/.tgt or a DUC-style folder",
    )


def _open_text(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


# --- JSONL -----------------------------------------------------------------------------------


def _read_jsonl(path: Path, on_error: OnError) -> Iterator[Cluster]:
    with _open_text(path) as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path} line {number}"
            try:
                yield _record(json.loads(line), number)
            except json.JSONDecodeError as exc:
                on_error(InputError(f"not valid JSON ({exc.msg})", input=where))
            except InputError as exc:
                on_error(InputError(exc.reason, input=where, hint=exc.hint))


def _strings(value: Any, name: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"field {name!r} must be a string or a list of strings")
    return [v for v in value if v.strip()]


def _record(obj: Any, number: int) -> Cluster:
    if not isinstance(obj, dict):
        raise InputError("a line must be a JSON object")
    if "documents" in obj:
        documents = _strings(obj["documents"], "documents")
    elif "document" in obj:
        documents = _split_documents(_strings(obj["document"], "document"))
    else:
        raise InputError('field "documents" is missing')
    if "summaries" in obj:
        references = _strings(obj["summaries"], "summaries")
    elif "summary" in obj:
        references = _strings(obj["summary"], "summary")
    else:
        raise InputError('field "summary" (or "summaries") is missing')
    if not documents:
        raise InputError("no document with text")
    if not references:
        raise InputError("no reference summary with text")
    return Cluster(str(obj.get("id", number)), documents, references)


def _split_documents(texts: list[str]) -> list[str]:
    out: list[str] = []
    for t in texts:
        out.extend(d.strip() for d in t.split(DOC_SEPARATOR) if d.strip())
    return out


# --- Multi-News .src / .tgt --------------------------------------------------------------------


def _multinews_text(line: str) -> str:
    return _NEWLINE_CHAR.sub("\n", line).strip()


def _read_src_tgt(stem: Path, on_error: OnError) -> Iterator[Cluster]:
    src, tgt = Path(f"{stem}.src"), Path(f"{stem}.tgt")
    for p in (src, tgt):
        if not p.is_file():
            raise InputError("no such file", input=str(p), hint="a .src needs its .tgt beside it")
    with src.open(encoding="utf-8") as fs, tgt.open(encoding="utf-8") as ft:
        number = 0
        while True:
            s_line, t_line = fs.readline(), ft.readline()
            if not s_line and not t_line:
                return
            number += 1
            if not s_line or not t_line:
                short = src if not s_line else tgt
                on_error(
                    InputError("has fewer lines than its pair", input=f"{short} line {number}")
                )
                return
            documents = [d for d in (_multinews_text(x) for x in s_line.split(DOC_SEPARATOR)) if d]
            summary = _multinews_text(t_line)
            if summary.startswith(("– ", "- ")):
                summary = summary[2:].strip()
            if not documents:
                on_error(InputError("no document with text", input=f"{src} line {number}"))
            elif not summary:
                on_error(InputError("empty summary", input=f"{tgt} line {number}"))
            else:
                yield Cluster(f"{stem.name}:{number}", documents, [summary])


# --- DUC-style folders -----------------------------------------------------------------------


def _visible_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _read_file(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def _strip_tags(text: str) -> str:
    return html.unescape(_TAG.sub(" ", text)).strip()


def _documents_of(path: Path) -> list[str]:
    """Documents in one file: every <DOC>'s <TEXT> for SGML, else the whole file."""
    raw = _read_file(path)
    if _TEXT.search(raw):
        blocks = _DOC.findall(raw) or [raw]
        texts = ["\n\n".join(_TEXT.findall(b)) for b in blocks]
        return [t for t in (_strip_tags(x) for x in texts) if t]
    text = raw.strip()
    return [text] if text else []


def _reference_of(path: Path) -> str:
    raw = _read_file(path)
    return _strip_tags(raw) if "<" in raw and ">" in raw else raw.strip()


def _root_models(root: Path) -> dict[str, list[Path]]:
    """Reference files of root-level models/references folders, by lower-cased id prefix."""
    found: dict[str, list[Path]] = {}
    for sub in sorted(root.iterdir()):
        if sub.is_dir() and sub.name.lower() in _REF_DIRS:
            for f in _visible_files(sub):
                found.setdefault(f.name.split(".")[0].lower(), []).append(f)
    return found


def _read_duc(root: Path, on_error: OnError) -> Iterator[Cluster]:
    shared = _root_models(root)
    folders = [
        p
        for p in sorted(root.iterdir())
        if p.is_dir() and not p.name.startswith(".") and p.name.lower() not in _REF_DIRS
    ]
    if not folders:
        raise InputError(
            "folder has no cluster subfolders",
            input=str(root),
            hint="a DUC-style root holds one subfolder per cluster",
        )
    for folder in folders:
        doc_files: list[Path] = []
        ref_files: list[Path] = []
        for f in _visible_files(folder):
            (ref_files if _REF_NAME.search(f.name) else doc_files).append(f)
        for sub in sorted(folder.iterdir()):
            if sub.is_dir() and sub.name.lower() in _REF_DIRS:
                ref_files.extend(_visible_files(sub))
        key = folder.name.lower()
        for prefix, files in shared.items():
            if key.startswith(prefix):
                ref_files.extend(files)
        try:
            texts = [t for f in doc_files for t in _documents_of(f)]
            refs = [r for r in (_reference_of(f) for f in ref_files) if r]
        except OSError as exc:
            on_error(InputError(f"cannot read: {exc.strerror or exc}", input=str(folder)))
            continue
        if not texts:
            on_error(InputError("no document with text", input=str(folder)))
        elif not refs:
            on_error(
                InputError(
                    "no reference summary",
                    input=str(folder),
                    hint="put them in a references/ or models/ subfolder, or name them *.ref*",
                )
            )
        else:
            yield Cluster(folder.name, texts, refs)
