"""The command line as a user runs it: inputs, formats, exit codes, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storyweave.cli import EXIT_FAIL, EXIT_OK, EXIT_SKIPPED, main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "harbour-bridge"


def _story(tmp_path: Path) -> Path:
    d = tmp_path / "story"
    d.mkdir()
    (d / "a.txt").write_text(
        "Dam gates opened after storm\n\nOfficials opened the Kessel dam gates on Monday after "
        "heavy rain raised the reservoir to a record level. About 300 homes downstream were "
        "evacuated as a precaution.\n\nThe regional water board said the gates would stay open "
        "for at least three days.\n",
        encoding="utf-8",
    )
    (d / "b.txt").write_text(
        "Reservoir at record level\n\nThe water board opened the gates of the Kessel dam on "
        "Monday because storm rain pushed the reservoir to its highest level ever. Around 300 "
        "households were moved out of the valley.\n\nShare\n\nTweet\n\nEngineers said the dam "
        "itself was not at risk.\n",
        encoding="utf-8",
    )
    return d


def test_brief_of_a_folder_to_markdown(tmp_path: Path, capsys) -> None:
    code = main(["brief", str(_story(tmp_path)), "--embedder", "tfidf", "--words", "60"])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert out.startswith("# ")
    assert "## Summary" in out and "## Sources" in out
    assert "[1]" in out and "[2]" in out


def test_json_output_to_file(tmp_path: Path) -> None:
    target = tmp_path / "brief.json"
    code = main(
        ["brief", str(_story(tmp_path)), "--embedder", "tfidf", "-f", "json", "-o", str(target)]
    )
    assert code == EXIT_OK
    doc = json.loads(target.read_text())
    assert len(doc["articles"]) == 2
    assert all(s["citations"] for s in doc["summary"])


def test_a_bad_input_is_reported_and_skipped_the_rest_go_through(tmp_path: Path, capsys) -> None:
    d = _story(tmp_path)
    (d / "broken.jsonl").write_text('{"title": "no text here"}\nnot json\n', encoding="utf-8")
    code = main(["brief", str(d), "--embedder", "tfidf", "--no-analysis"])
    captured = capsys.readouterr()
    assert code == EXIT_SKIPPED
    assert "broken.jsonl line 1" in captured.err and "broken.jsonl line 2" in captured.err
    assert "## Summary" in captured.out
    assert "Traceback" not in captured.err


def test_strict_makes_a_skip_fatal(tmp_path: Path, capsys) -> None:
    d = _story(tmp_path)
    (d / "empty.txt").write_text("", encoding="utf-8")
    code = main(["brief", str(d), "--embedder", "tfidf", "--strict"])
    assert code == EXIT_FAIL
    assert "empty.txt" in capsys.readouterr().err


def test_nothing_usable_is_a_clear_failure(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    code = main(["brief", str(tmp_path / "empty.txt"), "--embedder", "tfidf"])
    err = capsys.readouterr().err
    assert code == EXIT_FAIL
    assert "empty.txt" in err and "Traceback" not in err


def test_missing_path_names_it(tmp_path: Path, capsys) -> None:
    code = main(["brief", str(tmp_path / "nope"), "--embedder", "tfidf"])
    assert code == EXIT_FAIL
    assert "nope" in capsys.readouterr().err


def test_unknown_embedder_lists_choices(tmp_path: Path, capsys) -> None:
    code = main(["brief", str(_story(tmp_path)), "--embedder", "word2vec"])
    assert code == EXIT_FAIL
    assert "tfidf" in capsys.readouterr().err


def test_stdin_jsonl_through_the_installed_command(tmp_path: Path) -> None:
    lines = [
        {
            "source": "Valley Post",
            "title": "Dam gates opened",
            "url": "https://valley.example/1",
            "text": "Officials opened the Kessel dam gates on Monday after record rain. About 300 "
            "homes were evacuated.",
        },
        {
            "url": "https://www.riverwire.example/x",
            "title": "Record reservoir",
            "text": "The Kessel dam gates were opened on Monday as the reservoir hit a record. "
            "Some 300 homes were evacuated.",
        },
    ]
    data = "\n".join(json.dumps(x) for x in lines) + "\n"
    exe = Path(sys.executable).with_name("storyweave")
    proc = subprocess.run(
        [str(exe), "brief", "-", "--embedder", "tfidf", "-f", "json"],
        input=data,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == EXIT_OK, proc.stderr
    doc = json.loads(proc.stdout)
    assert [a["source"] for a in doc["articles"]] == ["Valley Post", "riverwire.example"]


@pytest.mark.skipif(not EXAMPLES.is_dir(), reason="examples not present")
def test_html_page_of_the_bundled_examples(tmp_path: Path) -> None:
    target = tmp_path / "brief.html"
    assert main(["brief", str(EXAMPLES), "-f", "html", "-o", str(target)]) == EXIT_OK
    html = target.read_text()
    assert "<h2>Summary</h2>" in html and 'id="src-5"' in html


def test_evaluate_help_reads_as_written(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["evaluate", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "95% bootstrap" in out and "%%" not in out
