#!/bin/sh
# Install (if missing) and start a throw-away PostgreSQL server for the tests.
#
#   tests/pg/ensure-postgres.sh install     install Debian's postgresql package when initdb is missing
#   tests/pg/ensure-postgres.sh [start]     install if needed, start a server, print two shell lines:
#                                             INSPECTWATCH_TEST_PG_URL=postgresql+psycopg://...
#                                             INSPECTWATCH_TEST_PG_DIR=/tmp/...
#   tests/pg/ensure-postgres.sh stop DIR    stop the server started in DIR and delete DIR
#
# The server listens on 127.0.0.1 only, on a free port, with its data and socket in a
# temporary folder; trust authentication (loopback, tests only). PostgreSQL refuses to
# run as root, so as root it runs as the `postgres` OS user (runuser, else su).
# Exit status 0 on success; 1 with a message on stderr when no server can be started.
set -eu

find_bin() {
    for dir in "${PG_BIN:-}" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
        if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
    done
    command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return 0
    return 1
}

install_pg() {
    find_bin >/dev/null && return 0
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "ensure-postgres: initdb not found and cannot install (need root and apt-get):" \
             "install Debian's postgresql package" >&2
        return 1
    fi
    echo "ensure-postgres: installing postgresql (apt-get)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
    find_bin >/dev/null
}

as_pg() {  # run a command as the postgres OS user when we are root
    if [ "$(id -u)" -ne 0 ]; then "$@"; return; fi
    if ! id postgres >/dev/null 2>&1; then
        echo "ensure-postgres: running as root and no 'postgres' OS user exists" >&2; return 1
    fi
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
    else su postgres -s /bin/sh -c "$(printf '%s ' "$@")"; fi
}

free_port() {
    for py in python3 python; do
        if command -v "$py" >/dev/null 2>&1; then
            "$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
            return
        fi
    done
    echo 55432
}

start_pg() {
    install_pg
    bin=$(find_bin)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/inspectwatch-pg.XXXXXX")
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(free_port)
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 || {
        echo "ensure-postgres: initdb failed:" >&2; cat "$dir/initdb.log" >&2; return 1; }
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >&2 || {
        echo "ensure-postgres: the server did not start:" >&2; cat "$dir/server.log" >&2; return 1; }
    echo "INSPECTWATCH_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    echo "INSPECTWATCH_TEST_PG_DIR=$dir"
}

stop_pg() {
    dir=$1
    [ -d "$dir/data" ] || { echo "ensure-postgres: $dir is not a server folder" >&2; return 1; }
    bin=$(find_bin)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
}

case "${1:-start}" in
    install) install_pg ;;
    start) start_pg ;;
    stop) stop_pg "${2:?usage: ensure-postgres.sh stop DIR}" ;;
    *) echo "usage: ensure-postgres.sh [install|start|stop DIR]" >&2; exit 2 ;;
esac
