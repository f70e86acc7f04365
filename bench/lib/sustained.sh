# Sourced by bench/run: sustained_search, the search for the highest open-model order rate at which the checkout keeps
# up (bench/README.md, *What it measures*). Each probe: place order at a constant arrival rate, a ramp of PROBE_RAMP
# seconds, then a steady window of PROBE_WINDOW seconds; it keeps up when every request was answered 201, the checkout
# backlog (unfinished publications, orders not yet PAID) did not grow over the window by more than half a second of
# arrivals, and the checkout lag p99 of the window's orders is under 500 ms, an order not PAID a second after the
# window counting as a lag above it. The first probe is at the closed-model estimate; then up by half while they keep
# up (the estimate can be well off: a busy machine stretches the drains it counts), down by 30% while they do not,
# and bisection once a rate that keeps up and one that does not are known. The backlog is drained after every probe.
# One Gatling JVM (gatling/.../SustainedSimulation.java) serves every probe, its rate set through a control file: a
# start and a warm-up of Gatling per probe would cost seconds of both cores.
# Uses bench/run's helpers: log, figure, sql, drain, lag_sql, best_median. Figures of kind probe and sustained.
# Tunable: BENCH_PROBES (5; 3 with --quick), BENCH_PROBE_WINDOW (15 s; 8 with --quick).

SUSTAINED_LAG_MS=500
# At least the lag limit: an order placed by the window's end and not PAID a second later has a lag above 500 ms.
SUSTAINED_GRACE=1
PROBE_PID=

probe_set() {  # probe_set "RATE RAMP_SECONDS" | stop
  echo "$1" > "$PROBE_DIR/control.next" && mv "$PROBE_DIR/control.next" "$PROBE_DIR/control"
}
probe_backlog() {  # unfinished publications|orders placed since the search began and not PAID yet|now()|its epoch
  sql "select (select count(*) from events.event_publication where completion_date is null),
    (select count(*) from orders.orders where created_at >= '$SEARCH_FROM' and status in ('PLACED', 'RESERVED')),
    now(), extract(epoch from now())"
}

