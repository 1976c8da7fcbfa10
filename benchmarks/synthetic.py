"""A deterministic generator of invented news articles about one story, for load benchmarks."""

from __future__ import annotations

import random

from storyweave.model import Article

OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
PEOPLE = ["Mara Ellison", "Tomas Brandt", "Ines Kovac", "Olu Adeyemi", "Priya Raman", "Jonah Reyes"]
PLACES = ["Port Halden", "Riverside County", "the state capital", "Norwich", "the harbour district"]
FACTS = [
    "{p} said the council would vote on the plan on {d}.",
    "The project in {pl} is expected to cost ${n} million, according to officials.",
    "Inspectors found {k} cracks in the main span during a routine check.",
    "\u201cWe will not rush this decision,\u201d {p} told reporters outside the town hall.",
    "Residents of {pl} have complained about the closure for {k} weeks.",
    "A spokesperson for the contractor denied that the company had been fined.",
    "The bridge first opened in {y} and carried about {k},000 people a day.",
    "{p} previously told local radio that repairs could start next spring.",
    "Engineers from {pl} will review the findings before the end of the month.",
    "Traffic was diverted through {pl}, adding twenty minutes to many commutes.",
]
JUNK = [
    "Share",
    "Tweet",
    "Getty Images",
    "Read More >",
    "Sign up for our newsletter",
    "Advertisement",
    "WATCH: Drone footage of the closed span",
]


def synthetic_articles(n: int, seed: int = 7) -> list[Article]:
    """n invented articles on one story, with paraphrase-like overlap, numbers and junk lines."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lines = [f"Bridge closure update {i}", ""]
        for _ in range(rng.randint(6, 12)):
            fact = rng.choice(FACTS).format(
                p=rng.choice(PEOPLE),
                pl=rng.choice(PLACES),
                n=rng.choice([4, 6, 8]),
                k=rng.randint(2, 30),
                y=rng.choice([1998, 2009]),
                d=rng.choice(["March 3", "Tuesday", "April 12, 2024"]),
            )
            lines += [fact, ""]
            if rng.random() < 0.15:
                lines += [rng.choice(JUNK), ""]
        text = "\n".join(lines[2:])
        out.append(
            Article(
                f"syn{i:05d}",
                OUTLETS[i % len(OUTLETS)],
                lines[0],
                text,
                raw=text,
                published=f"2024-03-0{1 + i % 9}",
                origin=f"synthetic {i}",
            )
        )
    return out
