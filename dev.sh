#!/usr/bin/env bash
# Set up the project into .venv/ (idempotent) and run one thing:
#   ./dev.sh dashboard   the Streamlit dashboard with the seed article
#   ./dev.sh test        the whole test suite (installs Debian's chromium if missing)
#   ./dev.sh setup       only the set-up
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
VENV=.venv
STAMP=$VENV/.installed

need_install() {
  [ -x "$VENV/bin/python" ] || return 0
  [ -f "$STAMP" ] || return 0
  [ "$(cat "$STAMP")" = "$(cat requirements.txt requirements-dev.txt pyproject.toml | sha256sum)" ] || return 0
  return 1
}

setup() {
  if need_install; then
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -r requirements-dev.txt
    "$VENV/bin/python" -m pip install --quiet --no-deps -e .
    cat requirements.txt requirements-dev.txt pyproject.toml | sha256sum > "$STAMP"
  fi
}

browser() {
  if [ ! -x /usr/bin/chromium ]; then
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
}

case "${1:-}" in
  setup) setup ;;
  dashboard) setup; exec "$VENV/bin/timeline" app "${@:2}" ;;
  test) setup; browser; exec "$VENV/bin/python" -m pytest "${@:2}" ;;
  *) echo "usage: ./dev.sh dashboard | test | setup" >&2; exit 2 ;;
esac
