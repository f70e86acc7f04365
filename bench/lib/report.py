#!/usr/bin/env python3
"""Turns bench/run's figures (JSON lines) into the one Markdown table of bench/results/latest.md."""
import json
import statistics
import sys

path, mode, rounds, seconds, uptime, commit = sys.argv[1:7]
figures = [json.loads(line) for line in open(path) if line.strip()]


def pick(kind, **where):
    return [f for f in figures if f['kind'] == kind and all(f.get(k) == v for k, v in where.items())]


def med(rows, key):
    values = [r[key] for r in rows]
    return statistics.median(values) if values else None


def spread(rows, key, digits=0):
    values = sorted(r[key] for r in rows)
    if not values:
        return 'n/a'
    m = statistics.median(values)
    text = f'{m:,.{digits}f}'
    if len(values) > 1:
        text += f' ({values[0]:,.{digits}f}–{values[-1]:,.{digits}f})'
    return text


def verdict(ok):
    return 'met' if ok else '**not met**'


concurrencies = sorted({f['conc'] for f in pick('app')})
rows = []
targets = []


def row(area, measure, load, app, pg='', ratio='', target='', met=''):
    rows.append(f'| {area} | {measure} | {load} | {app} | {pg} | {ratio} | {target} | {met} |')


# The headline: the highest open-model order rate at which the checkout keeps up (bench/lib/sustained.sh), against
# pgbench running the request's and the whole checkout's SQL at its best concurrency; the closed-model proxy beside it.
sustained = next(iter(pick('sustained')), None)
probes = pick('probe')
if sustained:
    best = f"{sustained['pgbench_rps']:,.0f} (c={sustained['pgbench_conc']})" if sustained['pgbench_rps'] else 'n/a'
    ratio = sustained['ratio']
    app = f"{sustained['rate']:,.1f}" + {
        'lower': f" (asked {sustained['asked']:g}/s; every probe kept up: the limit is higher)",
        'none': ' (no probe kept up)'}.get(sustained.get('bound'), f" (asked {sustained['asked']:g}/s)")
    row('sustained checkout', 'orders/s placed and PAID, highest open-model rate that keeps up '
        '(backlog not growing, checkout lag p99 < 500 ms, every answer 201)',
        f"Gatling, {len(probes)} probes: {sustained['ramp_s']:g} s ramp + {sustained['window_s']:g} s window", app, best,
        f'{ratio:.0%}' if ratio is not None else '', '≥ 60% of pgbench', verdict(ratio is not None and ratio >= 0.6))
    targets.append((f"sustained checkout: {sustained['rate']:,.1f} orders/s, "
                    f"{ratio:.0%} of pgbench's whole checkout" if ratio is not None else 'sustained checkout: n/a',
                    ratio is not None and ratio >= 0.6))
    proxy = sustained['closed_model_rps']
    row('sustained checkout', '… closed-model proxy: orders a round placed / (round + its drain), best median',
        'wrk, the place-order rounds below', f'{proxy:,.1f}', best,
        f"{proxy / sustained['pgbench_rps']:.0%}" if sustained['pgbench_rps'] else '')

# Issue 16's goals at 32 connections: the product read keeps 90% of pgbench, the page read reaches half of it.
for workload, label, name, goal in (('product', 'GET /products/{sku}', 'product read', 0.9),
                                    ('page', 'GET /products?page=N', 'page read', 0.5)):
    for c in concurrencies:
        a, p = pick('app', workload=workload, conc=c), pick('pgbench', workload=workload, conc=c)
        ratio = med(a, 'rps') / med(p, 'rps') if a and p and med(p, 'rps') else None
        target, met = '', ''
        if c == 32 and ratio is not None:
            target, met = f'≥ {goal:.0%} of pgbench', verdict(ratio >= goal)
            targets.append((f'{name} at 32: {ratio:.0%} of pgbench', ratio >= goal))
        row('1 reads', f'{label} requests/s', f'wrk c={c}', spread(a, 'rps'), spread(p, 'rps'),
            f'{ratio:.0%}' if ratio is not None else '', target, met)
        row('1 reads', f'{label} p50 / p99 ms', f'wrk c={c}',
            f"{spread(a, 'p50_ms', 1)} / {spread(a, 'p99_ms', 1)}", f"{spread(p, 'p50_ms', 1)} / {spread(p, 'p99_ms', 1)}")

