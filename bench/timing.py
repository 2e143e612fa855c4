#!/usr/bin/env python3
"""Timing helper of bench/run.sh (standard library only).

    python3 bench/timing.py --vault-bin PATH --vaults DIR --today D --rounds R SIZE...

For each SIZE, the vault DIR/SIZE is timed with interleaved rounds: every round runs
each command once, in the same order, so drift (other load, CPU frequency) touches all
commands alike. Before the rounds, every command but the Python baseline runs once
untimed (warm-up), after every file of the vault has been read once (page cache).

The page cache is kept warm by `vmtouch -l` (locks the vault's pages in memory while it
is timed) when vmtouch is installed: some machines reclaim cache pages that were not used
for a few seconds (this project's CI VM runs DAMON, which pages out page cache idle for
~30 s), and then "warm" runs read from disk, ripgrep's included, and the figures swing
by 2×. Without vmtouch, every file is read again before every round instead.
Wall time is measured around the process with a monotonic clock;
peak memory is the "Maximum resident set size" that `/usr/bin/time -v` reports.

The Python baseline is slow, so it runs in at most BENCH_PY_ROUNDS rounds (default: all)
and, within a size, stops being repeated once its runs add up to more than
BENCH_PY_BUDGET seconds (default 60). At 100k notes a run takes ~9 s on 2 cores, so
all 5 default rounds still fit; a slower machine gets fewer Python runs (see "runs").

Prints a Markdown table (median wall time, ratio to ripgrep, peak RSS), the per-note
time of `vault status` at each size, and PASS/FAIL lines for the targets in
DESIGN.md's "Performance targets". Exit status 0, or 1 when BENCH_STRICT=1 and a
target is missed.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RG_PATTERN = r"\[\[[^\]|#^]+"


def commands(vault_bin, vault, today, digest_out, python):
    """(label, argv, accepted exit codes) for one vault."""
    base = [vault_bin, "--vault", vault, "--today", today]
    here = os.path.dirname(os.path.abspath(__file__))
    return [
        ("vault status --format json", base + ["status", "--format", "json"], {0}),
        ("vault digest --format all", base + ["digest", "--format", "all", "--out", digest_out], {0}),
        ("vault check", base + ["check"], {0, 1}),
        ("rg -o -N --no-filename '\\[\\[[^\\]|#^]+'", ["rg", "-o", "-N", "--no-filename", RG_PATTERN, vault], {0}),
        ("python3 bench/python_baseline.py", [python, os.path.join(here, "python_baseline.py"), vault], {0}),
    ]


def run_once(argv, ok_codes):
    """(wall seconds, peak RSS in MB) of one run, stdout to /dev/null."""
    with tempfile.NamedTemporaryFile("r", prefix="bench-time-", suffix=".txt") as report:
        start = time.perf_counter()
        proc = subprocess.run(
            ["/usr/bin/time", "-v", "-o", report.name] + argv,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        wall = time.perf_counter() - start
        text = report.read()
    if proc.returncode not in ok_codes:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace")[-2000:])
        raise SystemExit(f"bench: `{' '.join(argv)}` exited with {proc.returncode}")
    rss_kb = 0
    for line in text.splitlines():
        if "Maximum resident set size" in line:
            rss_kb = int(line.rsplit(":", 1)[1])
    return wall, rss_kb / 1024.0


def warm_page_cache(vault):
    """Reads every file of the vault once, right before it is timed."""
    for folder, _, files in os.walk(vault):
        for name in files:
            with open(os.path.join(folder, name), "rb") as f:
                while f.read(1 << 20):
                    pass


def pin_page_cache(vault):
    """Locks the vault's files in the page cache with `vmtouch -l`, which holds them until
    it is stopped; returns the running vmtouch, or None when vmtouch is missing or could
    not lock them."""
    if shutil.which("vmtouch") is None:
        return None
    pidfile = os.path.join(tempfile.mkdtemp(prefix="bench-vmtouch-"), "pid")
    proc = subprocess.Popen(["vmtouch", "-q", "-l", "-P", pidfile, vault],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # vmtouch writes its pid file once every page is locked, and exits if it cannot lock.
    while proc.poll() is None:
        if os.path.exists(pidfile):
            return proc
        time.sleep(0.2)
    sys.stderr.write(proc.stderr.read().decode("utf-8", "replace")[-500:])
    return None


def unpin_page_cache(proc):
    if proc is not None:
        proc.terminate()
        proc.wait()


def fmt_s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.2f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vault-bin", required=True)
    ap.add_argument("--vaults", required=True)
    ap.add_argument("--today", default="2026-11-23")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--python", default=sys.executable or "python3")
    ap.add_argument("sizes", nargs="+", type=int)
    args = ap.parse_args()

    py_rounds = int(os.environ.get("BENCH_PY_ROUNDS", args.rounds))
    py_budget = float(os.environ.get("BENCH_PY_BUDGET", "60"))
    rounds = max(1, args.rounds)

    results = {}  # (size, label) -> {"wall": [...], "rss": [...]}
    labels = []
    with tempfile.TemporaryDirectory(prefix="bench-digest-") as digest_out:
        for size in args.sizes:
            vault = os.path.join(args.vaults, str(size))
            cmds = commands(args.vault_bin, vault, args.today, digest_out, args.python)
            labels = [c[0] for c in cmds]
            warm_page_cache(vault)
            pinned = pin_page_cache(vault)
            if pinned is None:
                print(f"bench: vmtouch is not available or could not lock {vault}; "
                      "reading every file again before each round instead", file=sys.stderr)
            for label, argv, ok in cmds:
                results[(size, label)] = {"wall": [], "rss": []}
                if not label.startswith("python"):
                    run_once(argv, ok)  # warm-up, untimed
            py_spent = 0.0
            for r in range(rounds):
                if pinned is None:
                    warm_page_cache(vault)
                for label, argv, ok in cmds:
                    if label.startswith("python"):
                        if r >= py_rounds or (r > 0 and py_spent > py_budget):
                            continue
                    wall, rss = run_once(argv, ok)
                    if label.startswith("python"):
                        py_spent += wall
                    results[(size, label)]["wall"].append(wall)
                    results[(size, label)]["rss"].append(rss)
                print(f"bench: {size} notes, round {r + 1}/{rounds} done", file=sys.stderr, flush=True)
            unpin_page_cache(pinned)

    def median(size, label):
        w = results[(size, label)]["wall"]
        return statistics.median(w) if w else float("nan")

    def peak(size, label):
        return max(results[(size, label)]["rss"], default=float("nan"))

    rg = labels[3]
    print()
    print("| notes | command | median s | min–max s | × rg | peak RSS MB | runs |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        base = median(size, rg)
        for label in labels:
            m = median(size, label)
            w = results[(size, label)]["wall"]
            print(f"| {size} | `{label}` | {fmt_s(m)} | {fmt_s(min(w))}–{fmt_s(max(w))} | "
                  f"{m / base:.2f} | {peak(size, label):.1f} | {len(w)} |")
    print()

    status, digest, py = labels[0], labels[1], labels[4]
    per_note = {s: median(s, status) / s * 1e6 for s in args.sizes}
    print("`vault status` per note: " + ", ".join(f"{s}: {per_note[s]:.1f} µs" for s in args.sizes))
    small, big = min(args.sizes), max(args.sizes)
    linearity = per_note[big] / per_note[small] if big != small else None
    if linearity is not None:
        print(f"per-note time at {big} / at {small} notes: {linearity:.2f}")
    print()

    checks = []
    s_rg = median(big, status) / median(big, rg)
    d_rg = median(big, digest) / median(big, rg)
    checks.append((s_rg <= 2.0, f"status within 2.0× rg at {big} notes: {s_rg:.2f}×"))
    checks.append((d_rg <= 2.5, f"digest within 2.5× rg at {big} notes: {d_rg:.2f}×"))
    s_py = median(big, py) / median(big, status)
    d_py = median(big, py) / median(big, digest)
    checks.append((s_py >= 5.0, f"status at least 5× faster than Python at {big} notes: {s_py:.1f}×"))
    checks.append((d_py >= 5.0, f"digest at least 5× faster than Python at {big} notes: {d_py:.1f}×"))
    rss = max(peak(big, status), peak(big, digest))
    checks.append((rss < 150.0, f"peak RSS of status and digest under 150 MB at {big} notes: {rss:.1f} MB"))
    if linearity is not None:
        checks.append((linearity <= 1.3, f"linear: status per-note time at {big} / {small} notes ≤ 1.3: {linearity:.2f}"))
    else:
        print("linearity: needs at least two sizes")
    for ok, text in checks:
        print(f"{'PASS' if ok else 'FAIL'} {text}")
    failed = sum(1 for ok, _ in checks if not ok)
    print(f"\n{len(checks) - failed} of {len(checks)} targets met")
    if failed and os.environ.get("BENCH_STRICT") == "1":
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
