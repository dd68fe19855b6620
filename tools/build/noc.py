"""The NOC finder's search asset, static/noc2021.json: a maintainer's step, not a build job
(the build copies the committed file with the rest of static/; a clean clone needs no data
beside it).

    python3 -m tools.build.noc ../shared/data      # reads noc2021.json, noc2021_examples.json

The index it writes (web/noc.py: build_asset) is the 516 unit groups and a normalised
vocabulary with its postings; static/noc2021.PROVENANCE.md says where the data came from,
under which licence, and the source files' sha256 (checked here: a changed source is said).
"""

import hashlib
import json
import sys
from pathlib import Path

from . import common

sys.path.insert(0, str(common.ROOT / "py"))
from web import noc  # noqa: E402

OUT = common.STATIC / "noc2021.json"
SOURCES = ("noc2021.json", "noc2021_examples.json")


def write(data_dir):
    data_dir = Path(data_dir)
    structure = json.loads((data_dir / SOURCES[0]).read_text(encoding="utf-8"))
    examples = json.loads((data_dir / SOURCES[1]).read_text(encoding="utf-8"))
    source = {k: structure["source"][k] for k in (
        "classification", "publisher", "licence", "attribution_en", "attribution_fr",
        "open_data_record")}
    source["files"] = {name: hashlib.sha256((data_dir / name).read_bytes()).hexdigest()
                       for name in SOURCES}
    doc = noc.build_asset(structure["unit_groups"], examples["examples"], source)
    OUT.write_text(noc.dump_asset(doc), encoding="utf-8")
    common.log("%s: %d groups, %d words, %d bytes" % (
        OUT.relative_to(common.ROOT), len(doc["groups"]), len(doc["postings"]),
        OUT.stat().st_size))
    return OUT


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    write(sys.argv[1])
