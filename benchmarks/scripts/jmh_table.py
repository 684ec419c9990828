#!/usr/bin/env python3
"""Renders JMH's JSON result file as a Markdown table: benchmark, parameters, score +- error, unit, B/op."""
import json
import sys


def fmt(v):
    if v != v:  # NaN
        return "n/a"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:.3g}"


def main(path):
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)
    print("| benchmark | params | mode | score | error (99.9%) | unit | alloc B/op |")
    print("|---|---|---|---:|---:|---|---:|")
    for r in rows:
        name = r["benchmark"].replace("io.nocraven.bench.", "")
        params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
        m = r["primaryMetric"]
        alloc = (r.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
        alloc_s = fmt(alloc["score"]) if alloc else ""
        if r["mode"] == "sample" and m.get("scorePercentiles"):
            p = m["scorePercentiles"]
            score = f"p50 {fmt(p['50.0'])} / p99 {fmt(p['99.0'])} / p99.9 {fmt(p['99.9'])}"
            err = ""
        else:
            score = fmt(m["score"])
            err = fmt(m["scoreError"])
        print(f"| {name} | {params} | {r['mode']} | {score} | {err} | {m['scoreUnit']} | {alloc_s} |")


if __name__ == "__main__":
    main(sys.argv[1])
