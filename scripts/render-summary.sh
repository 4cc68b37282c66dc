#!/bin/sh
# Render the summary workbook the command line writes for examples/ to a PNG, so anyone can look
# at it: the CLI writes 集計.xlsx, LibreOffice (headless) prints it to PDF, pdftoppm rasterises
# the first page.   Usage: scripts/render-summary.sh [out.png] [extra check options...]
set -eu
cd "$(dirname "$0")/.."

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "render-summary: $1 が見つかりません。インストールしてください: $2" >&2
    echo "render-summary: $1 not found. Install it: $2" >&2
    exit 3
  fi
}
need soffice "sudo apt-get install -y libreoffice-calc"
need pdftoppm "sudo apt-get install -y poppler-utils"

out=${1:-docs/summary.png}
[ $# -gt 0 ] && shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# exit status 1 only says the examples hold errors (they do, on purpose)
npx ts-node --transpile-only tests/cli/runCli.ts check --as-of 2025-10-15 --quiet --summary "$work/summary.xlsx" "$@" examples || [ $? -eq 1 ]
# a profile of its own: never touches the user's LibreOffice settings, works without a HOME
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/summary.xlsx" >/dev/null
mkdir -p "$(dirname "$out")"
pdftoppm -png -r "${RENDER_DPI:-110}" -f 1 -l 1 -singlefile "$work/summary.pdf" "${out%.png}"
echo "$out"
