"""A synthetic corpus of judgments for scale tests: ``lawgraph synth --cases N --seed S --out DIR``.

The generator learns a profile from the real data folder (its rules, fact vocabulary and the fact
mixes, holdings, doctrines and platforms of the real cases) and writes a complete data folder to
``DIR``: a copy of ``statutes/``, ``knowledge/`` and the real ``cases/``, a ``publications.yaml``
with one more entry (``synthetic``, the source every synthetic claim cites as ``synthetic#<n>``),
and the synthetic instances as a few large multi-document YAML files ``cases/synthetic-NNNN.yaml``
(:data:`CASES_PER_FILE` instances each, well under the loader's 5 MB file limit). The output passes
``lawgraph build --data DIR``. Every synthetic case is marked: its ``name_zh`` starts with
:data:`SYNTHETIC_PREFIX` (【合成】) and it is discussed by the ``synthetic`` publication only.

How a dispute is drawn (all from one :class:`random.Random` seeded with ``S``, so a seed always
gives byte-identical files):

* **Fact mix** — half the time a real case's fact set, perturbed (each fact dropped with
  probability 0.2, 0–2 facts added from the real marginal frequencies, smoothed); 40 % the required
  facts of one liability rule (so every rule is exercised) plus 0–2 such extra facts; 10 % 1–4
  facts from the marginal. Contradictory pairs (e.g. ``formal-review-done`` with
  ``qualification-review-failed``) keep only the second.
* **Holding** — the rules are evaluated as :mod:`queries.reasoning` does (``all``/``any``
  conditions, ``excludes``); the court follows one fired rule that yields a liability form,
  preferring statutory frameworks, then the liability ladder by tier. Noise: with probability
  :data:`NOISE_OTHER_FORM` the court holds another form (a split decision), with
  :data:`NOISE_NO_HOLDING` the holding is unreported (``held: []`` with ``vagueness_en``). When no
  rule fires the platform is usually held not liable. Parties and shares follow the form (joint
  forms name the merchant too; several liability splits shares that sum to 1, with a victim's share
  when ``victim-contributory-fault`` is present).
* **Appeal chains** — 70 % of disputes have one instance, 25 % two (民初 → 民终 at the
  intermediate court of the first court's city), 5 % three (→ 民再 at the provincial high court);
  each later instance has ``appeal_of`` with a disposition (affirmed / modified / reversed) and a
  holding that agrees with it.
* **Case numbers** — the post-2016 form ``(YEAR)<court code><procedure><serial>号`` for real court
  codes (the real corpus's courts, the internet courts, and district courts of the platform
  economy's cities, each with its real appeal and high court), years 2016–2024, serials unique per
  court, year and procedure, never one of the real numbers.
* ``applies`` (30 %): the followed rule's articles; ``relies_on`` (28 %, the real rate): a doctrine
  drawn from the real frequencies; ``platforms`` (75 %): a platform of the vocabulary.

``N`` counts instances (Case nodes); the last dispute is cut short so that exactly ``N`` are written.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from lawgraph.graph.model import GraphData, Label, RelType
from lawgraph.graph.schema_data import Disposition, RuleCondition
from lawgraph.ingest.build import build_graph

from lawgraph.errors import LawgraphError

AFFIRMED, MODIFIED, REVERSED = Disposition.AFFIRMED.value, Disposition.MODIFIED.value, Disposition.REVERSED.value

SYNTHETIC_PREFIX = "【合成】"
SYNTHETIC_PUBLICATION = "synthetic"
CASES_PER_FILE = 2_000
MANIFEST = "synth.json"
#: probability that a court holds a form no fired rule yields (a split decision)
NOISE_OTHER_FORM = 0.08
#: probability that a synthetic judgment's holding is unreported
NOISE_NO_HOLDING = 0.04
GENERATOR_VERSION = "1"

#: forms a civil court may hold (administrative penalties are for regulators; criminal liability
#: only in criminal procedure)
_NOT_CIVIL = frozenset({"administrative-penalty", "criminal-liability"})
#: forms a noisy court picks from
_NOISE_FORMS = ("joint-several", "supplementary", "several", "corresponding", "no-liability",
                "proportional-joint-several")
#: (a, b): when both are drawn, ``a`` is dropped
_CONTRADICTIONS = (("formal-review-done", "qualification-review-failed"),
                   ("ordinary-goods", "life-health-goods"),
                   ("platform-omission-raised-risk-only", "platform-omission-necessary-cause"),
                   ("platform-negligent", "platform-intentional"))
#: framework preference of a court: statutes first, then the tiered ladder
_STATUTORY = "statutory-"
_LADDER = "tiered-liability-ladder"


@dataclass(frozen=True)
class Court:
    """A first-instance court with the courts that hear its appeals and retrials."""

    code: str
    name_zh: str
    appeal_code: str
    appeal_name_zh: str
    high_code: str
    high_name_zh: str
    weight: int = 1


#: Real courts (codes follow the administrative division codes; names and appeal routes are real).
#: Weight 3: courts of the real corpus and the internet courts.
COURTS: tuple[Court, ...] = (
    Court("皖1621", "安徽省涡阳县人民法院", "皖16", "安徽省亳州市中级人民法院", "皖", "安徽省高级人民法院", 3),
    Court("京0105", "北京市朝阳区人民法院", "京03", "北京市第三中级人民法院", "京", "北京市高级人民法院", 3),
    Court("京0491", "北京互联网法院", "京01", "北京市第一中级人民法院", "京", "北京市高级人民法院", 3),
    Court("苏0722", "江苏省东海县人民法院", "苏07", "江苏省连云港市中级人民法院", "苏", "江苏省高级人民法院", 3),
    Court("沪0105", "上海市长宁区人民法院", "沪01", "上海市第一中级人民法院", "沪", "上海市高级人民法院", 3),
    Court("浙0192", "杭州互联网法院", "浙01", "浙江省杭州市中级人民法院", "浙", "浙江省高级人民法院", 3),
    Court("粤0192", "广州互联网法院", "粤01", "广东省广州市中级人民法院", "粤", "广东省高级人民法院", 3),
    Court("京0108", "北京市海淀区人民法院", "京01", "北京市第一中级人民法院", "京", "北京市高级人民法院"),
    Court("京0106", "北京市丰台区人民法院", "京02", "北京市第二中级人民法院", "京", "北京市高级人民法院"),
    Court("沪0115", "上海市浦东新区人民法院", "沪01", "上海市第一中级人民法院", "沪", "上海市高级人民法院"),
    Court("浙0106", "杭州市西湖区人民法院", "浙01", "浙江省杭州市中级人民法院", "浙", "浙江省高级人民法院"),
    Court("浙0108", "杭州市滨江区人民法院", "浙01", "浙江省杭州市中级人民法院", "浙", "浙江省高级人民法院"),
    Court("粤0106", "广州市天河区人民法院", "粤01", "广东省广州市中级人民法院", "粤", "广东省高级人民法院"),
    Court("粤0304", "深圳市福田区人民法院", "粤03", "广东省深圳市中级人民法院", "粤", "广东省高级人民法院"),
    Court("粤0305", "深圳市南山区人民法院", "粤03", "广东省深圳市中级人民法院", "粤", "广东省高级人民法院"),
    Court("苏0508", "苏州市姑苏区人民法院", "苏05", "江苏省苏州市中级人民法院", "苏", "江苏省高级人民法院"),
    Court("苏0102", "南京市玄武区人民法院", "苏01", "江苏省南京市中级人民法院", "苏", "江苏省高级人民法院"),
    Court("川0104", "成都市锦江区人民法院", "川01", "四川省成都市中级人民法院", "川", "四川省高级人民法院"),
    Court("鄂0106", "武汉市武昌区人民法院", "鄂01", "湖北省武汉市中级人民法院", "鄂", "湖北省高级人民法院"),
    Court("湘0102", "长沙市芙蓉区人民法院", "湘01", "湖南省长沙市中级人民法院", "湘", "湖南省高级人民法院"),
    Court("辽0202", "大连市中山区人民法院", "辽02", "辽宁省大连市中级人民法院", "辽", "辽宁省高级人民法院"),
    Court("黑0102", "哈尔滨市道里区人民法院", "黑01", "黑龙江省哈尔滨市中级人民法院", "黑", "黑龙江省高级人民法院"),
    Court("鲁0102", "济南市历下区人民法院", "鲁01", "山东省济南市中级人民法院", "鲁", "山东省高级人民法院"),
    Court("豫0105", "郑州市金水区人民法院", "豫01", "河南省郑州市中级人民法院", "豫", "河南省高级人民法院"),
    Court("闽0203", "厦门市思明区人民法院", "闽02", "福建省厦门市中级人民法院", "闽", "福建省高级人民法院"),
)

_YEARS = tuple(range(2016, 2025))
_YEAR_WEIGHTS = (2, 3, 4, 5, 6, 7, 7, 6, 4)


class SynthError(LawgraphError, ValueError):
    """The output folder cannot be written (it is the source data, or holds other files)."""


@dataclass(frozen=True)
class RuleInfo:
    """One rule of the knowledge, as the generator evaluates it."""

    id: str
    framework: str
    tier: int | None
    condition: str
    requires: tuple[str, ...]
    excludes: tuple[str, ...]
    forms: tuple[str, ...]
    articles: tuple[str, ...]

    def fires(self, facts: frozenset[str]) -> bool:
        """Whether the rule fires on ``facts`` (as :func:`queries.reasoning.rule_standing` decides it applies).

        >>> rule = RuleInfo("r", "f", None, "all", ("a", "b"), ("x",), ("joint-several",), ())
        >>> rule.fires(frozenset({"a", "b"})), rule.fires(frozenset({"a"})), rule.fires(frozenset({"a", "b", "x"}))
        (True, False, False)
        """
        if not facts.isdisjoint(self.excludes):
            return False
        if self.condition == RuleCondition.ANY:
            return not facts.isdisjoint(self.requires)
        return facts.issuperset(self.requires)

    def holdable(self, criminal: bool) -> tuple[str, ...]:
        """The forms of this rule a court may hold (criminal liability only in criminal procedure)."""
        return tuple(f for f in self.forms if (f == "criminal-liability") == criminal and f != "administrative-penalty")


@dataclass
class Profile:
    """What the generator learns from the real data folder."""

    facts: list[str]
    fact_weights: list[float]
    templates: list[tuple[str, ...]]
    rules: list[RuleInfo]
    liability_forms: set[str]
    doctrines: list[str]
    doctrine_weights: list[float]
    platforms: list[tuple[str, str]]
    platform_weights: list[float]
    real_case_ids: set[str]
    real_fact_counts: dict[str, int] = field(default_factory=dict)
    real_case_count: int = 0

    @property
    def seed_rules(self) -> list[RuleInfo]:
        """Rules a fact mix may be seeded from: those yielding a form a civil court holds."""
        return [r for r in self.rules if any(f not in _NOT_CIVIL for f in r.forms)]


def learn_profile(graph: GraphData) -> Profile:
    """Read the generator's profile off a built graph of the real data.

    Parameters
    ----------
    graph : GraphData
        A build of the real data folder (``build_graph(data).graph``).

    Returns
    -------
    Profile
        Fact vocabulary with real marginal frequencies (plus 0.5 smoothing), the real cases' fact
        sets, the rules, and the doctrine and platform frequencies of the real cases.
    """
    nodes = graph.nodes
    facts = sorted(n.id for n in nodes.values() if n.label is Label.FACT)
    forms = {n.id for n in nodes.values() if n.label is Label.LIABILITY_FORM}
    case_facts: dict[str, list[str]] = {}
    doctrine_counts: Counter[str] = Counter()
    platform_counts: Counter[str] = Counter()
    requires: dict[str, list[str]] = {}
    excludes: dict[str, list[str]] = {}
    yields: dict[str, list[str]] = {}
    grounded: dict[str, list[str]] = {}
    for edge in graph.edges:
        match edge.type:
            case RelType.HAS_FACT:
                case_facts.setdefault(edge.source, []).append(edge.target)
            case RelType.RELIES_ON:
                doctrine_counts[edge.target] += 1
            case RelType.INVOLVES:
                platform_counts[edge.target] += 1
            case RelType.REQUIRES:
                requires.setdefault(edge.source, []).append(edge.target)
            case RelType.EXCLUDES:
                excludes.setdefault(edge.source, []).append(edge.target)
            case RelType.YIELDS:
                yields.setdefault(edge.source, []).append(edge.target)
            case RelType.GROUNDED_IN:
                grounded.setdefault(edge.source, []).append(edge.target)
    fact_counts = Counter(f for fs in case_facts.values() for f in fs)
    rules = [
        RuleInfo(rid, nodes[rid].props.get("framework", ""), nodes[rid].props.get("tier"),
                 nodes[rid].props.get("condition", RuleCondition.ALL.value), tuple(sorted(requires.get(rid, []))),
                 tuple(sorted(excludes.get(rid, []))), tuple(sorted(y for y in yields.get(rid, []) if y in forms)),
                 tuple(sorted(grounded.get(rid, []))))
        for rid in sorted(n.id for n in nodes.values() if n.label is Label.RULE)
    ]
    doctrines = sorted(n.id for n in nodes.values() if n.label is Label.DOCTRINE)
    platforms = sorted((n.id, n.props.get("name_zh", n.id)) for n in nodes.values() if n.label is Label.PLATFORM)
    return Profile(
        facts=facts,
        fact_weights=[fact_counts[f] + 0.5 for f in facts],
        templates=[tuple(sorted(case_facts[c])) for c in sorted(case_facts)],
        rules=rules,
        liability_forms=forms,
        doctrines=doctrines,
        doctrine_weights=[doctrine_counts[d] * 4 + 0.5 for d in doctrines],
        platforms=platforms,
        platform_weights=[platform_counts[p] + 1.0 for p, _ in platforms],
        real_case_ids={n.id for n in nodes.values() if n.label is Label.CASE},
        real_fact_counts=dict(fact_counts),
        real_case_count=sum(1 for n in nodes.values() if n.label is Label.CASE),
    )


# ------------------------------------------------------------------------------------ drawing


@dataclass
class Held:
    """One HELD entry of a synthetic instance."""

    form: str
    party: str
    share: float | None = None


@dataclass
class Decision:
    """What a synthetic court held and on which rule (None: noise or no rule fired)."""

    held: list[Held]
    rule: RuleInfo | None
    note: str


@dataclass
class Instance:
    """One synthetic instance (a Case node) before it is written."""

    case_number: str
    court_name_zh: str
    level_zh: str
    facts: list[str]
    decision: Decision
    applies: list[str]
    relies_on: list[str]
    platform: tuple[str, str] | None
    role: str
    appeal_of: str | None = None
    disposition: str | None = None


def _share(value: int) -> float:
    """A share in 5 % steps, exact in decimal (``_share(7)`` is 0.35)."""
    return round(value * 0.05, 2)


class Generator:
    """Draws synthetic disputes from a :class:`Profile` with one seeded random source."""

    def __init__(self, profile: Profile, seed: int) -> None:
        self.profile = profile
        self.seed = seed
        self.rng = random.Random(seed)
        self.serials: dict[tuple[int, str, str], int] = {}
        self.seed_rules = profile.seed_rules
        self.court_weights = [c.weight for c in COURTS]
        self.fact_index = {f: i for i, f in enumerate(profile.facts)}
        self.basis_rules = {crim: [r for r in profile.rules if r.holdable(crim)] for crim in (False, True)}

    # -- facts ---------------------------------------------------------------------------------
    def _marginal(self, k: int) -> list[str]:
        return self.rng.choices(self.profile.facts, self.profile.fact_weights, k=k)

    def _extra(self, weights: Sequence[float]) -> int:
        return self.rng.choices(range(len(weights)), weights)[0]

    def draw_facts(self) -> list[str]:
        """One fact mix (see the module docstring)."""
        mode = self.rng.random()
        if mode < 0.5:
            template = self.rng.choice(self.profile.templates)
            facts = {f for f in template if self.rng.random() >= 0.2} or {self.rng.choice(template)}
            facts.update(self._marginal(self._extra((0.5, 0.35, 0.15))))
        elif mode < 0.9:
            rule = self.rng.choice(self.seed_rules)
            facts = set(rule.requires) if rule.condition == RuleCondition.ALL else {self.rng.choice(rule.requires)}
            facts.update(self._marginal(self._extra((0.4, 0.4, 0.2))))
        else:
            facts = set(self._marginal(self.rng.randint(1, 4)))
        for dropped, kept in _CONTRADICTIONS:
            if dropped in facts and kept in facts:
                facts.discard(dropped)
        return sorted(facts, key=self.fact_index.__getitem__)

    # -- holdings ------------------------------------------------------------------------------
    def _basis(self, facts: frozenset[str], criminal: bool) -> RuleInfo | None:
        fired = [r for r in self.basis_rules[criminal] if r.fires(facts)]
        if not fired:
            return None
        statutory = [r for r in fired if r.framework.startswith(_STATUTORY)]
        if statutory:
            return self.rng.choice(statutory)
        ladder = sorted((r for r in fired if r.framework == _LADDER), key=lambda r: (r.tier or 99, r.id))
        if ladder:
            return ladder[0]
        return self.rng.choice(fired)

    def _parties(self, form: str, facts: frozenset[str]) -> list[Held]:
        rng = self.rng
        if form in ("joint-several", "non-genuine-joint"):
            return [Held(form, "platform"), Held(form, "merchant")]
        if form == "several":
            victim = rng.randint(2, 6) if "victim-contributory-fault" in facts else 0
            merchant = rng.randint(8, 16 - victim)
            return [h for h in (Held(form, "merchant", _share(merchant)),
                                Held(form, "platform", _share(20 - victim - merchant)),
                                Held(form, "victim", _share(victim)) if victim else None) if h]
        if form == "proportional-joint-several":
            return [Held(form, "platform", _share(rng.randint(4, 14))), Held(form, "merchant")]
        if form == "corresponding" and rng.random() < 0.5:
            return [Held(form, "platform", _share(rng.randint(2, 10)))]
        if form == "criminal-liability":
            return [Held(form, "platform"), Held(form, "individual-defendants")]
        return [Held(form, "platform")]

    def decide(self, facts: Sequence[str], criminal: bool = False) -> Decision:
        """What a court holds on ``facts``: a fired rule's form, with noise."""
        fact_set = frozenset(facts)
        rule = self._basis(fact_set, criminal)
        roll = self.rng.random()
        if roll < NOISE_NO_HOLDING:
            return Decision([], None, "unreported")
        if rule is None:
            if criminal:
                return Decision([], None, "unreported")
            if self.rng.random() < 0.75:
                return Decision([Held("no-liability", "platform")], None, "no rule fired")
            return Decision([], None, "unreported")
        form = self.rng.choice(rule.holdable(criminal))
        if not criminal and roll < NOISE_NO_HOLDING + NOISE_OTHER_FORM:
            other = [f for f in _NOISE_FORMS if f != form and f in self.profile.liability_forms]
            return Decision(self._parties(self.rng.choice(other), fact_set), rule, "split decision")
        return Decision(self._parties(form, fact_set), rule, "rule")

    # -- numbers -------------------------------------------------------------------------------
    def case_number(self, year: int, court: str, procedure: str) -> str:
        """A new, unique post-2016 case number at ``court``."""
        key = (year, court, procedure)
        while True:
            serial = self.serials.get(key, self.rng.randint(1, 3000)) + self.rng.randint(1, 40)
            self.serials[key] = serial
            number = f"({year}){court}{procedure}{serial}号"
            if number not in self.profile.real_case_ids:
                return number

    # -- disputes ------------------------------------------------------------------------------
    def dispute(self, max_instances: int) -> list[Instance]:
        """One dispute: its first instance and up to two later ones (earliest first)."""
        rng = self.rng
        roll = rng.random()
        wanted = 1 if roll < 0.70 else 2 if roll < 0.95 else 3
        count = min(wanted, max_instances)
        court = rng.choices(COURTS, self.court_weights)[0]
        year = rng.choices(_YEARS, _YEAR_WEIGHTS)[0]
        facts = self.draw_facts()
        criminal = "rectification-refused" in facts and "platform-intentional" in facts
        first_proc, appeal_proc = ("刑初", "刑终") if criminal else ("民初", "民终")
        platform = (rng.choices(self.profile.platforms, self.profile.platform_weights)[0]
                    if rng.random() < 0.75 else None)
        role = "defendant" if rng.random() < 0.7 else "party"
        relies_on = ([rng.choices(self.profile.doctrines, self.profile.doctrine_weights)[0]]
                     if rng.random() < 0.28 else [])
        decision = self.decide(facts, criminal)
        instances = [Instance(self.case_number(year, court.code, first_proc), court.name_zh, "一审", facts,
                              decision, self._applies(decision), relies_on, platform, role)]
        for step in range(1, count):
            if criminal and step == 2:
                break
            earlier = instances[-1]
            year = min(year + rng.choice((0, 1, 1)), _YEARS[-1])
            if step == 1:
                code, name, proc, level = court.appeal_code, court.appeal_name_zh, appeal_proc, "二审"
            else:
                code, name, proc, level = court.high_code, court.high_name_zh, "民再", "再审"
            disposition, later_facts, later = self._review(earlier, criminal)
            instances.append(Instance(self.case_number(year, code, proc), name, level, later_facts, later,
                                      self._applies(later), relies_on, platform, role,
                                      appeal_of=earlier.case_number, disposition=disposition))
        return instances

    def _applies(self, decision: Decision) -> list[str]:
        if decision.rule is None or not decision.rule.articles or self.rng.random() >= 0.3:
            return []
        articles = list(decision.rule.articles)
        return sorted(self.rng.sample(articles, min(len(articles), self.rng.randint(1, 2))))

    def _review(self, earlier: Instance, criminal: bool) -> tuple[str, list[str], Decision]:
        """The disposition of a later instance and what it held (consistent with the disposition)."""
        roll = self.rng.random()
        before = {(h.form, h.party, h.share) for h in earlier.decision.held}
        if roll < 0.6 or criminal:
            return AFFIRMED, list(earlier.facts), Decision(list(earlier.decision.held), earlier.decision.rule, AFFIRMED)
        if roll < 0.85:
            facts = sorted(set(earlier.facts) | set(self._marginal(1)), key=self.fact_index.__getitem__)
            for _ in range(4):
                later = self.decide(facts)
                if later.held and {(h.form, h.party, h.share) for h in later.held} != before:
                    return MODIFIED, facts, later
            form = self.rng.choice([f for f in _NOISE_FORMS if (f, "platform", None) not in before
                                    and f != "no-liability"])
            return MODIFIED, facts, Decision(self._parties(form, frozenset(facts)), None, "modified on appeal")
        liable = any(h.form != "no-liability" for h in earlier.decision.held)
        if liable:
            facts = [f for f in earlier.facts if f != "qualification-review-failed"]
            if "formal-review-done" in self.fact_index:
                facts = sorted({*facts, "formal-review-done"}, key=self.fact_index.__getitem__)
            return REVERSED, facts, Decision([Held("no-liability", "platform")], None, "reversed on appeal")
        rule = self.rng.choice(self.seed_rules)
        facts = sorted(set(earlier.facts) | set(rule.requires), key=self.fact_index.__getitem__)
        later = self.decide(facts)
        if not later.held or all(h.form == "no-liability" for h in later.held):
            form = self.rng.choice([f for f in rule.forms if f not in _NOT_CIVIL] or ["supplementary"])
            later = Decision(self._parties(form, frozenset(facts)), rule, "reversed on appeal")
        return REVERSED, facts, later

    def instances(self, count: int) -> Iterator[list[Instance]]:
        """Disputes until ``count`` instances have been drawn."""
        left = count
        while left > 0:
            dispute = self.dispute(left)
            left -= len(dispute)
            yield dispute


