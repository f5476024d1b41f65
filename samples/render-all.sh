#!/usr/bin/env bash
# Renders every sample plan to out/NAME.pdf (one cargo build, then one process per plan).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
cargo build --quiet
for plan in samples/*.json; do
  ./target/debug/kehoach render "$plan" -o "out/$(basename "$plan" .json).pdf"
done
