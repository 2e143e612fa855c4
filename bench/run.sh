#!/usr/bin/env bash
# The project's benchmark (DESIGN.md, "Performance targets").
#
#   bench/run.sh [SIZES...]        default: 20000 50000 100000
#
# 1. Builds `vault` and `vault-bench` (release).
# 2. Installs what is missing, saying so on stderr: ripgrep into bench/.tools/bin
#    (cargo install), python-frontmatter into bench/.tools/py (pip --target),
#    /usr/bin/time (Debian's `time` package), vmtouch (Debian's `vmtouch`, which locks a
#    vault's pages in the page cache while it is timed; see bench/timing.py).
# 3. Generates bench/.vaults/<N> for each size unless it already holds that exact
#    vault (`vault-bench generate --if-needed`; seed BENCH_SEED, default 1).
# 4. For each size, warms the page cache (reads every file) and runs each command once
#    untimed, then times BENCH_ROUNDS (default 5) interleaved rounds of
#      vault --vault V --today 2026-11-23 status --format json >/dev/null
#      vault --vault V --today 2026-11-23 digest --format all --out TMP
#      vault --vault V --today 2026-11-23 check >/dev/null        (exit 1 is fine)
#      rg -o -N --no-filename '\[\[[^\]|#^]+' V >/dev/null
#      python3 bench/python_baseline.py V >/dev/null
#    (Python in fewer rounds when slow: BENCH_PY_ROUNDS, BENCH_PY_BUDGET; see
#    bench/timing.py), and prints a Markdown table, the per-note time of `status`, and
#    PASS/FAIL for each target. BENCH_STRICT=1 makes a missed target exit 1.
#
# The default run takes about 5 minutes on 2 cores (plus a one-time ripgrep build).
# bench/.tools and bench/.vaults are git-ignored; delete them to start afresh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
TOOLS="$BENCH/.tools"
VAULTS="$BENCH/.vaults"
TODAY="2026-11-23"
ROUNDS="${BENCH_ROUNDS:-5}"
SEED="${BENCH_SEED:-1}"
PYTHON="${PYTHON:-python3}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

if [ "$#" -gt 0 ]; then
    SIZES=("$@")
else
    SIZES=(20000 50000 100000)
fi
for n in "${SIZES[@]}"; do
    if ! [[ "$n" =~ ^[0-9]+$ ]] || [ "$n" -eq 0 ]; then
        echo "usage: bench/run.sh [SIZES...]   (sizes are positive note counts, e.g. 20000)" >&2
        exit 2
    fi
done
if ! [[ "$ROUNDS" =~ ^[0-9]+$ ]] || [ "$ROUNDS" -eq 0 ]; then
    echo "bench: BENCH_ROUNDS must be a positive integer" >&2
    exit 2
fi

say() { echo "bench: $*" >&2; }

cd "$ROOT"

say "building vault and vault-bench (release)"
cargo build --release --quiet -p vault -p vault-bench
VAULT_BIN="$TARGET_DIR/release/vault"
GEN_BIN="$TARGET_DIR/release/vault-bench"

# --- tools -------------------------------------------------------------------
. "$BENCH/tools.sh"

export PYTHONPATH="$TOOLS/py${PYTHONPATH:+:$PYTHONPATH}"
if ! "$PYTHON" -c 'import frontmatter' >/dev/null 2>&1; then
    say "python-frontmatter not found: installing it into bench/.tools/py with pip"
    "$PYTHON" -m pip install --quiet --disable-pip-version-check --target "$TOOLS/py" python-frontmatter
fi

if ! command -v vmtouch >/dev/null 2>&1; then
    say "vmtouch not found: installing Debian's 'vmtouch' package with apt-get (it keeps the page cache warm while timing)"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    if ! $SUDO apt-get install -y -qq vmtouch >/dev/null 2>&1; then
        $SUDO apt-get update -qq >/dev/null 2>&1 || true
        $SUDO apt-get install -y -qq vmtouch >/dev/null 2>&1 ||
            say "could not install vmtouch; the page cache will be re-warmed before each round instead"
    fi
fi

say "$(rg --version | head -n 1); $("$PYTHON" --version 2>&1); python-frontmatter $("$PYTHON" -c 'import importlib.metadata as m; print(m.version("python-frontmatter"))' 2>/dev/null || echo '?'); $(nproc) cores"

# --- vaults ------------------------------------------------------------------
mkdir -p "$VAULTS"
for n in "${SIZES[@]}"; do
    v="$VAULTS/$n"
    if [ -e "$v" ] && [ ! -f "$v/.obsidian/vault-bench.json" ]; then
        # An interrupted generation (the marker file is written last): bench/.vaults is ours.
        rm -rf "$v"
    fi
    "$GEN_BIN" generate --notes "$n" --seed "$SEED" --if-needed "$v" >&2
done

# --- timing ------------------------------------------------------------------
say "timing $ROUNDS rounds per size (sizes: ${SIZES[*]})"
exec "$PYTHON" "$BENCH/timing.py" --vault-bin "$VAULT_BIN" --vaults "$VAULTS" \
    --today "$TODAY" --rounds "$ROUNDS" --python "$PYTHON" "${SIZES[@]}"