# ------------------------------------------------------------------------------------ writing

_CRIMINAL_KIND = ("拒不履行信息网络安全管理义务", "a refusal to perform information-network security duties")
_DISPUTE_KIND = (
    ("food-product", "网络购物合同", "an online food purchase"),
    ("transport-service", "运输合同", "a transport service booked online"),
    ("accommodation-service", "服务合同", "accommodation booked online"),
    ("live-streaming", "网络直播购物", "a live-streaming sale"),
    ("offline-harm", "违反安全保障义务责任", "harm suffered offline after an online transaction"),
)


def _kind(facts: Sequence[str], criminal: bool) -> tuple[str, str]:
    if criminal:
        return _CRIMINAL_KIND
    for fact, zh, en in _DISPUTE_KIND:
        if fact in facts:
            return zh, en
    return "产品责任", "a product bought on a platform"


_LEVEL_EN = {"一审": "first-instance", "二审": "appeal", "再审": "retrial"}


_PLAIN_SAFE = re.compile(r'^[^"\\\x00-\x1f\x7f]*$')


def _q(value: Any) -> str:
    """A YAML scalar or flow collection (JSON is valid YAML here: no tabs, no special floats).

    >>> _q("(2020)京01民终1号"), _q(["a", "b"]), _q(None), _q(0.35)
    ('"(2020)京01民终1号"', '["a", "b"]', 'null', '0.35')
    """
    if isinstance(value, str) and _PLAIN_SAFE.match(value):
        return f'"{value}"'
    if isinstance(value, list) and all(isinstance(v, str) and _PLAIN_SAFE.match(v) for v in value):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _held_text(held: Sequence[Held]) -> str:
    return "; ".join(f"{h.party}: {h.form}" + (f" {h.share:.0%}" if h.share is not None else "") for h in held)


