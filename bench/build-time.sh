#!/usr/bin/env bash
# Build time of two revisions side by side, each from an empty target directory, on this machine:
#   bash bench/build-time.sh [BASE [HEAD]]      (defaults: the commit before the crate split, HEAD)
# For each revision: a clean `cargo build --workspace` (dependencies included), then the rebuild
# after touching one page file and after touching one service file (what a developer waits for).
# Prints a Markdown table (wall, user and system seconds). Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE="${1:-0c51837}"
HEAD="${2:-HEAD}"
[ -x /usr/bin/time ] || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq time >/dev/null; }
WORK="$(mktemp -d)"
trap 'git worktree remove --force "$WORK/base" 2>/dev/null || true; git worktree remove --force "$WORK/head" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# seconds of wall, user and system time of a command, as "wall user sys"
timed() {
  /usr/bin/time -f '%e %U %S' -o "$WORK/time" "$@" >/dev/null 2>&1
  cat "$WORK/time"
}

# the page and the service file of each layout (before the split: one crate)
page_of() { if [ -d "$1/crates/drx-web" ]; then echo "$1/crates/drx-web/src/pages/home.rs"; else echo "$1/crates/drx/src/web/pages/home.rs"; fi; }
service_of() { if [ -d "$1/crates/drx-core" ]; then echo "$1/crates/drx-core/src/services/needs.rs"; else echo "$1/crates/drx/src/services/needs.rs"; fi; }

echo "| revision | clean build (wall / user / sys s) | after touching a page | after touching a service |"
echo "| --- | --- | --- | --- |"
for name in base head; do
  rev="$BASE"; [ "$name" = head ] && rev="$HEAD"
  dir="$WORK/$name"
  git worktree add --detach "$dir" "$rev" >/dev/null 2>&1
  export CARGO_TARGET_DIR="$dir/target"
  clean="$(cd "$dir" && timed cargo build --workspace)"
  touch "$(page_of "$dir")"
  page="$(cd "$dir" && timed cargo build --workspace)"
  touch "$(service_of "$dir")"
  service="$(cd "$dir" && timed cargo build --workspace)"
  short="$(git rev-parse --short "$rev")"
  echo "| $name ($short) | ${clean// / / } | ${page// / / } | ${service// / / } |"
done
