#!/usr/bin/env bash
# Create .venv beside the repo and install registre with its test tools, once per
# version of pyproject.toml. Sourced by ./registre and ./test; needs only python3 >= 3.11.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${REGISTRE_VENV:-$ROOT/.venv}"
PY="${PYTHON:-python3}"
# OCR of scanned PDFs needs Tesseract with French, Word 97-2003 files (.doc) need antiword
# (Debian packages). Installed here when we are root with apt (a fresh machine, CI);
# otherwise scanned files and .doc files fail with that reason.
missing=()
if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx fra; then
  missing+=(tesseract-ocr tesseract-ocr-fra)
fi
command -v antiword >/dev/null || missing+=(antiword)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "registre: installing ${missing[*]} (first run only)…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 && apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  else
    echo "registre: ${missing[*]} missing; scanned PDFs or .doc files will fail (install as root)" >&2
  fi
fi
# The report's browser tests drive Debian's Chromium through selenium (chromium-driver).
# Installed the same way; without them those tests skip, saying why (and fail under CI).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "registre: installing chromium and chromium-driver (first run only)…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 && apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=600 \
      chromium chromium-driver fonts-dejavu-core >&2
  else
    echo "registre: chromium/chromium-driver missing; the report's browser tests will skip" >&2
  fi
fi
stamp="$VENV/.installed-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "registre: setting up $VENV (first run only)…" >&2
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip >&2
  "$VENV/bin/python" -m pip install --quiet -e "$ROOT[test]" >&2
  rm -f "$VENV"/.installed-* && touch "$stamp"
fi