def render_instance(inst: Instance, dispute: int, seed: int) -> str:
    """One YAML document (without the ``---`` separator) for a synthetic instance."""
    criminal = "刑" in inst.case_number
    kind_zh, kind_en = _kind(inst.facts, criminal)
    who = inst.platform[1] if inst.platform else "某电商平台"
    suffix = "罪案" if criminal else "纠纷案"
    name = f"{SYNTHETIC_PREFIX}{who}{kind_zh}{suffix}（{inst.level_zh}）"
    decision = inst.decision
    if decision.held:
        basis = (f" following rule {decision.rule.id} ({decision.rule.framework})"
                 if decision.rule and decision.note in ("rule", AFFIRMED) else f" ({decision.note})")
        holding = f"The court held {_held_text(decision.held)},{basis}."
        outcome = f"Held: {_held_text(decision.held)}."
    else:
        holding = "The synthetic judgment's holding is not recorded."
        outcome = "Outcome not recorded."
    summary = (f"Synthetic {_LEVEL_EN[inst.level_zh]} instance of dispute {dispute} (seed {seed}) about {kind_en}; "
               f"facts: {', '.join(inst.facts)}.")
    lines = [
        f"case_number: {_q(inst.case_number)}",
        f"name_zh: {_q(name)}",
        f"court_name_zh: {_q(inst.court_name_zh)}",
        f"summary_en: {_q(summary)}",
        f"holding_en: {_q(holding)}",
        f"outcome_en: {_q(outcome)}",
        f"facts: {_q(inst.facts)}",
    ]
    if inst.applies:
        lines.append(f"applies: {_q(inst.applies)}")
    if inst.relies_on:
        lines.append(f"relies_on: {_q(inst.relies_on)}")
    if decision.held:
        lines.append("held:")
        lines.extend(f"  - {{form: {h.form}, party: {h.party}, share: {_q(h.share)}}}" for h in decision.held)
    else:
        lines.append("held: []")
    if inst.appeal_of:
        lines.append(f"appeal_of: {{case: {_q(inst.appeal_of)}, disposition: {inst.disposition}}}")
    if inst.platform:
        lines.append(f"platforms: [{{platform: {_q(inst.platform[0])}, role: {inst.role}}}]")
    lines.append(f"discussed_by: [{{publication: {SYNTHETIC_PUBLICATION}, section: {_q(str(dispute))}}}]")
    if not decision.held:
        lines.append('vagueness_en: "Synthetic noise: this instance records no holding."')
    lines.append(f"sources: [{_q(f'{SYNTHETIC_PUBLICATION}#{dispute}')}]")
    return "\n".join(lines) + "\n"


