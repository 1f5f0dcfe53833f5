#!/usr/bin/env bash
# Builds the real tools our users verify with, and Sigstore's own servers, from their registries
# (the Go module proxy and PyPI) into .peers/ — pinned exact versions, idempotent, and fast when
# everything is already there (a tool is rebuilt only when its version stamp differs).
#
#   bash scripts/install-peers.sh            # everything
#   bash scripts/install-peers.sh act cosign # only these
#
# Every Go tool is built with one toolchain, go1.27.3, taken from the module proxy through
# GOTOOLCHAIN (several pinned modules declare `go 1.27`; the machine's own Go is 1.26).
# Prints one progress line per tool; exits non-zero if a requested tool could not be built.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PEERS="$ROOT/.peers"
BIN="$PEERS/bin"
SRC="$PEERS/src"
STAMPS="$PEERS/stamps"
LOGS="$PEERS/logs"
mkdir -p "$BIN" "$SRC" "$STAMPS" "$LOGS"

export GOTOOLCHAIN=go1.27.3
export GOFLAGS=-buildvcs=false
export CGO_ENABLED=0
export GOBIN="$BIN"

# name | module@version | package(s) to build (relative to the module) | binary name | how
#   how = install: `go install pkg@version`
#   how = module:  download the module zip and build inside it: for modules with replace
#                  directives (which `go install pkg@version` refuses) and for gh, whose
#                  version list the proxy refuses (`go install` reads it for deprecations)
PEER_TABLE=$(
  cat <<'EOF'
cosign|github.com/sigstore/cosign/v3@v3.1.3|cmd/cosign|cosign|install
gh|github.com/cli/cli/v2@v2.83.0|cmd/gh|gh|module
act|github.com/nektos/act@v0.2.89|.|act|install
fulcio|github.com/sigstore/fulcio@v1.8.8|.|fulcio|install
timestamp-authority|github.com/sigstore/timestamp-authority/v2@v2.2.1|cmd/timestamp-server|timestamp-server|install
sigstore-go|github.com/sigstore/sigstore-go@v1.3.0|examples/sigstore-go-verification|sigstore-go-verification|install
kyverno|github.com/kyverno/kyverno@v1.19.1|cmd/cli/kubectl-kyverno|kyverno|module
policy-controller|github.com/sigstore/policy-controller@v0.13.1|cmd/tester|policy-tester|module
rekor-tiles|github.com/sigstore/rekor-tiles/v2@v2.3.0|cmd/rekor-server/posix|rekor-server-posix|install
EOF
)
SIGSTORE_PYTHON_VERSION=4.5.1

