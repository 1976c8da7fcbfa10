"""Disjoint sets for grouping (claims, outlets, name variants); a dozen lines, so no dependency."""

from __future__ import annotations


class UnionFind:
    """Union-find with path halving; the smaller index stays the root, so results are stable."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        """Join the sets of a and b; returns the root of the joined set."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return ra
