"""SUPERSEDES candidates by text alignment: which successor article carries a repealed article's text on.

The measure is the Dice coefficient of the two texts' character bigrams (punctuation and whitespace
dropped): 2·|A∩B| / (|A|+|B|), from 0 (no bigram shared) to 1 (the same bigrams). It is cheap enough to
compare every article of a repealed work with every article of its successor through an inverted index,
language-neutral (no segmentation), and robust to the Civil Code's re-ordering of clauses; it does not see
meaning, so every candidate is marked derived and the platform-relevant ones are checked by hand
(docs/versions.md).

>>> old, new = bigrams("网络用户利用网络服务实施侵权行为"), bigrams("网络用户、网络服务提供者利用网络侵害他人民事权益")
>>> round(dice(old, new), 3)
0.412
>>> [(c.successor, c.rank) for c in align({"TLL:37": "宾馆、商场的管理人未尽到安全保障义务的"},
...     {"CC:1198": "宾馆、商场的经营者、管理者未尽到安全保障义务的", "CC:1": "为了保护民事主体的合法权益"})]
[('CC:1198', 1)]
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from lawgraph.graph.schema_data import SupersedesMethod

METHOD = SupersedesMethod.TEXT_ALIGNMENT.value
MEASURE = "character-bigram Dice coefficient"
#: candidates kept per repealed article, and the lowest score kept
TOP_K = 3
THRESHOLD = 0.3
_DROP = re.compile(r"[\s\u3000，。、；：？！“”‘’（）《》〈〉「」『』—…·,.;:?!()\"'\[\]]")


def bigrams(text: str) -> frozenset[str]:
    """The character bigrams of a text, punctuation and whitespace dropped."""
    chars = _DROP.sub("", text)
    return frozenset(chars[i:i + 2] for i in range(len(chars) - 1))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


@dataclass(frozen=True)
class Candidate:
    """A successor article that may carry on a repealed article: its score and rank among the candidates."""

    repealed: str
    successor: str
    score: float
    rank: int


def align(repealed: Mapping[str, str], successors: Mapping[str, str], top_k: int = TOP_K,
          threshold: float = THRESHOLD) -> list[Candidate]:
    """The best ``top_k`` successor articles of each repealed article scoring at least ``threshold``.

    ``repealed`` and ``successors`` map article ids to their texts. Ties are broken by article id, so the
    result is the same on every run.
    """
    grams = {aid: bigrams(text) for aid, text in successors.items()}
    index: dict[str, list[str]] = defaultdict(list)
    for aid, gs in grams.items():
        for gram in gs:
            index[gram].append(aid)
    out: list[Candidate] = []
    for rid, text in repealed.items():
        mine = bigrams(text)
        shared: Counter[str] = Counter()
        for gram in mine:
            shared.update(index.get(gram, ()))
        scored = sorted(((2 * n / (len(mine) + len(grams[aid])), aid) for aid, n in shared.items()),
                        key=lambda pair: (-pair[0], pair[1]))
        kept = [(s, aid) for s, aid in scored[:top_k] if s >= threshold]
        out.extend(Candidate(rid, aid, round(s, 3), rank) for rank, (s, aid) in enumerate(kept, start=1))
    return out
