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


for workload, label, goal in (('product', 'GET /products/{sku}', 0.5), ('page', 'GET /products?page=N', None)):
    for c in concurrencies:
        a, p = pick('app', workload=workload, conc=c), pick('pgbench', workload=workload, conc=c)
        ratio = med(a, 'rps') / med(p, 'rps') if a and p and med(p, 'rps') else None
        target, met = '', ''
        if goal and c == 32 and ratio is not None:
            target, met = f'≥ {goal:.0%} of pgbench', verdict(ratio >= goal)
            targets.append((f'product read at 32: {ratio:.0%} of pgbench', ratio >= goal))
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

for g in pick('gatling'):
    is_order = 'orders' in g['request']
    load = f"open model {g['rate']:g}/s (50% of max), Gatling"
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
row('5 footprint', 'process start → ready (readiness UP), s', 'idle', foot.get('ready_s'), '', '', '< 8',
    verdict(foot.get('ready_s', 99) < 8))
targets.append((f"ready in {foot.get('ready_s')} s", foot.get('ready_s', 99) < 8))
row('5 footprint', 'resident memory of the JVM, MB', 'idle, after seeding', foot.get('rss_idle_mb'))
row('5 footprint', 'resident memory of the JVM, MB (max sampled)', 'under load', foot.get('rss_load_mb'), '', '',
    '< 512', verdict(foot.get('rss_load_mb', 9999) < 512))
targets.append((f"RSS under load {foot.get('rss_load_mb')} MB", foot.get('rss_load_mb', 9999) < 512))
row('6 extraction', 'place order and checkout lag with inventory and payments extracted', '',
    'not measured: the extraction has not landed yet')

print(f'# Emporium benchmark ({mode} run)\n')
print(f'Commit {commit}; {rounds} interleaved round(s) of app and pgbench, {seconds} s per measurement, '
      f'median (min–max) over the rounds. Machine: {uptime.strip()}\n')
print('| # | measure | load | app | pgbench, same SQL | app / pgbench | target | |')
print('|---|---|---|---|---|---|---|---|')
print('\n'.join(rows))
print('\n## Targets\n')
for text, ok in targets:
    print(f"- {'met' if ok else 'NOT MET'}: {text}")
