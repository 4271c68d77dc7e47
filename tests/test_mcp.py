"""`lawgraph mcp` driven by the MCP SDK's own stdio client: the server runs as a subprocess on a fresh
LAWGRAPH_HOME (its first read builds the embedded store), and every answer below is a real answer."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from mcp import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

REPO = Path(__file__).resolve().parent.parent
TOOLS = {"outcomes", "facts", "article", "case", "similar_cases", "cypher", "schema"}
FOOD = ["food-product", "platform-knew-or-should-have-known", "no-necessary-measures"]
JOINT_RULES = {"ecl-38-1-joint", "crpl-44-2-joint", "cc-1197-knew-joint", "fsl-131-1-no-stop-joint"}
WRITE = "CREATE (n:X) RETURN n"


@dataclass
class Call:
    """One tool call and what came back: the error flag, the text and the structured answer."""

    tool: str
    arguments: dict[str, Any]
    is_error: bool
    text: str
    answer: dict[str, Any] | None


@dataclass
class Exchange:
    tools: dict[str, dict[str, Any]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    resources: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    schema_doc: str = ""
    query_text: str = ""
    calls: list[Call] = field(default_factory=list)

    def call(self, tool: str) -> Call:
        return next(c for c in self.calls if c.tool == tool)


#: the calls the exchange makes, in order (tests pick them by tool and arguments)
CALLS: list[tuple[str, dict[str, Any]]] = [
    ("outcomes", {"facts": FOOD}),
    ("cypher", {"query": WRITE}),
    ("outcomes", {"facts": ["food-product", "no-such-fact"]}),
    ("article", {"id": "ECL:38"}),
    ("article", {"id": "ECL:9999"}),
    ("similar_cases", {"facts": FOOD, "limit": 3}),
    ("cypher", {"query": "MATCH (r:Rule {id: $id}) RETURN r.id AS id, r.sources AS sources", "params":
                {"id": "ecl-38-1-joint"}}),
    ("facts", {}),
    ("schema", {}),
    ("outcomes", {"facts": []}),
    ("outcomes", {"facts": FOOD, "framework": "no-such-framework"}),
    ("outcomes", {"facts": FOOD, "framework": "statutory-ecl"}),
    ("article", {"id": "FSL:124", "date": "2022-06-01"}),
    ("article", {"id": "FSL:124", "date": "2026-01-01"}),
    ("article", {"id": "TLL:36", "date": "2021-06-01"}),
    ("article", {"id": "ECL:38", "date": "2020-01-01"}),
    ("article", {"id": "ECL:38", "date": "1/1/2020"}),
    ("cypher", {"query": "MATCH (n) RETURN m"}),
]


def server_parameters(home: Path) -> StdioServerParameters:
    return StdioServerParameters(command=sys.executable, args=["-m", "lawgraph", "mcp"], cwd=str(REPO),
                                 env={"LAWGRAPH_HOME": str(home)})


async def exchange(home: Path, calls: list[tuple[str, dict[str, Any]]] = CALLS,
                   then: list[tuple[str, str]] | None = None) -> Exchange:
    """One client session against `lawgraph mcp`: list tools and resources, read two resources, make ``calls``
    and then, with an id taken from an answer (``then``: a tool and the answer key holding a case id), more."""
    seen = Exchange()
    async with stdio_client(server_parameters(home)) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        for tool in (await session.list_tools()).tools:
            seen.tools[tool.name] = tool.input_schema
            seen.descriptions[tool.name] = tool.description or ""
        seen.resources = [str(r.uri) for r in (await session.list_resources()).resources]
        seen.templates = [t.uri_template for t in (await session.list_resource_templates()).resource_templates]
        seen.schema_doc = (await session.read_resource("lawgraph://docs/schema.md")).contents[0].text
        seen.query_text = (await session.read_resource("lawgraph://queries/article")).contents[0].text
        for tool, arguments in calls:
            result = await session.call_tool(tool, arguments)
            text = "\n".join(c.text for c in result.content if getattr(c, "text", None))
            seen.calls.append(Call(tool, arguments, bool(result.is_error), text, result.structured_content))
        similar = seen.call("similar_cases").answer
        if similar and similar["cases"]:
            case_id = similar["cases"][0]["case"]
            result = await session.call_tool("case", {"id": case_id})
            text = "\n".join(c.text for c in result.content if getattr(c, "text", None))
            seen.calls.append(Call("case", {"id": case_id}, bool(result.is_error), text, result.structured_content))
    return seen


def processes_in(home: Path) -> list[int]:
    """Processes working in ``home`` (the embedded store's server runs in ``home/embedded``)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and Path(os.readlink(entry / "cwd")).is_relative_to(home):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def gone(home: Path, seconds: float = 10) -> bool:
    """Whether every process working in ``home`` has ended (within ``seconds``)."""
    deadline = time.monotonic() + seconds
    while processes_in(home):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mcp-home")


@pytest.fixture(scope="module")
def seen(home: Path) -> Exchange:
    return asyncio.run(exchange(home))


def test_the_store_server_ends_with_the_session(seen: Exchange, home: Path) -> None:
    assert (home / "embedded").is_dir()  # the first read built the store here
    assert gone(home), processes_in(home)


def called(seen: Exchange, tool: str, arguments: dict[str, Any]) -> Call:
    return next(c for c in seen.calls if c.tool == tool and c.arguments == arguments)


def test_lists_the_seven_tools_each_with_an_input_schema(seen: Exchange) -> None:
    assert set(seen.tools) == TOOLS
    for name, schema in seen.tools.items():
        assert schema["type"] == "object", name
        assert len(seen.descriptions[name]) > 80, name
    assert seen.tools["outcomes"]["required"] == ["facts"]
    assert seen.tools["outcomes"]["properties"]["facts"]["type"] == "array"
    assert "framework" in seen.tools["outcomes"]["properties"]
    assert seen.tools["cypher"]["required"] == ["query"]
    assert "date" in seen.tools["article"]["properties"] and "in_force_on" in seen.descriptions["article"]


def test_outcomes_for_the_food_pattern_gives_the_joint_rules_with_sources(seen: Exchange) -> None:
    call = called(seen, "outcomes", {"facts": FOOD})
    assert not call.is_error and call.answer is not None
    applying = {r["id"]: r for r in call.answer["rules"] if r["status"] == "fires"}
    assert set(applying) >= JOINT_RULES
    for rule_id in JOINT_RULES:
        assert "joint-several" in {o["id"] for o in applying[rule_id]["outcomes"]}, rule_id
        assert applying[rule_id]["sources"], rule_id
    assert "statute:ECL#art-38" in call.answer["sources"]
    assert call.answer["cases"] and all("score" in c and c["reasons"] for c in call.answer["cases"])


def test_outcomes_for_one_framework(seen: Exchange) -> None:
    answer = called(seen, "outcomes", {"facts": FOOD, "framework": "statutory-ecl"}).answer
    assert answer is not None and answer["framework"] == "statutory-ecl"
    assert answer["rules"] and {r["framework"] for r in answer["rules"]} == {"statutory-ecl"}
    assert "ecl-38-1-joint" in {r["id"] for r in answer["rules"] if r["status"] == "fires"}


def test_a_write_is_refused(seen: Exchange) -> None:
    call = called(seen, "cypher", {"query": WRITE})
    assert call.is_error
    assert call.text.endswith(": refused: CREATE is not a read-only clause lawgraph allows (it writes)")


def test_a_query_the_engine_rejects_is_explained(seen: Exchange) -> None:
    call = called(seen, "cypher", {"query": "MATCH (n) RETURN m"})
    assert call.is_error and call.text.endswith(": variable 'm' is not defined")


def test_an_unknown_fact_is_an_error_naming_it(seen: Exchange) -> None:
    call = called(seen, "outcomes", {"facts": ["food-product", "no-such-fact"]})
    assert call.is_error and "no-such-fact" in call.text and "Traceback" not in call.text


def test_bad_input_names_the_field(seen: Exchange) -> None:
    call = called(seen, "outcomes", {"facts": []})
    assert call.is_error and "facts" in call.text
    framework = called(seen, "outcomes", {"facts": FOOD, "framework": "no-such-framework"})
    assert framework.is_error and "unknown framework 'no-such-framework'" in framework.text
    unknown = called(seen, "article", {"id": "ECL:9999"})
    assert unknown.is_error and "ECL:9999" in unknown.text


def test_article_has_its_text_and_source(seen: Exchange) -> None:
    answer = called(seen, "article", {"id": "ECL:38"}).answer
    assert answer is not None
    assert answer["id"] == "ECL:38" and answer["law"] == "ECL" and "电子商务平台经营者" in answer["text_zh"]
    assert answer["sources"] == ["statute:ECL#art-38"]


def test_article_at_a_date(seen: Exchange) -> None:
    """The text in force on a date: FSL 124's 2021 text in 2022 (not certain: no printed effective date; the
    2025 text differs), no choice in 2026 (the 2025 text prints no effective date), TLL repealed by the Civil
    Code, ECL's one text in force."""
    in_2022 = called(seen, "article", {"id": "FSL:124", "date": "2022-06-01"}).answer
    in_2026 = called(seen, "article", {"id": "FSL:124", "date": "2026-01-01"}).answer
    assert in_2022 is not None and in_2026 is not None
    assert in_2022["in_force_on"]["status"] == "in-force" and in_2022["in_force_on"]["version"] == "FSL@2021"
    assert in_2022["in_force_on"]["certain"] is False
    assert in_2022["text_zh"] and in_2022["text_zh"] != in_2022["current_text_zh"]
    assert in_2026["in_force_on"]["status"] == "version-undecided" and in_2026["text_zh"] is None
    texts = {v["version"]: v["text_zh"] for v in in_2026["version_texts"]}
    assert texts == {"FSL@2021": in_2022["text_zh"], "FSL@2025": in_2022["current_text_zh"]}
    repealed = called(seen, "article", {"id": "TLL:36", "date": "2021-06-01"}).answer
    assert repealed is not None and repealed["in_force_on"]["status"] == "repealed"
    assert repealed["in_force_on"]["successor"] == "CC" and repealed["text_zh"] is None
    ecl = called(seen, "article", {"id": "ECL:38", "date": "2020-01-01"}).answer
    assert ecl is not None and ecl["in_force_on"]["version"] == "ECL@2018" and ecl["in_force_on"]["certain"]
    assert ecl["text_zh"] == ecl["current_text_zh"] and ecl["sources"] == ["statute:ECL#art-38"]
    bad = called(seen, "article", {"id": "ECL:38", "date": "1/1/2020"})
    assert bad.is_error and "'1/1/2020'" in bad.text


def test_similar_cases_and_case_carry_sources(seen: Exchange) -> None:
    similar = called(seen, "similar_cases", {"facts": FOOD, "limit": 3}).answer
    assert similar is not None and len(similar["cases"]) == 3
    outcomes = called(seen, "outcomes", {"facts": FOOD}).answer
    assert outcomes is not None
    assert [c["case"] for c in similar["cases"]] == [c["case"] for c in outcomes["cases"][:3]]
    assert all(c["sources"] and c["reasons"]["shared"] for c in similar["cases"])
    first = similar["cases"][0]
    case = seen.calls[-1]
    assert case.tool == "case" and case.arguments == {"id": first["case"]} and not case.is_error
    assert case.answer is not None and case.answer["case"] == first["case"]
    assert case.answer["sources"] == first["sources"]
    assert {(h["party"], h["form"]) for h in case.answer["held"]} == {(h["party"], h["form"]) for h in first["held"]}


def test_cypher_reads_and_facts_and_schema(seen: Exchange) -> None:
    read = seen.calls[CALLS.index(("cypher", CALLS[6][1]))].answer
    assert read is not None and read["columns"] == ["id", "sources"]
    assert read["rows"][0]["id"] == "ecl-38-1-joint" and read["rows"][0]["sources"]
    assert read["truncated"] is False
    facts = called(seen, "facts", {}).answer
    assert facts is not None
    by_id = {f["id"]: f for g in facts["groups"] for f in g["facts"]}
    assert set(FOOD) <= set(by_id) and by_id["food-product"]["name_zh"]
    assert {g["group"] for g in facts["groups"]} >= {"knowledge", "product-risk"} and facts["sources"]
    schema = called(seen, "schema", {}).answer
    assert schema is not None and "Case" in schema["labels"] and schema["relationships"]["HELD"]["to"] == [
        "LiabilityForm"]


def test_resources(seen: Exchange) -> None:
    assert {"lawgraph://docs/schema.md", "lawgraph://queries"} <= set(seen.resources)
    assert "lawgraph://queries/{name}" in seen.templates
    assert seen.schema_doc == (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    assert seen.query_text == (REPO / "queries" / "cypher" / "article.cypher").read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_http_serves_on_localhost(tmp_path: Path) -> None:
    """`lawgraph mcp --http`: streamable HTTP on 127.0.0.1 only, the same tools."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "lawgraph", "mcp", "--http", "--port", str(port)], cwd=REPO,
                              env={**{k: v for k, v in os.environ.items() if not k.startswith(("LAWGRAPH_", "NEO4J_"))},
                                   "LAWGRAPH_HOME": str(tmp_path)}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert server.poll() is None, server.communicate()[1]
                assert time.monotonic() < deadline, "the server did not listen within 60 s"
                time.sleep(0.2)

        async def ask() -> tuple[set[str], bool, str]:
            async with streamable_http_client(f"http://127.0.0.1:{port}/mcp") as (read, write), \
                    ClientSession(read, write) as session:
                await session.initialize()
                names = {tool.name for tool in (await session.list_tools()).tools}
                result = await session.call_tool("cypher", {"query": "MATCH (n:Fact {id: $id}) RETURN n.id AS id",
                                                            "params": {"id": "food-product"}})
                return names, bool(result.is_error), json.dumps(result.structured_content)

        names, is_error, answer = asyncio.run(ask())
        assert names == TOOLS and not is_error and json.loads(answer)["rows"] == [{"id": "food-product"}], answer
        listening = [c for c in listening_sockets(server.pid) if c[1] == port]
        assert listening and {host for host, _ in listening} == {"127.0.0.1"}
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert gone(tmp_path), f"left running after SIGTERM: {processes_in(tmp_path)}"


def listening_sockets(pid: int) -> list[tuple[str, int]]:
    """The (host, port) a process listens on, read from /proc (its sockets' inodes in /proc/net/tcp*)."""
    inodes = {os.readlink(f"/proc/{pid}/fd/{fd}")[8:-1] for fd in os.listdir(f"/proc/{pid}/fd")
              if os.readlink(f"/proc/{pid}/fd/{fd}").startswith("socket:[")}
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                host_hex, port_hex = fields[1].split(":")
                host = socket.inet_ntop(socket.AF_INET, bytes.fromhex(host_hex)[::-1]) if width == 8 else host_hex
                found.append((host, int(port_hex, 16)))
    return found


if __name__ == "__main__":  # the transcript of docs/mcp.md: `.venv/bin/python tests/test_mcp.py HOME`
    result = asyncio.run(exchange(Path(sys.argv[1])))
    print("tools:", sorted(result.tools))
    print("resources:", result.resources, result.templates)
    for c in result.calls:
        print(f"\n>>> call_tool({c.tool!r}, {json.dumps(c.arguments, ensure_ascii=False)})")
        print(f"isError={c.is_error}")
        print(c.text if c.is_error else json.dumps(c.answer, ensure_ascii=False, indent=1))