for c in concurrencies:
    a = pick('app', workload='order', conc=c)
    p, full = pick('pgbench', workload='order', conc=c), pick('pgbench', workload='checkout', conc=c)
    ratio = med(a, 'rps') / med(p, 'rps') if a and p else None
    ratio_full = med(a, 'rps') / med(full, 'rps') if a and full else None
    target, met = '', ''
    if c == 32 and ratio is not None:
        target, met = '≥ 40% of pgbench', verdict(ratio >= 0.4)
        targets.append((f'place order at 32: {ratio:.0%} of pgbench (request SQL)', ratio >= 0.4))
    row('2 place order', 'POST /orders orders/s vs pgbench: request SQL', f'wrk c={c}', spread(a, 'rps'),
        spread(p, 'rps'), f'{ratio:.0%}' if ratio is not None else '', target, met)
    row('2 place order', '… vs pgbench: request + whole checkout SQL', f'wrk c={c}', spread(a, 'rps'),
        spread(full, 'rps'), f'{ratio_full:.0%}' if ratio_full is not None else '')
    # What the six asynchronous steps cost in SQL alone: pgbench's request against its whole checkout.
    sql = med(p, 'rps') / med(full, 'rps') if p and full and med(full, 'rps') else None
    target, met = '', ''
    if c == 32 and sql is not None:
        target, met = '≤ 4×', verdict(sql <= 4)
        targets.append((f"the checkout's own SQL at 32: {sql:.1f}× the request's alone", sql <= 4))
    row('2 place order', "the checkout's own SQL: pgbench's request alone against its whole checkout, tx/s",
        f'pgbench c={c}', '', f"{spread(p, 'rps')} vs {spread(full, 'rps')}",
        f'{sql:.1f}×' if sql is not None else '', target, met)
    row('2 place order', 'p50 / p99 ms', f'wrk c={c}', f"{spread(a, 'p50_ms', 1)} / {spread(a, 'p99_ms', 1)}",
        f"{spread(p, 'p50_ms', 1)} / {spread(p, 'p99_ms', 1)} (request); "
        f"{spread(full, 'p50_ms', 1)} / {spread(full, 'p99_ms', 1)} (with checkout)")
    total = sum(r['requests'] for r in a)
    bad = sum(r['non2xx'] + r.get('socket_errors', 0) for r in a)
    share = bad / total if total else 0
    row('2 place order', 'non-2xx answers (and socket errors)', f'wrk c={c}', f'{bad} of {total:,} ({share:.2%})',
        '', '', '0', verdict(bad == 0))
    d = pick('drain', conc=c)
    row('2 place order', 'checkout backlog when wrk stops: publications, seconds to drain', f'wrk c={c}',
        f"{spread(d, 'backlog')} publications, {spread(d, 'seconds', 1)} s")
    if c == concurrencies[-1]:
        targets.append((f'no non-2xx answers to place order ({bad} at c={c})', bad == 0))

capacity = next(iter(pick('read-capacity')), None)
for g in pick('gatling'):
    is_order = 'orders' in g['request']
    load = f"open model {g['rate']:g}/s (50% of max), Gatling"
    if not is_order and capacity:
        load = (f"open model {g['rate']:g}/s (50% of Gatling's closed-model max, {capacity['rps']:,.0f}/s at "
                f"c={capacity['conc']}), Gatling")
    met = ''
    target = ''
    if is_order:
        ok = g['p99_ms'] < 50 and g['p999_ms'] < 200
        target, met = 'p99 < 50, p99.9 < 200', verdict(ok)
        targets.append((f"place order at half load: p99 {g['p99_ms']} ms, p99.9 {g['p999_ms']} ms", ok))
    row('3 latency', f"{g['request']} p50 / p99 / p99.9 / max ms", load,
        f"{g['p50_ms']} / {g['p99_ms']} / {g['p999_ms']} / {g['max_ms']}", '', '', target, met)
    row('3 latency', f"{g['request']} achieved rate, failed", load, f"{g['rps']:.1f}/s, {g['ko']} of {g['requests']}")

for lag in pick('lag'):
    ok = lag['p99_ms'] is not None and lag['p99_ms'] < 500
    targets.append((f"checkout lag p99 {lag['p99_ms']} ms", ok))
    row('3 checkout lag', 'POST answered → PAID, p50 / p99 ms', f"open model {lag['rate']:g} orders/s",
        f"{lag['p50_ms']} / {lag['p99_ms']} ({lag['paid']} of {lag['orders']} orders PAID)", '', '', 'p99 < 500',
        verdict(ok))

