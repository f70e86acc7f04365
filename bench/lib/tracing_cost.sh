# Sourced by bench/run: tracing_cost, the step that measures what tracing costs order placement (docs/observability.md).
# Two fresh instances of the same jar, started alike on throw-away databases, seeded and warmed up alike: one traces
# every request at full sampling and exports its spans to a Zipkin server (io.zipkin:zipkin-server:3.5.1:exec, in
# memory), the other has tracing off. Their place-order rounds alternate (so that both see the same machine), each
# followed by its checkout's drain; the step reports the median throughput and p99 of each and the cost in percent
# (goal: under 10%). Uses bench/run's helpers: log, figure, app, ready, stop, reap_postgres, pg_port_of, xsql, and
# seed (lib/seed.sh).
# Tunable: BENCH_TRACING_ROUNDS (3; 1 with --quick), BENCH_TRACING_WARMUP_ORDERS (1500; 300 with --quick).

tracing_drain() {  # tracing_drain PGPORT: waits (3 min at most) until that database's publications are completed
  for _ in $(seq 1800); do
    [[ $(xsql "$1" "select count(*) from events.event_publication where completion_date is null") == 0 ]] && return
    sleep 0.1
  done
}

tracing_cost() {
  local dir=$WORK/tracing rounds warmup zipkin_jar zport onport offport zpid onpid offpid kind port pgport
  rounds=${BENCH_TRACING_ROUNDS:-$(( QUICK ? 1 : 3 ))}
  warmup=${BENCH_TRACING_WARMUP_ORDERS:-$(( QUICK ? 300 : 1500 ))}
  mkdir -p "$dir"/{on,off,zipkin}
  zipkin_jar=$ROOT/target/zipkin/zipkin-server.jar
  if [[ ! -f $zipkin_jar ]]; then
    (cd "$ROOT" && ./mvnw -q -B dependency:copy -Dartifact=io.zipkin:zipkin-server:3.5.1:jar:exec \
      -DoutputDirectory="$dir/zipkin" -Dmdep.stripVersion=true -Dmdep.stripClassifier=true) >&2
    zipkin_jar=$dir/zipkin/zipkin-server.jar
  fi
  read -r zport onport offport < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(3)]
for s in sockets: s.bind(("localhost", 0))
print(*(s.getsockname()[1] for s in sockets))')
  log "tracing cost: Zipkin on $zport, an instance tracing every request on $onport, one with tracing off on $offport"
  (QUERY_PORT=$zport STORAGE_TYPE=mem exec java -Xmx256m -XX:+UseSerialGC -jar "$zipkin_jar") > "$dir/zipkin.log" 2>&1 &
  zpid=$!
  local common=(--emporium.embedded-postgres.ephemeral=true --emporium.admin.email=$ADMIN_EMAIL
    --emporium.admin.password=$ADMIN_PASSWORD --emporium.demo.enabled=false "${RATE_LIMIT_ARGS[@]}")
  (cd "$dir/on" && exec env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
    "$ROOT/bin/emporium" "${common[@]}" --server.port="$onport" --management.tracing.sampling.probability=1.0 \
    --management.tracing.export.zipkin.endpoint="http://localhost:$zport/api/v2/spans") > "$dir/on.log" 2>&1 &
  onpid=$!
  (cd "$dir/off" && exec env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
    "$ROOT/bin/emporium" "${common[@]}" --server.port="$offport" --management.tracing.export.enabled=false \
    --management.tracing.sampling.probability=0.0) > "$dir/off.log" 2>&1 &
  offpid=$!
  local saved=("${XPIDS[@]}")
  XPIDS+=("$zpid" "$onpid" "$offpid")  # stopped by bench/run's cleanup if the run ends early
  ready "http://localhost:$onport" "$onpid" "$dir/on.log" 240
  ready "http://localhost:$offport" "$offpid" "$dir/off.log" 240
  for kind in on off; do
    port=$([[ $kind == on ]] && echo "$onport" || echo "$offport")
    seed "http://localhost:$port/api/v1" "$dir/$kind"
    pgport=$(pg_port_of "$dir/$kind.log")
    # Warmed up by orders, like the extracted topology: the JIT warms up with the orders it has seen.
    BENCH_ROUND=warmup-$kind-$RANDOM BENCH_TOKENS=$dir/$kind/tokens.txt wrk -t 2 -c 16 -d 120s --timeout 10s \
      -s "$BENCH/lua/order.lua" "http://localhost:$port/api/v1/orders" > /dev/null &
    local wrk_pid=$!
    while kill -0 "$wrk_pid" 2>/dev/null \
      && (( $(xsql "$pgport" "select count(*) from orders.orders") < warmup )); do sleep 0.2; done
    kill -INT "$wrk_pid" 2>/dev/null || true; wait "$wrk_pid" || true
    tracing_drain "$pgport"
  done
  log "tracing cost: both warmed up with $warmup orders"
  local round
  for round in $(seq "$rounds"); do
    for kind in on off; do
      port=$([[ $kind == on ]] && echo "$onport" || echo "$offport")
      APP_KIND=tracing-$kind BASE=http://localhost:$port BENCH_TOKENS=$dir/$kind/tokens.txt \
        app order order.lua /api/v1/orders 32 "$round" "$SECONDS_PER"
      tracing_drain "$(pg_port_of "$dir/$kind.log")"
    done
  done
  local services
  services=$(curl -s "http://localhost:$zport/api/v2/services" | jq length)
  stop "$onpid" "$offpid" "$zpid"
  reap_postgres "$dir/on.log" "$dir/off.log"
  XPIDS=("${saved[@]}")
  # Medians over the rounds; the cost is the throughput lost to tracing, and what it adds to the p99.
  local cost
  cost=$(jq -sc '
    def median: sort | .[(length-1)/2|floor];
    def of(k): [.[] | select(.kind==k and .workload=="order")];
    {kind:"tracing-cost", on_rps:(of("tracing-on")|map(.rps)|median), off_rps:(of("tracing-off")|map(.rps)|median),
     on_p99_ms:(of("tracing-on")|map(.p99_ms)|median), off_p99_ms:(of("tracing-off")|map(.p99_ms)|median)}
    | . + {throughput_cost_pct: (if .off_rps > 0 then ((1 - .on_rps / .off_rps) * 1000 | round) / 10 else null end)}' \
    "$FIGURES")
  figure "$cost"
  log "tracing cost: $(jq -r '"on \(.on_rps) orders/s p99 \(.on_p99_ms) ms, off \(.off_rps) orders/s p99 \(.off_p99_ms) ms: \(.throughput_cost_pct)% of throughput"' <<< "$cost") (Zipkin holds spans of $services services)"
}

tracing_cost_table() {  # the step's lines for results/*.md
  jq -sr '.[] | select(.kind=="tracing-cost")
    | "\n## Tracing at full sampling (spans to Zipkin) against tracing off\n\n| place order, c=32 | orders/s | p99 ms |\n|---|---|---|\n"
      + "| tracing on | \(.on_rps) | \(.on_p99_ms) |\n| tracing off | \(.off_rps) | \(.off_p99_ms) |\n\n"
      + "Throughput cost: \(.throughput_cost_pct)% (goal: under 10%)."' "$FIGURES"
}
