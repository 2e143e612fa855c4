#!/usr/bin/env bash
# The import benchmark (DESIGN.md, "Performance targets": imports stream; a 1 GB mbox or
# a 100,000-event calendar in bounded memory, under 100 MB, within 3x the time of
# `rg -c '^From '` on the same file).
#
#   bench/imports.sh [MEGABYTES] [EVENTS]      default: 1024 100000
#   MBOX=FILE ICS=FILE bench/imports.sh         time these files instead of generated ones
#
# 1. Builds `vault` and `vault-bench` (release); ripgrep and /usr/bin/time as run.sh does.
# 2. Generates, once, into bench/.vaults and bench/.imports (git-ignored):
#    - a vault of 100,000 notes with 5,000 people (`vault-bench generate`), with a
#      vault.yaml saying whose the mail is (`me: {emails: [me@example.com]}`);
#    - a Google-Takeout-like mbox of MEGABYTES MB and a Google Calendar export of EVENTS
#      events (`vault-bench imports`), whose correspondents are people of that vault.
# 3. Times BENCH_ROUNDS (default 3) interleaved rounds of
#      rg -c '^From ' MBOX
#      vault --vault V --today 2026-11-23 status --format json   (reading the vault alone)
#      vault --vault V --today 2026-11-23 import mail MBOX --dry-run
#      vault --vault V --today 2026-11-23 import calendar ICS --dry-run
#    and prints the median wall time, peak memory, the ratios to ripgrep, and PASS/FAIL.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
TOOLS="$BENCH/.tools"
MEGABYTES="${1:-1024}"
EVENTS="${2:-100000}"
ROUNDS="${BENCH_ROUNDS:-3}"
TODAY="2026-11-23"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
say() { echo "bench: $*" >&2; }

for n in "$MEGABYTES" "$EVENTS" "$ROUNDS"; do
    if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -eq 0 ]; then
        echo "usage: bench/imports.sh [MEGABYTES] [EVENTS]   (positive integers)" >&2
        exit 2
    fi
done

cd "$ROOT"
say "building vault and vault-bench (release)"
cargo build --release --quiet -p vault -p vault-bench
VAULT_BIN="$TARGET_DIR/release/vault"
GEN_BIN="$TARGET_DIR/release/vault-bench"

. "$BENCH/tools.sh"

VAULT="$BENCH/.vaults/imports"
FILES="$BENCH/.imports"
MBOX="${MBOX:-$FILES/mail-${MEGABYTES}MB.mbox}"
ICS="${ICS:-$FILES/events-${EVENTS}.ics}"
mkdir -p "$BENCH/.vaults" "$FILES"
"$GEN_BIN" generate --notes 100000 --seed 1 --if-needed "$VAULT" >&2
printf 'me:\n  name: Me Myself\n  emails: [me@example.com]\n' > "$VAULT/vault.yaml"
[ -s "$MBOX" ] || "$GEN_BIN" imports mbox --megabytes "$MEGABYTES" "$MBOX" >&2
[ -s "$ICS" ] || "$GEN_BIN" imports ics --events "$EVENTS" "$ICS" >&2

say "timing $ROUNDS rounds: $(du -h "$MBOX" | cut -f1) mbox, $(grep -c "^BEGIN:VEVENT" "$ICS") events, $(find "$VAULT" -name '*.md' | wc -l) notes"
exec python3 - "$ROUNDS" "$VAULT_BIN" "$VAULT" "$TODAY" "$MBOX" "$ICS" <<'PY'
import statistics, subprocess, sys, time

rounds, vault_bin, vault, today, mbox, ics = int(sys.argv[1]), *sys.argv[2:]
base = [vault_bin, "--vault", vault, "--today", today]
commands = [
    ("rg -c '^From ' MBOX", ["rg", "-c", "^From ", mbox]),
    ("vault status (the vault alone)", base + ["status", "--format", "json"]),
    ("vault import mail --dry-run", base + ["import", "mail", mbox, "--dry-run"]),
    ("vault import calendar --dry-run", base + ["import", "calendar", ics, "--dry-run"]),
]

def run(argv):
    """Wall seconds and peak RSS in MB of one run (page cache warm)."""
    start = time.monotonic()
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(argv)} exited {done.returncode}: {done.stderr[-2000:]}")
    rss_kb = int(done.stderr.strip().splitlines()[-1])
    return wall, rss_kb / 1024

for path in (mbox, ics):  # warm the page cache
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass
for _, argv in commands:
    run(argv)
times = {label: [] for label, _ in commands}
rss = {label: 0.0 for label, _ in commands}
for _ in range(rounds):
    for label, argv in commands:
        wall, peak = run(argv)
        times[label].append(wall)
        rss[label] = max(rss[label], peak)
median = {label: statistics.median(t) for label, t in times.items()}
rg = median["rg -c '^From ' MBOX"]
alone = median["vault status (the vault alone)"]
print(f"| command | median wall | × rg | peak memory |")
print(f"|---|---:|---:|---:|")
for label, _ in commands:
    print(f"| {label} | {median[label]:.3f} s | {median[label] / rg:.2f}× | {rss[label]:.1f} MB |")
mail = median["vault import mail --dry-run"]
print(f"\nthe mail import beyond reading the vault: {mail - alone:.3f} s = {(mail - alone) / rg:.2f}× rg, "
      f"{rss['vault import mail --dry-run'] - rss['vault status (the vault alone)']:+.1f} MB; "
      f"the calendar import: {median['vault import calendar --dry-run'] - alone:.3f} s, "
      f"{rss['vault import calendar --dry-run'] - rss['vault status (the vault alone)']:+.1f} MB")
checks = [
    ("mail import within 3× rg -c '^From ' (whole command)", mail <= 3 * rg),
    ("mail import within 3× rg -c '^From ' (beyond reading the vault)", mail - alone <= 3 * rg),
    ("mail import under 100 MB beyond reading the vault",
     rss["vault import mail --dry-run"] - rss["vault status (the vault alone)"] < 100),
    ("calendar import under 100 MB beyond reading the vault",
     rss["vault import calendar --dry-run"] - rss["vault status (the vault alone)"] < 100),
]
for what, ok in checks:
    print(f"{'PASS' if ok else 'FAIL'}: {what}")
PY
