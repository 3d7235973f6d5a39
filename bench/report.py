#!/usr/bin/env python3
"""The figures of bench/run.sh.

  report.py pgbench DIR PREFIX      percentiles of pgbench's per-transaction logs, as JSON
  report.py summary OUT SHAPES_DIR  OUT/summary.json and OUT/summary.md from a run's raw outputs
  report.py readme SUMMARY README   replace README's "Latest report" section with SUMMARY
"""
import glob
import json
import os
import re
import sys
from collections import Counter

PEERS = ("ours", "postgraphile")


def percentile(sorted_values, p):
    """Nearest-rank percentile (as wrk and HdrHistogram report them)."""
    if not sorted_values:
        return None
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def pgbench(directory, prefix):
    # Log lines: client_id transaction_no time_us script_no epoch epoch_us
    latencies = []
    for path in glob.glob(os.path.join(directory, prefix + ".log*")):
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and parts[2].isdigit():
                    latencies.append(int(parts[2]))
    latencies.sort()
    text = open(os.path.join(directory, prefix + ".txt")).read()
    tps = re.search(r"tps = ([0-9.]+) \(without initial connection time\)", text)
    failed = re.search(r"number of failed transactions: (\d+)", text)
    out = {
        "transactions": len(latencies),
        "rps": float(tps.group(1)) if tps else None,
        "p50_us": percentile(latencies, 50),
        "p95_us": percentile(latencies, 95),
        "p99_us": percentile(latencies, 99),
        "failed": int(failed.group(1)) if failed else None,
    }
    print(json.dumps(out))


def list_signature(value, depth=0, counts=None):
    """How many rows (objects in lists) sit at each depth of list nesting: the same rows give the
    same signature whatever the dialect names its fields."""
    if counts is None:
        counts = Counter()
    if isinstance(value, list):
        # Rows are objects; a list of scalars (PostGraphile's group `keys`) is a value.
        rows = sum(isinstance(item, dict) for item in value)
        if rows:
            counts[depth + 1] += rows
        for item in value:
            list_signature(item, depth + 1, counts)
    elif isinstance(value, dict):
        for item in value.values():
            list_signature(item, depth, counts)
    return counts


def load_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def shape_title(shapes_dir, shape):
    with open(os.path.join(shapes_dir, shape + ".graphql")) as f:
        first = f.readline().strip()
    return first.lstrip("# ").strip()


