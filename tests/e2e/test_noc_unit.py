"""web/noc.py under CPython: the NOC 2021 finder's search over the shipped asset
(static/noc2021.json), and the asset against its sources when shared/data is beside the clone."""

import json
from pathlib import Path

import pytest

from web import noc

from .conftest import ROOT

ASSET = ROOT / noc.ASSET
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="module")
def index():
    return noc.Index.from_text(ASSET.read_text(encoding="utf-8"))


def top(index, query, n=3):
    return [g[0] for g in index.search(query)[:n]]


@pytest.mark.parametrize("query, code", [
    ("software engineer", "21231"),        # Software engineers and designers
    ("infirmière", "31301"),               # Registered nurses and registered psychiatric nurses
    ("INFIRMIERE", "31301"),               # case and accents ignored
    ("electrician", "72200"),              # Electricians (except industrial and power system)
    ("électricien", "72200"),
    ("72200", "72200"),
    ("sofware engineer", "21231"),         # one letter missing
    ("electricain", "72200"),              # two letters swapped
    ("infirmeire", "31301"),
    ("plombier", "72300"),
    ("web developer", "21234"),
    ("data scientist", "21211"),
    ("truck driver", "73300"),
    ("cook", "63200"),
])
def test_finds_the_group_among_the_first_three(index, query, code):
    assert code in top(index, query), (query, index.search(query)[:3])


def test_codes_are_checked_against_the_source_titles(index):
    titles = {g[0]: g[2] for g in index.groups}
    assert titles["21231"] == "Software engineers and designers"
    assert titles["31301"] == "Registered nurses and registered psychiatric nurses"
    assert titles["72200"] == "Electricians (except industrial and power system)"
    assert len(index.groups) == 516


def test_an_exact_code_comes_first_then_codes_that_begin_so(index):
    assert top(index, "72200", 8) == ["72200"]
    assert top(index, " 722 ", 8)[:2] == ["72200", "72201"]
    assert all(c.startswith("21") for c in top(index, "21", 8))


def test_the_official_title_ranks_above_example_titles(index):
    # "Computer engineers (except software engineers...)": its "except" words do not count.
    assert top(index, "software engineer", 1) == ["21231"]
    assert top(index, "electrician", 1) == ["72200"]


def test_at_most_eight_and_nothing_for_noise(index):
    assert len(index.search("manager")) == 8
    assert index.search("") == [] and index.search("s") == [] and index.search("and of") == []
    assert index.search("zzzzqqq") == []


def test_normalisation():
    assert noc.words("Infirmiers/infirmières autorisés") == ["infirmier", "infirmiere", "autorise"]
    assert noc.official_words("Electricians (except industrial and power system)") == ["electrician"]
    assert noc.fold("Œuvre") == "oeuvre"


@pytest.mark.skipif(not (SHARED / "noc2021.json").exists(), reason="no shared/data beside the clone")
def test_the_committed_asset_is_made_from_the_shared_data():
    """The maintainer's step (python3 -m tools.build.noc) run again gives the committed file."""
    structure = json.loads((SHARED / "noc2021.json").read_text(encoding="utf-8"))
    examples = json.loads((SHARED / "noc2021_examples.json").read_text(encoding="utf-8"))
    shipped = json.loads(ASSET.read_text(encoding="utf-8"))
    again = noc.build_asset(structure["unit_groups"], examples["examples"], shipped["source"])
    assert noc.dump_asset(again) == ASSET.read_text(encoding="utf-8")