@dataclass
class SynthReport:
    """What :func:`synthesize` wrote."""

    out: Path
    seed: int
    cases: int
    disputes: int
    files: list[Path]
    appeals: int
    fact_counts: dict[str, int]
    held_forms: dict[str, int]
    split_decisions: int
    unreported: int

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON (also ``synth.json``, which leaves out the folder so that it is reproducible)."""
        return {"out": str(self.out), "seed": self.seed, "cases": self.cases, "disputes": self.disputes,
                "files": [p.name for p in self.files], "appeals": self.appeals,
                "fact_counts": self.fact_counts, "held_forms": self.held_forms,
                "split_decisions": self.split_decisions, "unreported": self.unreported,
                "generator_version": GENERATOR_VERSION}


def _prepare(out: Path, source: Path) -> None:
    out = out.resolve()
    if out == source.resolve() or source.resolve() in out.parents:
        raise SynthError(f"refusing to write a synthetic corpus into the source data folder {source}")
    if out.exists() and any(out.iterdir()) and not (out / MANIFEST).exists():
        raise SynthError(f"{out} exists and is not a synthetic corpus (no {MANIFEST}); choose an empty folder")
    if out.exists():
        for name in ("statutes", "knowledge", "cases"):
            shutil.rmtree(out / name, ignore_errors=True)
        for name in ("publications.yaml", MANIFEST):
            (out / name).unlink(missing_ok=True)
    out.mkdir(parents=True, exist_ok=True)


def _publications(source: Path, seed: int, cases: int) -> str:
    data = yaml.safe_load((source / "publications.yaml").read_text(encoding="utf-8"))
    data.setdefault("publications", []).append({
        "id": SYNTHETIC_PUBLICATION,
        "title_zh": f"{SYNTHETIC_PREFIX}lawgraph 合成判例语料（种子 {seed}，{cases} 件）",
        "title_en": f"[synthetic] lawgraph synthetic case corpus (seed {seed}, {cases} instances)",
        "authors": [],
        "year": None,
        "venue": None,
        "file": None,
        "cites": [],
        "sources": [f"{SYNTHETIC_PUBLICATION}#corpus"],
        "notes_en": "Not real judgments: cases generated by `lawgraph synth` for scale tests. Every synthetic "
                    "case cites this entry (synthetic#<dispute>) and its name_zh starts with 【合成】.",
    })
    header = (f"# Generated by `lawgraph synth --seed {seed} --cases {cases}`: the real publications plus the\n"
              f"# `{SYNTHETIC_PUBLICATION}` entry that every synthetic case cites. Do not edit.\n")
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def synthesize(cases: int, seed: int, out: Path, source: Path, cases_per_file: int = CASES_PER_FILE,
               profile: Profile | None = None) -> SynthReport:
    """Write a data folder with the real data and ``cases`` synthetic instances to ``out``.

    Parameters
    ----------
    cases : int
        Number of synthetic instances (Case nodes) to write.
    seed : int
        Seed of the random source: the same seed gives byte-identical files.
    out : Path
        Output folder; created, or replaced if it holds an earlier synthetic corpus.
    source : Path
        The real data folder (statutes, knowledge, cases, publications.yaml).
    cases_per_file : int
        Instances per ``cases/synthetic-NNNN.yaml`` (a dispute is never split across files).
    profile : Profile, optional
        A profile already learnt from ``source`` (saves one build of the real data).

    Returns
    -------
    SynthReport
        Counts of what was written; also saved as ``out/synth.json``.
    """
    if cases < 0:
        raise SynthError("--cases must be 0 or more")
    source = Path(source)
    out = Path(out)
    if profile is None:
        profile = learn_profile(build_graph(source).graph)
    _prepare(out, source)
    shutil.copytree(source / "statutes", out / "statutes")
    shutil.copytree(source / "knowledge", out / "knowledge")
    shutil.copytree(source / "cases", out / "cases")
    (out / "publications.yaml").write_text(_publications(source, seed, cases), encoding="utf-8")

    generator = Generator(profile, seed)
    files: list[Path] = []
    fact_counts: Counter[str] = Counter()
    held_forms: Counter[str] = Counter()
    appeals = splits = unreported = disputes = written = 0
    buffer: list[str] = []
    in_file = 0

    def flush() -> None:
        nonlocal buffer, in_file
        if not buffer:
            return
        path = out / "cases" / f"synthetic-{len(files) + 1:04d}.yaml"
        header = (f"# Synthetic cases (lawgraph synth, seed {seed}, generator v{GENERATOR_VERSION}): "
                  f"NOT real judgments.\n")
        path.write_text(header + "---\n".join(buffer), encoding="utf-8")
        files.append(path)
        buffer, in_file = [], 0

    for dispute in generator.instances(cases):
        disputes += 1
        if in_file and in_file + len(dispute) > cases_per_file:
            flush()
        for inst in dispute:
            buffer.append(render_instance(inst, disputes, seed))
            in_file += 1
            written += 1
            fact_counts.update(inst.facts)
            held_forms.update(h.form for h in inst.decision.held)
            appeals += inst.appeal_of is not None
            splits += inst.decision.note == "split decision"
            unreported += not inst.decision.held
    flush()
    report = SynthReport(out, seed, written, disputes, files, appeals, dict(sorted(fact_counts.items())),
                         dict(sorted(held_forms.items())), splits, unreported)
    manifest = {k: v for k, v in report.to_dict().items() if k != "out"}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return report
