#!/usr/bin/env bash
# Installs what the browser suite needs; idempotent, so `make test` can run it every time.
# A fresh Debian machine (CI) gets Chromium, a Java runtime (for the Nu HTML checker)
# and the npm packages pinned in package.json. Browsers come from Debian only:
# never `playwright install` (it downloads a browser build from elsewhere). npm runs with
# --ignore-scripts: vnu-jar's postinstall would fetch a JDK when java is missing, and
# both packages ship everything we use (axe.min.js, vnu.jar) in their tarballs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  as_root=()
fi

# shellcheck source=apt_wait.sh
. "$here/apt_wait.sh"
# apt's own wait as well (apt 1.9.11+), for the lock taken between our tries.
apt_lock=(-o "DPkg::Lock::Timeout=${APT_LOCK_WAIT:-600}")

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    echo "browser setup: apt-get update"
    apt_retry "${as_root[@]}" apt-get "${apt_lock[@]}" update -qq
    apt_updated=1
  fi
  echo "browser setup: apt-get install $*"
  apt_retry "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_lock[@]}" install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ -n "${NEWSGEN_CHROMIUM:-}" ] && [ -x "$NEWSGEN_CHROMIUM" ]; then
  echo "browser setup: using $NEWSGEN_CHROMIUM"
elif [ -x /usr/bin/chromium ]; then
  echo "browser setup: chromium present"
else
  apt_install chromium
fi

if command -v java >/dev/null 2>&1; then
  echo "browser setup: java present"
else
  apt_install default-jre-headless
fi

if ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi

cd "$here"
stamp="node_modules/.newsgen-installed"
if [ -f "$stamp" ] && [ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/vnu-jar/build/dist/vnu.jar ] \
   && [ "$stamp" -nt package.json ] && { [ ! -f package-lock.json ] || [ "$stamp" -nt package-lock.json ]; }; then
  echo "browser setup: node_modules up to date"
else
  if [ -f package-lock.json ]; then
    echo "browser setup: npm ci"
    npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  else
    echo "browser setup: npm install (no lock file yet)"
    npm install --no-audit --no-fund --ignore-scripts --loglevel=error
  fi
  touch "$stamp"
fi
echo "browser setup: ready"
