#!/usr/bin/env python3
"""Reference solver for MinCostAssignment (Sources/OpstapDomain/Allocation).

Usage: .venv/bin/python scripts/lsap_reference.py INSTANCE_FILE

INSTANCE_FILE: first line "rows columns", then `rows` lines of `columns` space-separated
integers (row-major costs). Solves it with scipy.optimize.linear_sum_assignment on an int64
matrix and prints exactly one line of JSON:
    {"seconds": <solve time only>, "cost": <integer total>, "pairs": <number of pairs>}
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def read_instance(path):
    with open(path, "rb") as f:
        header = f.readline().split()
        if len(header) != 2:
            raise SystemExit(f"{path}: first line must be 'rows columns'")
        rows, columns = int(header[0]), int(header[1])
        body = f.read().decode("ascii")
    # np.loadtxt is far too slow for millions of cells; fromstring parses in C.
    # A separator of " " matches any run of whitespace, newlines included.
    values = np.fromstring(body, dtype=np.int64, sep=" ") if body.strip() else np.empty(0, np.int64)
    if values.size != rows * columns:
        raise SystemExit(f"{path}: expected {rows * columns} costs, found {values.size}")
    return values.reshape(rows, columns)


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: lsap_reference.py INSTANCE_FILE")
    cost = read_instance(sys.argv[1])
    start = time.perf_counter()
    row_ind, col_ind = linear_sum_assignment(cost)
    seconds = time.perf_counter() - start
    total = int(cost[row_ind, col_ind].sum())
    print(json.dumps({"seconds": seconds, "cost": total, "pairs": int(len(row_ind))}))


if __name__ == "__main__":
    main()
