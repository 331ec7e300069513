"""Regenerates every parity fixture: python3 test/parity/gen/generate.py [area ...]"""
import importlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import Cases  # noqa: E402

OUT = os.path.join(HERE, "..", "fixtures")


def main():
    wanted = set(sys.argv[1:])
    total = 0
    for name in sorted(os.listdir(HERE)):
        if not (name.startswith("cases_") and name.endswith(".py")):
            continue
        area = name[len("cases_"):-3]
        if wanted and area not in wanted:
            continue
        mod = importlib.import_module(name[:-3])
        c = Cases(area)
        mod.cases(c)
        c.dump(os.path.join(OUT, f"{area}.json"))
        print(f"{area}: {len(c.items)} cases")
        total += len(c.items)
    print(f"total: {total} cases")


if __name__ == "__main__":
    main()
