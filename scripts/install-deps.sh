#!/usr/bin/env bash
# Installs what eventlab needs from Debian's packages (and npm), only what is missing.
# Usage: scripts/install-deps.sh [native] [web] [ui] [browser] [fuzz]   (default: native)
# Everything lands in system paths or git-ignored folders under .deps/ and node_modules/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
stages=("$@"); [ ${#stages[@]} -eq 0 ] && stages=(native)

apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated -eq 0 ]; then apt-get update -qq; apt_updated=1; fi
  echo "installing: ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# apt-get source needs deb-src lines; Debian 12 keeps them in deb822 form.
enable_deb_src() {
  local f=/etc/apt/sources.list.d/debian.sources
  if [ -f "$f" ] && ! grep -q '^Types: deb deb-src' "$f"; then
    sed -i 's/^Types: deb$/Types: deb deb-src/' "$f"
    apt-get update -qq; apt_updated=1
  fi
}

# Unpacks a Debian source package once into .deps/<name>/ (the folder name varies by version).
fetch_source() {
  local pkg=$1 dest=$root/.deps/$1
  [ -f "$dest/.done" ] && return 0
  enable_deb_src
  apt_install dpkg-dev
  rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
  (cd "$dest.tmp" && apt-get source -qq "$pkg" >/dev/null 2>&1)
  local dir; dir=$(find "$dest.tmp" -mindepth 1 -maxdepth 1 -type d | head -1)
  rm -rf "$dest" && mv "$dir" "$dest" && rm -rf "$dest.tmp"
  touch "$dest/.done"
}

for stage in "${stages[@]}"; do
  case $stage in
    native) apt_install g++ cmake ninja-build libgtest-dev nlohmann-json3-dev libmbedtls-dev python3 bc ;;
    web)
      apt_install emscripten nodejs nlohmann-json3-dev
      fetch_source mbedtls ;;
    ui)
      apt_install fonts-roboto fonts-dejavu-core xxd
      fetch_source imgui ;;
    # clang with libFuzzer and the sanitizer runtimes, for scripts/fuzz.sh.
    fuzz) apt_install clang libclang-rt-dev ;;
    browser)
      apt_install chromium nodejs
      # Some nodejs builds bundle npm and conflict with Debian's npm package: add it only if absent.
      command -v npm >/dev/null || apt_install npm
      if [ ! -d "$root/node_modules/playwright-core" ]; then
        (cd "$root" && npm install --no-audit --no-fund --silent >/dev/null)
      fi ;;
    *) echo "install-deps.sh: unknown stage '$stage' (native, web, ui, browser, fuzz)" >&2; exit 2 ;;
  esac
done