foot = {f['name']: f['value'] for f in pick('footprint')}
row('5 footprint', 'process start → ready (readiness UP), s', 'bin/emporium: unpacked, CDS archive', foot.get('ready_s'), '', '', '< 8',
    verdict(foot.get('ready_s', 99) < 8))
targets.append((f"ready in {foot.get('ready_s')} s", foot.get('ready_s', 99) < 8))
row('5 footprint', 'resident memory of the JVM, MB', 'idle, after seeding', foot.get('rss_idle_mb'))
gc = next(iter(pick('gc')), None)
if gc:
    row('5 footprint', 'GC pauses of the JVM over the run: count, longest ms, total s', 'bin/emporium: serial, 256 MB',
        f"{gc['pauses']}, {gc['max_ms']:.1f}, {gc['total_s']:.2f}")
row('5 footprint', 'resident memory of the JVM, MB (max sampled)', 'under load', foot.get('rss_load_mb'), '', '',
    '< 512', verdict(foot.get('rss_load_mb', 9999) < 512))
targets.append((f"RSS under load {foot.get('rss_load_mb')} MB", foot.get('rss_load_mb', 9999) < 512))
if 'jar_bytes' in foot:
    mib = foot['jar_bytes'] / 2**20
    row('5 footprint', 'size of target/emporium.jar, MiB', 'as built', f"{mib:.1f} ({foot['jar_bytes']:,} bytes)", '',
        '', '≤ 80', verdict(mib <= 80))
    targets.append((f'jar {mib:.1f} MiB', mib <= 80))


# Item 6: the monolith with inventory and payments extracted (X) against the all-local monolith (M). Each X round ran
# right after a round of M of the same length ('pair-' figures): the ratio is taken pair by pair, between neighbours
# in time, and the median (min–max) of those is shown. The open model runs each at half of what it sustains itself.
def times(x, m):
    return f'{x / m:.2f}×' if x is not None and m else ''


def pair_ratios(xrows, mrows, key):
    by_round = {r['round']: r[key] for r in mrows}
    return sorted(r[key] / by_round[r['round']] for r in xrows if by_round.get(r['round']))


def ratios(xrows, mrows, key):
    values = pair_ratios(xrows, mrows, key)
    if not values:
        return ''
    text = f'{statistics.median(values):.2f}×'
    return text + (f' ({values[0]:.2f}–{values[-1]:.2f})' if len(values) > 1 else '')


def sustained(apps, drains):
    by_round = {d['round']: d['seconds'] for d in drains}
    return [{'round': a['round'], 'rps': a['rps'] * a['seconds'] / (a['seconds'] + by_round[a['round']])}
            for a in apps if a['round'] in by_round]


def per_order(rows):
    return [{'round': r['round'], 'ms': 1000 * r['cpu_s'] / r['orders']} for r in rows if r['orders']]


def statuses(rows):
    total = sum(r['requests'] for r in rows)
    bad = sum(r['non2xx'] + r.get('socket_errors', 0) for r in rows)
    return bad, total


