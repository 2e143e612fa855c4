# Tools the benchmarks need, installed where missing and said so on stderr; sourced by
# bench/run.sh and bench/imports.sh, which set TOOLS and define say().
mkdir -p "$TOOLS"
export PATH="$TOOLS/bin:$PATH"
if ! command -v rg >/dev/null 2>&1; then
    say "ripgrep (rg) not found: installing it into bench/.tools with cargo install (takes a minute or two)"
    cargo install --quiet --locked ripgrep --root "$TOOLS"
fi

if [ ! -x /usr/bin/time ]; then
    say "/usr/bin/time not found: installing Debian's 'time' package with apt-get"
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    if ! $SUDO apt-get install -y -qq time >/dev/null; then
        $SUDO apt-get update -qq
        $SUDO apt-get install -y -qq time >/dev/null
    fi
fi
