# Sourced by setup.sh. apt_retry CMD...: run an apt-get command, and while another
# apt or dpkg process holds the lock (unattended-upgrades on a fresh machine, a
# second setup in parallel), wait and try again instead of failing at once.
# APT_LOCK_WAIT (seconds, default 600) bounds the wait; APT_LOCK_SLEEP the pause.
apt_retry() {
  local waited=0 pause="${APT_LOCK_SLEEP:-10}" limit="${APT_LOCK_WAIT:-600}" out
  while :; do
    if out="$("$@" 2>&1)"; then
      [ -n "$out" ] && printf '%s\n' "$out"
      return 0
    fi
    if grep -qiE 'could not get lock|unable to acquire the dpkg|is another process using it|waiting for cache lock' <<<"$out" \
       && awk -v w="$waited" -v l="$limit" 'BEGIN { exit !(w < l) }'; then
      echo "browser setup: another apt/dpkg process holds the lock; waiting (${waited}s so far)"
      sleep "$pause"
      waited="$(awk -v w="$waited" -v p="$pause" 'BEGIN { print w + p }')"
      continue
    fi
    printf '%s\n' "$out" >&2
    return 1
  done
}
