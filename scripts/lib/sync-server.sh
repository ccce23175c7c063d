# Sourced by scripts/repo-interop.sh and scripts/repo-bench.sh: starts
# scripts/sync-server.mjs on loopback for one run.
#
#   start_sync_server PORT DIR
#
# Exports INTEROP_DIR=DIR and REPO_SERVER=ws://127.0.0.1:PORT for the
# native tests and the Node client, keeps the server's data in DIR/server
# and its log in DIR/server.log, sets SERVER to its process id, and returns
# once it is listening (5 s at most; the caller's first request fails
# plainly if it never did). The caller owns the trap that stops it.
start_sync_server() {
  local port="$1"
  INTEROP_DIR="$2"
  REPO_SERVER="ws://127.0.0.1:${port}"
  export INTEROP_DIR REPO_SERVER
  PORT="$port" DATA_DIR="$INTEROP_DIR/server" node scripts/sync-server.mjs > "$INTEROP_DIR/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 50); do grep -q "sync server on" "$INTEROP_DIR/server.log" && return 0; sleep 0.1; done
}