probe() {  # probe N RATE: sets PROBE_KEPT to 1 if the checkout kept up, else 0; adds a figure of kind probe
  local n=$1 rate=$2 sent0 ok0 ko0 sent ok ko pub0 unpaid0 t0 e0 pub1 unpaid1 t1 e1 lag drained
  kill -0 "$PROBE_PID" 2>/dev/null \
    || { tail -30 "$PROBE_DIR/gatling.log" >&2; log "Gatling ended before probe $n"; exit 1; }
  read -r sent0 ok0 ko0 < "$PROBE_DIR/status"
  probe_set "$rate $PROBE_RAMP"
  sleep "$PROBE_RAMP"
  IFS='|' read -r pub0 unpaid0 t0 e0 <<< "$(probe_backlog)"
  sleep "$PROBE_WINDOW"
  IFS='|' read -r pub1 unpaid1 t1 e1 <<< "$(probe_backlog)"
  probe_set "0 0"
  sleep "$SUSTAINED_GRACE"
  lag=$(sql "$(lag_sql probe-lag "$t0" "$rate" "$t1")")
  # The requests still in flight: answered, or given up on, before the counts are taken (a minute at most).
  for _ in $(seq 600); do
    read -r sent ok ko < "$PROBE_DIR/status"
    (( sent == ok + ko )) && break
    sleep 0.1
  done
  (( n == PROBES )) && probe_set stop  # Gatling stops while the last backlog drains
  drained=$(drain)
  PROBE_KEPT=$(jq -r --argjson sent $(( sent - sent0 )) --argjson ok $(( ok - ok0 )) --argjson ko $(( ko - ko0 )) \
    --argjson pub "[$pub0,$pub1]" --argjson unpaid "[$unpaid0,$unpaid1]" --argjson limit "$SUSTAINED_LAG_MS" \
    --argjson n "$n" --argjson window "$(python3 -c "print(round($e1 - $e0, 2))")" --argjson drained "$drained" '
    # Growth allowed over the window: half a second of arrivals (the lag limit), at least 10 orders; publications
    # twice that, since an order in its checkout holds one or two unfinished publications at a time.
    ([10, (.rate / 2 | ceil)] | max) as $tolerance
    | . + {kind: "probe", n: $n, window_s: $window, achieved: ((.orders / $window * 10 | round) / 10),
           sent: $sent, ok: $ok, ko: $ko, unanswered: ($sent - $ok - $ko), publications: $pub, unpaid: $unpaid,
           tolerance: $tolerance, drain_s: $drained}
    | . + {kept_up: (.ko == 0 and .unanswered == 0 and .orders > 0 and ($unpaid[1] - $unpaid[0]) <= $tolerance
           and ($pub[1] - $pub[0]) <= 2 * $tolerance and .p99_ms != null and .p99_ms < $limit)}
    | tojson' <<< "$lag")
  figure "$PROBE_KEPT"
  log "  probe $n: $(jq -r '"\(.rate) orders/s (\(.achieved)/s placed in the window): \(if .kept_up then "kept up" else "did not keep up" end); backlog \(.publications[0])→\(.publications[1]) publications, \(.unpaid[0])→\(.unpaid[1]) orders not PAID; lag p50/p99 \(.p50_ms // "-")/\(.p99_ms // "> limit") ms, \(.orders - .paid) not PAID after the grace; \(.ko) failed, \(.unanswered) unanswered; drained in \(.drain_s)s"' <<< "$PROBE_KEPT")"
  PROBE_KEPT=$(jq -r 'if .kept_up then 1 else 0 end' <<< "$PROBE_KEPT")
}

sustained_search() {  # sustained_search ESTIMATE: the closed-model estimate of the order rate, where the search starts
  local estimate=$1 lo= hi= rate n ceiling start
  PROBES=${BENCH_PROBES:-$(( QUICK ? 3 : 5 ))} PROBE_WINDOW=${BENCH_PROBE_WINDOW:-$(( QUICK ? 8 : 15 ))}
  PROBE_RAMP=$(( QUICK ? 3 : 4 )) PROBE_DIR=$WORK/probes
  mkdir -p "$PROBE_DIR"
  rate=$(python3 -c "print(max(1, round($estimate, 1)))")
  # Users arrive at the ceiling, the highest rate the search can reach, and are thinned to the probe's rate.
  ceiling=$(python3 -c "import math; print(math.ceil($rate * 1.5 ** ($PROBES - 1)) + 1)")
  probe_set "0 0"
  start=$(date +%s.%N)
  (cd "$BENCH/gatling" && BENCH_BASE_URL=$BASE BENCH_TOKENS=$WORK/tokens.txt BENCH_PRODUCTS=$PRODUCTS \
    BENCH_PROBE_CEILING=$ceiling BENCH_PROBE_MAX_SECONDS=$(( PROBES * (PROBE_RAMP + PROBE_WINDOW + 90) + 60 )) \
    BENCH_PROBE_CONTROL=$PROBE_DIR/control BENCH_PROBE_STATUS=$PROBE_DIR/status \
    exec "${GATLING_JAVA[@]}" --simulation dev.emporium.bench.SustainedSimulation --results-folder "$PROBE_DIR/results") \
    > "$PROBE_DIR/gatling.log" 2>&1 &
  PROBE_PID=$!  # stopped by bench/run's cleanup if the run ends early
  until [[ -f $PROBE_DIR/status ]]; do
    kill -0 "$PROBE_PID" 2>/dev/null || { tail -30 "$PROBE_DIR/gatling.log" >&2; log "Gatling ended before the probes"; exit 1; }
    (( $(date +%s) - ${start%.*} < 120 )) || { log "Gatling did not start injecting in 120 s"; exit 1; }
    sleep 0.1
  done
  log "sustained checkout: Gatling injecting after $(elapsed "$start")s; $PROBES probes of ${PROBE_RAMP}s ramp + ${PROBE_WINDOW}s window, from $rate orders/s (the closed-model estimate)"
  SEARCH_FROM=$(sql "select now()")
  touch "$WORK/loading"
  for n in $(seq "$PROBES"); do
    probe "$n" "$rate"
    if (( PROBE_KEPT )); then lo=$rate; else hi=$rate; fi
    # To a tenth of an order/s: whole ones repeat a rate once the search is down to a few orders/s (a busy machine).
    if [[ -z $hi ]]; then rate=$(python3 -c "print(round($lo * 1.5, 1))")
    elif [[ -z $lo ]]; then rate=$(python3 -c "print(round($hi * 0.7, 1))")
    else rate=$(python3 -c "print(round(($lo + $hi) / 2, 1))"); fi
    # Nothing kept up down to half an order/s: the checkout is not measurable on this machine now.
    python3 -c "import sys; sys.exit(0 if $rate < 0.5 else 1)" && { (( n < PROBES )) && probe_set stop; break; }
    # Bisected down to a step of 3% or one order/s: one more probe would measure the noise.
    if [[ -n $lo && -n $hi ]] && python3 -c "import sys; sys.exit(0 if $hi - $lo <= max(1, 0.03 * $hi) else 1)"; then
      (( n < PROBES )) && probe_set stop
      break
    fi
  done
  rm -f "$WORK/loading"
  for _ in $(seq 300); do kill -0 "$PROBE_PID" 2>/dev/null || break; sleep 0.1; done
  stop "$PROBE_PID"; PROBE_PID=
  local best
  best=$(best_median pgbench checkout)
  # The figure is the rate the orders arrived at in the best window that kept up (what was placed and PAID), not the
  # rate asked of Gatling; on a saturated machine the two can differ.
  figure "$(jq -sc --argjson best "$best" --argjson estimate "$estimate" --argjson seconds "$(elapsed "$start")" '
    map(select(.kind == "probe")) as $probes | ($probes | map(select(.kept_up)) | max_by(.rate)) as $top
    | {kind: "sustained", rate: ($top.achieved // 0), asked: ($top.rate // 0), closed_model_rps: $estimate,
       pgbench_rps: $best.rps, pgbench_conc: $best.conc, probes: ($probes | length), window_s: '"$PROBE_WINDOW"',
       ramp_s: '"$PROBE_RAMP"', seconds: $seconds,
       bound: (if $probes | all(.kept_up) then "lower" elif $top == null then "none" else "bracketed" end)}
    | . + {ratio: (if .pgbench_rps > 0 then .rate / .pgbench_rps else null end)}' "$FIGURES")"
  log "sustained checkout: $(tail -1 "$FIGURES" | jq -r '"\(.rate) orders/s kept up (asked \(.asked)/s; \(.bound)), pgbench \(.pgbench_rps) at c=\(.pgbench_conc): \(.ratio * 100 | round)%; search took \(.seconds)s"')"
}
