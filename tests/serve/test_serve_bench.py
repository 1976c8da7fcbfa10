"""bench_serve's arithmetic: percentiles, and the lost/doubled count it prints."""

from __future__ import annotations


def test_percentiles_by_nearest_rank(benchmark_module):
    bench = benchmark_module("bench_serve")
    values = [float(v) for v in range(1, 101)]
    assert (bench.pct(values, 50), bench.pct(values, 95), bench.pct(values, 99)) == (50, 95, 99)
    assert bench.pct([7.0], 99) == 7.0


def _counts(**over):
    base = dict(sent=100, stored=90, duplicates=5, rejected=5, errors=0, in_store=90,
                retried=10, retried_stored=0, api_rate=10.0, api_cpu_rate=20.0)  # fmt: skip
    return base | over


def test_a_lost_or_doubled_article_is_counted(benchmark_module, capsys):
    bench = benchmark_module("bench_serve")
    bench.report(_counts(), (10.0, 20.0), 90)
    assert "lost 0, doubled 0" in capsys.readouterr().out
    bench.report(_counts(in_store=89), (10.0, 20.0), 90)  # answered stored, not in the store
    assert "lost 1, doubled 0" in capsys.readouterr().out
    bench.report(_counts(retried_stored=2), (10.0, 20.0), 90)  # a retry stored again
    assert "lost 0, doubled 2" in capsys.readouterr().out
    bench.report(_counts(stored=89), (10.0, 20.0), 90)  # one article never answered for
    out = capsys.readouterr().out
    assert "lost 1" in out and "doubled 1" in out and "API/CLI 1.00" in out
