"""Near-duplicate detection on invented texts: copies found, related reports not."""

from __future__ import annotations

from storyweave.stream.dedupe import band_keys, content_hash, find_copies, jaccard, shingles

WIRE = (
    "Engineers closed the Linnet Street footbridge in Port Aldous on Tuesday after an "
    "inspection found twelve cracks in its welded joints. Mayor Renee Castellano said the "
    "bridge would stay shut until a full survey was done, and promised a temporary ferry. "
    "The builder, Halvorsen Steel, said its welds met every standard when the bridge opened "
    "in 2009. About nine thousand people cross the harbour on the footbridge every weekday."
)


def test_the_same_text_differently_spaced_and_cased_hashes_the_same() -> None:
    assert content_hash(WIRE) == content_hash("  " + WIRE.upper().replace(" ", "\n"))
    assert content_hash(WIRE) != content_hash(WIRE.replace("twelve", "eleven"))


def test_a_lightly_edited_copy_is_found_and_an_own_report_is_not() -> None:
    edited = "PORT ALDOUS (Wire) - " + WIRE.replace("every weekday", "each working day") + (
        " Reporting by Ana Ruiz."
    )
    own = (
        "Commuters in Port Aldous faced a long detour on Tuesday. The footbridge on Linnet "
        "Street is shut, council officials said, after cracks were found. Halvorsen Steel "
        "defended its work and Mayor Castellano promised a ferry across the harbour."
    )
    assert jaccard(shingles(WIRE), shingles(edited)) >= 0.5
    assert find_copies([WIRE, own, edited]) == {
        2: (0, jaccard(shingles(WIRE), shingles(edited)))
    }


def test_a_copy_of_a_copy_points_at_the_first() -> None:
    copy = WIRE + " Reporting by Ana Ruiz."
    second = copy + " Edited by Tom Berg."
    assert {k: v[0] for k, v in find_copies([WIRE, copy, second]).items()} == {1: 0, 2: 0}


def test_band_keys_are_the_same_in_another_process() -> None:
    # stored keys must mean the same in every process: seeded permutations, no hash()
    import json
    import os
    import subprocess
    import sys

    import storyweave.stream.dedupe as dedupe

    code = (
        "import importlib.util, json, sys; "
        f"spec = importlib.util.spec_from_file_location('d', {dedupe.__file__!r}); "
        "m = sys.modules['d'] = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); "
        "print(json.dumps(m.band_keys(m.shingles(sys.argv[1]))))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code, WIRE], capture_output=True, text=True, env=env, check=True
    )
    assert json.loads(out.stdout) == band_keys(shingles(WIRE))
    assert len(set(band_keys(shingles(WIRE)))) == 42


def test_a_copy_cut_short_is_a_copy_and_a_quoted_line_is_not() -> None:
    more = (
        " Shop owners on Linnet Street said trade fell by half on the first day of the closure,"
        " and a petition asking the council to reopen the crossing gathered four thousand"
        " names by Wednesday evening. The council will meet on Friday to decide whether the"
        " bridge can be repaired or must be rebuilt, a spokesman said, adding that a report"
        " from the inspectors would be published in full next month. Halvorsen Steel's chief"
        " executive called the closure an overreaction and offered to pay for a second survey"
        " by engineers of the council's choosing."
    )
    long = WIRE + more
    cut = WIRE  # an outlet ran the first half only
    quoted = "Castellano said: " + " ".join(WIRE.split()[:25])
    assert jaccard(shingles(long), shingles(cut)) < 0.5
    assert find_copies([long, cut, quoted]) == {1: (0, jaccard(shingles(long), shingles(cut)))}


def test_shingle_hashes_count_the_same_shared_shingles_as_the_words() -> None:
    import numpy as np

    from storyweave.stream.dedupe import hashes_from_bytes, shingle_hashes

    edited = WIRE.replace("twelve cracks", "a dozen cracks") + " Reporting by Ana Ruiz."
    a, b = shingles(WIRE), shingles(edited)
    ha, hb = shingle_hashes(a), shingle_hashes(b)
    assert (len(ha), len(hb)) == (len(a), len(b))
    assert len(np.intersect1d(ha, hb, assume_unique=True)) == len(a & b) < len(a)
    # as the store keeps them: sorted uint64 bytes, read back unchanged
    assert np.array_equal(hashes_from_bytes(ha.astype("<u8").tobytes()), ha)
    # band keys come from the first 32 bits of those hashes and must not change: old stores hold
    # them (these are the keys storyweave gave this text before shingle hashes were kept)
    assert band_keys(a)[:3] == [5194152995735473689, 8347916597572047633, 7486561702544434609]