extraction = []
xapps = pick('extracted-app', workload='order')
if xapps:
    c = xapps[0]['conc']
    xrounds = sorted({r['round'] for r in xapps})
    ma, mdrains = pick('pair-app', workload='order', conc=c), pick('pair-drain', conc=c)
    xdrains = pick('extracted-drain', conc=c)
    load = (f"wrk c={c}, {xapps[0]['seconds']:.0f} s each, round{'s' if len(xrounds) > 1 else ''} "
            f"{', '.join(map(str, xrounds))}")
    rate = ratios(xapps, ma, 'rps')
    extraction.append(f'place order at {c} connections {rate}')
    row('6 extraction', 'POST /orders orders/s, extracted vs monolith', load, spread(xapps, 'rps'),
        spread(ma, 'rps'), rate)
    row('6 extraction', 'POST /orders p50 / p99 ms, extracted vs monolith', load,
        f"{spread(xapps, 'p50_ms', 1)} / {spread(xapps, 'p99_ms', 1)}",
        f"{spread(ma, 'p50_ms', 1)} / {spread(ma, 'p99_ms', 1)}",
        f"{ratios(xapps, ma, 'p50_ms')} / {ratios(xapps, ma, 'p99_ms')}")
    (xbad, xtotal), (mbad, mtotal) = statuses(xapps), statuses(ma)
    row('6 extraction', 'non-2xx answers (and socket errors), extracted vs monolith', load,
        f'{xbad} of {xtotal:,} ({xbad / xtotal if xtotal else 0:.2%})', f'{mbad} of {mtotal:,}', '', '0',
        verdict(xbad == 0))
    targets.append((f'no non-2xx answers to place order with inventory and payments extracted ({xbad} at c={c})',
                    xbad == 0))
    row('6 extraction', 'checkout backlog when wrk stops, seconds to drain, extracted vs monolith', load,
        f"{spread(xdrains, 'backlog')} publications and {spread(xdrains, 'unpaid')} orders not PAID, "
        f"{spread(xdrains, 'seconds', 1)} s", f"{spread(mdrains, 'backlog')} publications, "
        f"{spread(mdrains, 'seconds', 1)} s")
    row('6 extraction', 'orders placed before the round (how far the JIT had warmed up), extracted vs monolith',
        load, spread(xdrains, 'placed_before'), spread(mdrains, 'placed_before'))
    xs, ms = sustained(xapps, xdrains), sustained(ma, mdrains)
    rate = ratios(xs, ms, 'rps')
    extraction.append(f'orders sustained through checkout {rate}')
    row('6 extraction', 'orders/s sustained through checkout (placed / (round + drain)), extracted vs monolith',
        load, spread(xs, 'rps', 1), spread(ms, 'rps', 1), rate)
    xcpu, mcpu = per_order(pick('extracted-cpu', conc=c)), per_order(pick('pair-cpu', conc=c))
    if xcpu:
        cost, values = ratios(xcpu, mcpu, 'ms'), pair_ratios(xcpu, mcpu, 'ms')
        extraction.append(f'CPU per order {cost}')
        target, met = '', ''
        if values:
            target, met = '≤ 2×', verdict(statistics.median(values) <= 2)
            targets.append((f'extracted CPU per order {cost} the monolith\'s', statistics.median(values) <= 2))
        row('6 extraction', 'CPU ms per order placed and checked out, all processes of the topology '
            '(PostgreSQL and broker included), extracted vs monolith', load, spread(xcpu, 'ms', 1),
            spread(mcpu, 'ms', 1) if mcpu else 'n/a (external PostgreSQL)', cost, target, met)
PERCENTILES = {'p50_ms': 'p50', 'p99_ms': 'p99', 'p999_ms': 'p99.9', 'max_ms': 'max'}


def latency_rows(kind, load, keys, rate, summary, target):
    """POST /orders on the extracted topology (kind extracted-KIND) against the monolith (KIND), a row a request."""
    for g in pick('extracted-' + kind):
        name = g['request'].replace(' (extracted)', '').replace('extracted, ', '')
        m = next((m for m in pick(kind) if m['request'] == name), {})
        describe = lambda f: (' / '.join(f'{f[k]}' for k in keys) + f", {f['ko']} of {f['requests']} failed"
                              + (f", at {f['rate']:g}/s" if rate else ''))
        p99 = times(g['p99_ms'], m.get('p99_ms'))
        extraction.append(f"place order p99 {summary(g)} {p99}")
        judged = ()
        if target and m.get('p99_ms'):
            ok = g['p99_ms'] / m['p99_ms'] <= 2
            judged = ('p99 ≤ 2×', verdict(ok))
            targets.append((f'extracted place-order p99 {summary(g)} {p99} the monolith\'s', ok))
        row('6 extraction', f"POST /orders {' / '.join(PERCENTILES[k] for k in keys)} ms, failed, extracted vs monolith",
            load(g), describe(g), describe(m) if m else '', ' / '.join(times(g[k], m.get(k)) for k in keys), *judged)


def lag_rows(kind, load, rate, summary, target):
    """The checkout lag of those orders, extracted (kind extracted-KIND) against the monolith (KIND)."""
    for lag in pick('extracted-' + kind):
        m = next(iter(pick(kind)), {})
        describe = lambda f: (f"{f['p50_ms']} / {f['p99_ms']} ({f['paid']} of {f['orders']} orders PAID"
                              + (f", at {f['rate']:g}/s)" if rate else ')'))
        extraction.append(' '.join(part for part in ('checkout lag p99', summary(lag), times(lag['p99_ms'],
                                                                                      m.get('p99_ms'))) if part))
        ok = lag['p99_ms'] is not None and lag['p99_ms'] < 500
        row('6 extraction', 'checkout lag, POST answered → PAID, p50 / p99 ms, extracted vs monolith', load(lag),
            describe(lag), describe(m) if m else '',
            f"{times(lag['p50_ms'], m.get('p50_ms'))} / {times(lag['p99_ms'], m.get('p99_ms'))}",
            *(('p99 < 500', verdict(ok)) if target else ()))


