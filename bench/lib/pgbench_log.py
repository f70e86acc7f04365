#!/usr/bin/env python3
"""One pgbench run's figures as a JSON line: transactions/s (from its summary), p50 and p99 from its -l logs."""
import glob
import json
import re
import sys

directory = sys.argv[1]
summary = open(f'{directory}/out.txt').read()
rate = re.search(r'tps = ([\d.]+) \(without initial connection time\)', summary)
# pgbench prints no rates for a run that processed no transaction in its time (a stalled server): its rate is 0.
if not rate and not re.search(r'number of transactions actually processed: 0\b', summary):
    sys.exit(f'pgbench_log.py: no rate in {directory}/out.txt:\n{summary}')
tps = float(rate.group(1)) if rate else 0.0
failed = re.search(r'number of failed transactions: (\d+)', summary)
latencies = sorted(int(line.split()[2]) for path in glob.glob(f'{directory}/pgbench_log.*') for line in open(path))


def percentile(p):
    return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] / 1000 if latencies else 0


print(json.dumps({'requests': len(latencies), 'rps': round(tps, 1), 'p50_ms': round(percentile(50), 2),
                  'p99_ms': round(percentile(99), 2), 'failed': int(failed.group(1)) if failed else 0}))