def statements_db_ms(path, requests):
    """Database execution time per request: top-level statements' total time over requests."""
    if not requests or not os.path.exists(path):
        return None
    total = 0.0
    with open(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[1] == "t":
                total += float(parts[2])
    return total / requests


def cpu_figures(path, requests):
    """Server and PostgreSQL CPU per request, and the share of the machine that processes outside
    the benchmark used meanwhile (others' builds and tests make a run noisy)."""
    cpu = load_json(path)
    if not cpu or not requests:
        return {}
    tck = cpu["clk_tck"]
    (busy0, total0, srv0, pg0), (busy1, total1, srv1, pg1) = cpu["before"], cpu["after"]
    server, pg, client = srv1 - srv0, pg1 - pg0, cpu["client_s"] * tck
    total = max(total1 - total0, 1)
    return {
        "server_cpu_ms_per_request": server / tck * 1000 / requests,
        "pg_cpu_ms_per_request": pg / tck * 1000 / requests,
        "other_load_pct": max(0.0, (busy1 - busy0) - server - pg - client) / total * 100,
    }


def log_summary(path):
    """Warnings and errors a server logged during the run, counted by message."""
    counts = Counter()
    if os.path.exists(path):
        with open(path, errors="replace") as f:
            for line in f:
                if not re.search(r"\b(WARN|ERROR|Error|error)\b", line):
                    continue
                line = re.sub(r"^\S*\d{4}-\d\d-\d\dT[0-9:.]+Z\s*", "", line.strip())
                line = re.sub(r"(elapsed|elapsed_secs|rows_affected|rows_returned)=\S+", r"\1=…", line)
                counts[line[:160]] += 1
    return dict(counts.most_common(8))


def summary(out, shapes_dir):
    meta = load_json(os.path.join(out, "meta.json")) or {}
    shapes = [s for s in meta.get("shapes", "").split(",") if s]
    result = {"meta": meta, "shapes": {}, "out": out}
    for shape in shapes:
        entry = {"title": shape_title(shapes_dir, shape)}
        signatures = {}
        for peer in PEERS:
            figures = load_json(os.path.join(out, "wrk", f"{shape}.{peer}.json"))
            if figures is None:
                continue
            stmts = load_json(os.path.join(out, "statements", f"{shape}.{peer}.json")) or {}
            rss_path = os.path.join(out, "wrk", f"{shape}.{peer}.rss")
            rss, hwm = (open(rss_path).read().split() + [None, None])[:2] if os.path.exists(rss_path) else (None, None)
            samples = (stmts.get("samples") or 0) - (stmts.get("failed") or 0)
            figures["sample_failures"] = stmts.get("failed") or 0
            figures.update(
                {
                    "statements_per_request": stmts.get("toplevel", 0) / samples if samples else None,
                    "nested_statements_per_request": stmts.get("nested", 0) / samples if samples else None,
                    "db_ms_per_request": statements_db_ms(
                        os.path.join(out, "statements", f"{shape}.{peer}.timed.tsv"), figures.get("requests")
                    ),
                    "rss_mib": int(rss) / 1024 if rss else None,
                    "hwm_mib": int(hwm) / 1024 if hwm else None,
                }
            )
            leaked_path = os.path.join(out, "wrk", f"{shape}.{peer}.leaked")
            if os.path.exists(leaked_path):
                figures["idle_in_transaction_after"] = int(open(leaked_path).read().strip() or 0)
            figures.update(cpu_figures(os.path.join(out, "wrk", f"{shape}.{peer}.cpu.json"), figures.get("requests")))
            entry[peer] = figures
            response = load_json(os.path.join(out, "responses", f"{shape}.{peer}.json"))
            if response is not None:
                if response.get("errors"):
                    figures["response_error"] = json.dumps(response["errors"])[:300]
                signatures[peer] = dict(sorted(list_signature(response.get("data")).items()))
        for variant in ("raw", "raw_rls"):
            figures = load_json(os.path.join(out, "pgbench", f"{shape}.{variant}.json"))
            if figures is not None:
                figures.update(
                    cpu_figures(os.path.join(out, "pgbench", f"{shape}.{variant}.cpu.json"), figures.get("transactions"))
                )
                entry[variant] = figures
        raw_response = load_json(os.path.join(out, "responses", f"{shape}.raw.json"))
        if raw_response is not None:
            signatures["raw"] = dict(sorted(list_signature(raw_response).items()))
        entry["signatures"] = {k: {str(d): n for d, n in v.items()} for k, v in signatures.items()}
        entry["results_agree"] = len({json.dumps(v) for v in entry["signatures"].values()}) == 1
        ours, pgl, raw = entry.get("ours"), entry.get("postgraphile"), entry.get("raw")
        if ours and pgl and pgl.get("rps"):
            entry["ours_over_postgraphile_rps"] = ours["rps"] / pgl["rps"]
        if cpu(ours) and cpu(pgl):
            entry["ours_over_postgraphile_cpu"] = cpu(ours) / cpu(pgl)
        if ours and raw and raw.get("p50_us"):
            entry["ours_over_raw_p50"] = ours["p50_us"] / raw["p50_us"]
        result["shapes"][shape] = entry
    result["server_logs"] = {peer: log_summary(os.path.join(out, f"{peer}.log")) for peer in PEERS}
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump({k: v for k, v in result.items() if k != "out"}, f, indent=2)
        f.write("\n")
    with open(os.path.join(out, "summary.md"), "w") as f:
        f.write(markdown(result))


def cpu(figures):
    """Server plus PostgreSQL CPU milliseconds per request: what a request costs the machine."""
    if not figures or figures.get("server_cpu_ms_per_request") is None:
        return None
    return figures["server_cpu_ms_per_request"] + figures["pg_cpu_ms_per_request"]


def ms(us):
    return "–" if us is None else f"{us / 1000:.2f}"


def num(x, fmt="{:.0f}"):
    return "–" if x is None else fmt.format(x)


def markdown(result):
    meta, shapes = result["meta"], result["shapes"]
    lines = []
    w = lines.append
    w(f"**{meta.get('date', '?')}** — `{meta.get('command', 'bench/run.sh')}` at commit `{meta.get('commit', '?')}`  ")
    w(
        f"Machine: {meta.get('cpu', '?')}, {meta.get('cores', '?')} cores, {meta.get('memory_gib', '?')} GiB, "
        f"Linux {meta.get('kernel', '?')}; PostgreSQL {meta.get('postgres', '?')}, rustc {meta.get('rustc', '?')}, "
        + (f"Node {meta.get('node', '?')} (PostGraphile 5.1.5).  " if meta.get("postgraphile") else "PostGraphile not run.  ")
    )
    w(f"Run: {meta.get('args', '')}.  ")
    w(f"Data: {meta.get('seeded_by', '?')}.  ")
    sizes_path = os.path.join(result.get("out", ""), "table-sizes.tsv")
    if os.path.exists(sizes_path):
        sizes = [line.split("\t") for line in open(sizes_path).read().splitlines() if "\t" in line]
        w("Rows: " + ", ".join(f"{t} {int(n):,}" for t, n in sizes) + ".")
    w("")
    w("Headline (req/s: higher is better; p50 in ms and CPU ms per request — the server's plus "
      "PostgreSQL's, the figure least disturbed by other load on the machine — lower is better):")
    w("")
    w("| shape | ours req/s | PostGraphile req/s | raw SQL req/s | **ours ÷ PostGraphile (req/s)** "
      "| ours p50 | PostGraphile p50 | raw p50 | raw+RLS p50 | **ours ÷ raw (p50)** "
      "| CPU ms/req ours | CPU ms/req PostGraphile | ours ÷ PostGraphile (CPU) | same rows |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:--:|")
    for shape, e in shapes.items():
        o, p, r, rr = e.get("ours", {}), e.get("postgraphile", {}), e.get("raw", {}), e.get("raw_rls", {})
        w(
            f"| {shape} | {num(o.get('rps'))} | {num(p.get('rps'))} | {num(r.get('rps'))} "
            f"| **{num(e.get('ours_over_postgraphile_rps'), '{:.2f}')}** "
            f"| {ms(o.get('p50_us'))} | {ms(p.get('p50_us'))} | {ms(r.get('p50_us'))} | {ms(rr.get('p50_us'))} "
            f"| **{num(e.get('ours_over_raw_p50'), '{:.1f}')}** | {num(cpu(o), '{:.2f}')} | {num(cpu(p), '{:.2f}')} "
            f"| {num(e.get('ours_over_postgraphile_cpu'), '{:.2f}')} | {'yes' if e.get('results_agree') else '**NO**'} |"
        )
    w("")
    w("Per peer (latency in ms; statements per request counted by `pg_stat_statements` over "
      "sequential requests — top-level, and in brackets those nested in functions such as the "
      "RLS policies; DB ms/request: top-level execution time during the timed run over its requests; "
      "server and PostgreSQL CPU time per request over the timed run; RSS after the shape, and the "
      "high-water mark; other load: the share of the machine's CPU that processes outside the "
      "benchmark used during the timed run — figures next to a high one are noisy):")
    w("")
    w("| shape | peer | req/s | p50 | p95 | p99 | statements/req | DB ms/req | server CPU ms/req | PG CPU ms/req | RSS / peak MiB | other load | errors |")
    w("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for shape, e in shapes.items():
        for peer in ("ours", "postgraphile", "raw", "raw_rls"):
            f = e.get(peer)
            if not f:
                continue
            name = {"ours": "ours", "postgraphile": "PostGraphile", "raw": "raw SQL", "raw_rls": "raw SQL + RLS"}[peer]
            if peer in PEERS:
                errors = (
                    f.get("non2xx", 0)
                    + f.get("socket_errors", 0)
                    + f.get("timeouts", 0)
                    + f.get("graphql_errors", 0)
                    + f.get("sample_failures", 0)
                )
                if f.get("idle_in_transaction_after"):
                    errors = f"{errors}, {f['idle_in_transaction_after']} idle in tx"
                if f.get("response_error"):
                    errors = f"{errors} ({f['response_error'][:80]}…)"
                stmts = (
                    f"{num(f.get('statements_per_request'), '{:.1f}')} ({num(f.get('nested_statements_per_request'), '{:.0f}')})"
                )
                db = num(f.get("db_ms_per_request"), "{:.2f}")
                mem = f"{num(f.get('rss_mib'))} / {num(f.get('hwm_mib'))}"
            else:
                errors, stmts, db, mem = f.get("failed", 0), "1" if peer == "raw" else "4", "–", "–"
            w(
                f"| {shape} | {name} | {num(f.get('rps'))} | {ms(f.get('p50_us'))} | {ms(f.get('p95_us'))} "
                f"| {ms(f.get('p99_us'))} | {stmts} | {db} | {num(f.get('server_cpu_ms_per_request'), '{:.2f}')} "
                f"| {num(f.get('pg_cpu_ms_per_request'), '{:.2f}')} | {mem} | {num(f.get('other_load_pct'), '{:.0f} %')} | {errors} |"
            )
    if "S6a" in shapes and "S6b" in shapes:
        w("")
        w("S6, the page after row 1,000,000 (S6b) against the first page (S6a):")
        w("")
        w("| peer | first page p50 | deep page p50 | deep ÷ first (p50) | first req/s | deep req/s |")
        w("|---|---:|---:|---:|---:|---:|")
        for peer in ("ours", "postgraphile", "raw"):
            a, b = shapes["S6a"].get(peer), shapes["S6b"].get(peer)
            if a and b and a.get("p50_us"):
                w(
                    f"| {peer} | {ms(a['p50_us'])} | {ms(b['p50_us'])} | {b['p50_us'] / a['p50_us']:.2f} "
                    f"| {num(a.get('rps'))} | {num(b.get('rps'))} |"
                )
    logs = {peer: entries for peer, entries in result.get("server_logs", {}).items() if entries}
    if logs:
        w("")
        w("What the servers logged during the run (warnings and errors, by message):")
        w("")
        for peer, entries in logs.items():
            for message, count in entries.items():
                w(f"- {peer}, {count}×: `{message.replace('`', chr(39))}`")
    w("")
    w("Shapes and sanity check (list elements at each depth of the answer, which must agree):")
    w("")
    for shape, e in shapes.items():
        sig = "; ".join(
            f"{peer} {' '.join(f'{d}:{n}' for d, n in s.items())}" for peer, s in e.get("signatures", {}).items()
        )
        w(f"- **{shape}** {e['title']} — {sig}")
    w("")
    return "\n".join(lines)


def readme(summary_path, readme_path):
    start, end = "<!-- bench:latest:start -->", "<!-- bench:latest:end -->"
    text = open(readme_path).read()
    body = open(summary_path).read().rstrip("\n")
    i, j = text.find(start), text.find(end)
    if i < 0 or j < 0:
        sys.exit(f"{readme_path}: the markers {start} … {end} are missing")
    text = text[: i + len(start)] + "\n" + body + "\n" + text[j:]
    with open(readme_path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "pgbench":
        pgbench(sys.argv[2], sys.argv[3])
    elif command == "summary":
        summary(sys.argv[2], sys.argv[3])
    elif command == "readme":
        readme(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
