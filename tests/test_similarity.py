"""The decided cases nearest a fact set, ranked as a lawyer would (queries/similarity.py), on the papers' cases.

The pattern of issue 19's walk-through — food sold on a platform that knew or should have known of the
merchant's wrongdoing and took no necessary measures — is a civil consumer claim: its firing rules give joint
liability (civil) and an ECL 83 penalty (administrative), no criminal liability. 快播案 shares two of its three
facts, both rare, so by shared facts alone it came first; here it comes after every civil case.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from lawgraph.queries.library import QueryLibrary
from lawgraph.queries.outcomes import outcomes
from lawgraph.queries.similarity import Standing

pytestmark = pytest.mark.embedded

FOOD = ["food-product", "platform-knew-or-should-have-known", "no-necessary-measures"]
KUAIBO = "(2015)海刑初字第512号"
JD = "(2019)皖1621民初6389号"


def test_food_pattern_ranks_civil_food_cases_first(embedded_lib: QueryLibrary) -> None:
    report = outcomes(embedded_lib, FOOD)
    ranking = [(c.case, c.score) for c in report.cases]
    domains = [c.reasons.domain.case for c in report.cases]
    # no criminal case above a civil one, and 快播案 is the only criminal candidate: last
    assert domains.index("criminal") > max(i for i, d in enumerate(domains) if d == "civil")
    kuaibo = report.cases[-1]
    assert (kuaibo.case, kuaibo.reasons.domain.standing) == (KUAIBO, Standing.MISMATCH)
    assert kuaibo.reasons.domain.query == ["civil", "administrative"]
    # …although on facts alone it scores above the food cases: two rare facts shared, three rare ones extra
    assert [f.fact for f in kuaibo.reasons.shared] == ["no-necessary-measures", "platform-knew-or-should-have-known"]
    assert kuaibo.score > report.cases[3].score
    # the food cases (kind: food) come first; the unnumbered first instance of 粤06民终10835号 has no facts
    # beyond food and a life-and-health good (the latter not held against a food case), so it leads; its
    # domain is derived from its appeal. The JD case, which held the platform jointly liable, is fourth: its
    # negligence finding (a fact two cases have) costs more than the formal review of the two Taobao cases
    # (a fact of three).
    assert ranking[:5] == [("unnumbered:guangdong-10835-first-instance", 1.4816), ("(2020)粤06民终10835号", 0.533),
                           ("(2020)辽02民终2238号", 0.533), (JD, 0.356), ("(2018)京0105民初88274号", -0.4155)]
    first = report.cases[0].reasons.domain
    assert (first.case, first.source, first.derived) == ("civil", "appeal-chain", True)
    jd = report.cases[3].reasons
    assert [(f.fact, round(f.counted, 3)) for f in jd.other] == [("life-health-goods", 0.0),
                                                                  ("platform-negligent", -1.126)]
    assert jd.kind.standing == Standing.MATCH and jd.kind.case == ["food-product", "life-health-goods"]
    # the live-stream case shares the rare "no necessary measures" but says nothing of the goods: after the food
    assert (report.cases[5].case, report.cases[5].reasons.kind.standing) == ("(2018)京0491民初2386号",
                                                                            Standing.UNKNOWN)


def test_a_case_asked_with_its_own_facts_comes_first(embedded_lib: QueryLibrary) -> None:
    """Every case with facts, asked with exactly its facts: it leads (level only with a case of the same facts)."""
    rows = embedded_lib.run("cases")
    checked = 0
    for case in (row["case"] for row in rows):
        facts = embedded_lib.run("case_detail", id=case)[0]["facts"]
        if not facts:
            continue
        report = outcomes(embedded_lib, facts, case_limit=20)
        top = report.cases[0]
        mine = next(c for c in report.cases if c.case == case)
        assert (mine.score, mine.reasons.domain.standing) == (top.score, top.reasons.domain.standing), case
        assert not mine.reasons.other, case
        checked += 1
    assert checked == 17


def test_the_kuaibo_facts_keep_kuaibo_first(embedded_lib: QueryLibrary) -> None:
    """Where the query's own rules reach criminal liability, the criminal case is not pushed down."""
    facts = ["platform-intentional", "rectification-refused", "network-security-duty-applies",
             "serious-circumstances-286-1", "platform-knew-or-should-have-known"]
    report = outcomes(embedded_lib, facts)
    assert report.cases[0].case == KUAIBO
    assert report.cases[0].reasons.domain.standing == Standing.MATCH
    assert "criminal" in report.cases[0].reasons.domain.query


def test_cli_json_lists_every_case_with_score_and_reasons(tmp_path_factory: pytest.TempPathFactory) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("LAWGRAPH_", "NEO4J_"))}
    environ["LAWGRAPH_HOME"] = str(tmp_path_factory.mktemp("similarity-home"))
    run = subprocess.run([sys.executable, "-m", "lawgraph", "outcomes", "--facts", ",".join(FOOD), "--json"],
                         capture_output=True, text=True, env=environ, check=True)
    cases = json.loads(run.stdout)["cases"]
    assert len(cases) == 7
    for case in cases:
        assert isinstance(case["score"], float)
        assert {"shared", "other", "domain", "kind"} <= set(case["reasons"])
        assert all({"fact", "weight", "counted"} == set(f) for f in case["reasons"]["shared"])
    domains = [c["reasons"]["domain"]["case"] for c in cases]
    assert "criminal" not in domains[:domains.index("criminal")] and "civil" not in domains[domains.index("criminal"):]