want=("$@")
wanted() {
  [ ${#want[@]} -eq 0 ] && return 0
  local w
  for w in "${want[@]}"; do [ "$w" = "$1" ] && return 0; done
  return 1
}

failures=()
say() { printf 'install-peers: %s\n' "$*"; }

# CPU seconds used so far by finished child processes (bash's `times`, second line): with the
# wall time per tool it tells how long a build takes on an idle machine of this size. `times`
# runs in this shell (a redirect, not a $(…) subshell, whose own children would be empty).
CPU_FILE="$PEERS/logs/.times"
children_cpu_to() {
  times >"$CPU_FILE"
  printf -v "$1" '%s' "$(tail -1 "$CPU_FILE" | awk '{
    n = split($1 " " $2, t, " "); s = 0
    for (i = 1; i <= n; i++) { split(t[i], p, "m"); sub("s", "", p[2]); s += p[1] * 60 + p[2] }
    printf "%d", s
  }')"
}

if ! command -v go >/dev/null 2>&1; then
  say "no Go on this machine: the Go peers (cosign, gh, act, fulcio, timestamp-authority, sigstore-go, kyverno, policy-controller) cannot be built here"
  go_ok=0
else
  go_ok=1
fi

build_go_peer() {
  local name=$1 modver=$2 pkg=$3 bin=$4 how=$5
  local stamp="$STAMPS/$name"
  if [ -x "$BIN/$bin" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$modver" ]; then
    say "$name $modver: already built"
    return 0
  fi
  local mod=${modver%@*} ver=${modver#*@} started=$SECONDS cpu_before cpu_after
  children_cpu_to cpu_before
  say "$name $modver: building (log: .peers/logs/$name.log)"
  rm -f "$BIN/$bin"
  if [ "$how" = install ]; then
    local target="$mod/$pkg"
    [ "$pkg" = . ] && target=$mod
    go install -trimpath -ldflags=-s "$target@$ver" >"$LOGS/$name.log" 2>&1 || {
      say "$name: FAILED, see .peers/logs/$name.log"
      tail -5 "$LOGS/$name.log" >&2
      failures+=("$name")
      return 1
    }
    # `go install` names the binary after the package's last path element.
    local built
    built=$(basename "$target")
    [ "$built" != "$bin" ] && [ -x "$BIN/$built" ] && mv "$BIN/$built" "$BIN/$bin"
  else
    local dir
    dir=$(go mod download -json "$modver" 2>>"$LOGS/$name.log" | sed -n 's/.*"Dir": "\([^"]*\)".*/\1/p')
    if [ -z "$dir" ]; then
      say "$name: FAILED to download $modver, see .peers/logs/$name.log"
      failures+=("$name")
      return 1
    fi
    rm -rf "${SRC:?}/$name"
    cp -r "$dir" "$SRC/$name" && chmod -R u+w "$SRC/$name"
    (cd "$SRC/$name" && go build -mod=mod -trimpath -ldflags=-s -o "$BIN/$bin" "./$pkg") >>"$LOGS/$name.log" 2>&1 || {
      say "$name: FAILED, see .peers/logs/$name.log"
      tail -5 "$LOGS/$name.log" >&2
      failures+=("$name")
      return 1
    }
    rm -rf "${SRC:?}/$name"
  fi
  echo "$modver" >"$stamp"
  children_cpu_to cpu_after
  say "$name $modver: built in $((SECONDS - started)) s ($((cpu_after - cpu_before)) CPU s)"
}

# Files a peer needs beside its binary, taken from the same module version: Fulcio's production
# identity config (config/identity/config.yaml: the GitHub `ci-provider` templates that
# fulcio.sigstore.dev runs with), which the sandbox reuses for its own issuer.
share_peer_files() {
  local name=$1 modver=$2
  [ "$name" = fulcio ] || return 0
  local target="$PEERS/share/fulcio-identity-config.yaml"
  [ -s "$target" ] && [ "$(cat "$STAMPS/fulcio-share" 2>/dev/null)" = "$modver" ] && return 0
  local dir
  dir=$(go mod download -json "$modver" 2>>"$LOGS/$name.log" | sed -n 's/.*"Dir": "\([^"]*\)".*/\1/p')
  mkdir -p "$PEERS/share"
  if [ -n "$dir" ] && cp "$dir/config/identity/config.yaml" "$target"; then
    chmod u+w "$target"
    echo "$modver" >"$STAMPS/fulcio-share"
  else
    say "fulcio: could not copy config/identity/config.yaml from $modver"
    failures+=("fulcio-config")
  fi
}

if [ $go_ok -eq 1 ]; then
  while IFS='|' read -r name modver pkg bin how; do
    [ -z "$name" ] && continue
    wanted "$name" || continue
    build_go_peer "$name" "$modver" "$pkg" "$bin" "$how" && share_peer_files "$name" "$modver"
  done <<<"$PEER_TABLE"
fi

if wanted sigstore-python; then
  stamp="$STAMPS/sigstore-python"
  if [ -x "$PEERS/venv/bin/sigstore" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$SIGSTORE_PYTHON_VERSION" ]; then
    say "sigstore-python $SIGSTORE_PYTHON_VERSION: already installed"
  else
    say "sigstore-python $SIGSTORE_PYTHON_VERSION: installing into .peers/venv"
    if python3 -m venv "$PEERS/venv" >"$LOGS/sigstore-python.log" 2>&1 &&
      "$PEERS/venv/bin/pip" install -q "sigstore==$SIGSTORE_PYTHON_VERSION" >>"$LOGS/sigstore-python.log" 2>&1; then
      echo "$SIGSTORE_PYTHON_VERSION" >"$stamp"
      ln -sf ../venv/bin/sigstore "$BIN/sigstore"
    else
      say "sigstore-python: FAILED, see .peers/logs/sigstore-python.log"
      failures+=(sigstore-python)
    fi
  fi
fi

if [ ${#failures[@]} -gt 0 ]; then
  say "could not build: ${failures[*]}"
  exit 1
fi
exit 0
