#!/usr/bin/env bash
# Installs what the accessibility audit and the PDF need: Debian's Chromium (no downloaded browser
# builds), fonts, poppler (PDF checks), and axe-core from the npm registry (pinned in package.json).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium fonts-dejavu-core poppler-utils >/dev/null
fi
# npm ci when axe-core is missing or not the version pinned in package-lock.json.
want_axe() { node -p "require('./package-lock.json').packages['node_modules/axe-core'].version"; }
have_axe() { node -p "require('./node_modules/axe-core/package.json').version" 2>/dev/null || true; }
if [ -f package.json ] && [ "$(have_axe)" != "$(want_axe)" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "browser: $(chromium --version 2>/dev/null || echo 'niet gevonden')"