half = 'each at 50% of its own max'
latency_rows('gatling', lambda g: f'open model, {half}, Gatling', ('p50_ms', 'p99_ms', 'p999_ms', 'max_ms'), True,
             lambda g: 'at half load', True)
# The target is the monolith's: shown here for comparison, not counted among the targets below.
lag_rows('lag', lambda lag: f'open model, {half}', True, lambda lag: '', True)
# The same two at a low rate, each alone on the machine: what the hop adds without the contention of half load.
low = lambda f: f"open model, {f['rate']:g}/s each (little contention)"
latency_rows('low-gatling', lambda g: low(g) + ', Gatling', ('p50_ms', 'p99_ms', 'max_ms'), False,
             lambda g: f"at {g['rate']:g}/s", False)
lag_rows('low-lag', low, False, lambda lag: f"at {lag['rate']:g}/s", False)
for idle in pick('extracted-idle'):
    row('6 extraction', 'CPU the idle extracted topology took beside the monolith (its own rounds excepted)',
        'while the monolith was measured', f"{idle['cpu_s'] / idle['seconds']:.1%} of one core "
        f"({idle['cpu_s']:g} s in {idle['seconds']:g} s)" if idle['seconds'] else 'n/a')
if not extraction:
    row('6 extraction', 'place order and checkout lag with inventory and payments extracted', '',
        'not measured in this run (bench/run --extraction)')

timing = next(iter(pick('timing')), None)
warmup = next(iter(pick('warmup')), None)
print(f'# Emporium benchmark ({mode} run)\n')
print(f'Commit {commit}; {rounds} interleaved round(s) of app and pgbench, {seconds} s per measurement, '
      f'median (min–max) over the rounds. Machine: {uptime.strip()}'
      + (f"; measured in {timing['run_s'] // 60:.0f} min {timing['run_s'] % 60:.0f} s" if timing else '')
      + (f" (item 6's own steps: {timing['extraction_s']:.0f} s)" if timing and extraction else '') + '.'
      + (f" Warm-up: {warmup['seconds']:.0f} s in {warmup['slices']} slice(s) of load; the JIT compilers used "
         f"{warmup['jit_share']:.0%} of a core in the last one." if warmup else '') + '\n')
print('| # | measure | load | app | pgbench, same SQL (6: the all-local monolith) | app / pgbench '
      '(6: extracted / monolith) | target | |')
print('|---|---|---|---|---|---|---|---|')
print('\n'.join(rows))
if probes:
    print('\n## Sustained checkout: the probes\n')
    print(f"Place order at a constant arrival rate, in order of the search; kept up: every request answered 201, the "
          f"backlog grew by at most the tolerance over the window (publications: twice it), the checkout lag p99 of "
          f"the window's orders below 500 ms (an order not PAID 1 s after the window counts as above it).\n")
    print('| # | asked orders/s | placed in the window /s | kept up | publications start → end | orders not PAID '
          'start → end | tolerance | lag p50 / p99 ms | not PAID after the grace | failed, unanswered | drained in s |')
    print('|---|---|---|---|---|---|---|---|---|---|---|')
    for p in probes:
        lag = lambda k: '> 500' if p[k] is None and p['orders'] else ('n/a' if p[k] is None else f'{p[k]:g}')
        print(f"| {p['n']} | {p['rate']:g} | {p['achieved']:g} | {'yes' if p['kept_up'] else '**no**'} | "
              f"{p['publications'][0]} → {p['publications'][1]} | {p['unpaid'][0]} → {p['unpaid'][1]} | "
              f"{p['tolerance']} | {lag('p50_ms')} / {lag('p99_ms')} | {p['orders'] - p['paid']} of {p['orders']} | "
              f"{p['ko']}, {p['unanswered']} | {p['drain_s']:g} |")
if extraction:
    print('\n## Ratio of the extraction\n')
    print('Inventory and payments extracted (each its own process and PostgreSQL, events over Kafka) against the '
          'all-local monolith, extracted / monolith (closed model: median of the pairs of rounds; open model: each '
          'at half of what it sustains): ' + '; '.join(extraction) + '.')
print('\n## Targets\n')
for text, ok in targets:
    print(f"- {'met' if ok else 'NOT MET'}: {text}")
