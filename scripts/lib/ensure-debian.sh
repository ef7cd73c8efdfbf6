# Sourced by scripts/test and scripts/start. Installs the Debian packages Parley uses at run time
# when they are missing: espeak-ng renders text-to-speech prompts; chromium runs the designer's
# browser tests and benchmark (Playwright drives Debian's build; nothing downloads a browser). Needs
# root (or sudo); without either it says what to install and the tests that need it skip with a
# warning (in CI, where CI=true, the browser tests fail instead).
ensure_debian_packages() {
  local missing=()
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local run=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then run=(sudo); else
      echo "Missing Debian packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})" >&2
      return 0
    fi
  fi
  echo "Installing Debian packages: ${missing[*]} ..."
  "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
    { "${run[@]}" apt-get update -qq >/dev/null && "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; }
}
ensure_debian_packages espeak-ng:espeak-ng chromium:chromium
