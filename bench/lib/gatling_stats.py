#!/usr/bin/env python3
"""The open-model figures of a Gatling HTML report (p50, p99, p99.9, max and errors per request) as JSON lines.

Gatling 3.15 keeps its statistics only in the report's HTML table (columns: total, OK, KO, % KO, rate, min, then the
percentiles of gatling.conf: 50, 99, 99.9, 100, max, mean, std dev). Its rate is over the whole simulation, whose
steps run one after the other: the rate of a request is its count over the duration of its own step instead.
Usage: gatling_stats.py REPORT_DIR ORDER_RATE READ_RATE SECONDS [EXTRACTED_ORDER_RATE EXTRACTED_SECONDS
                        [LOW_RATE LOW_SECONDS]]
"""
import json
import re
import sys

directory, order_rate, read_rate, seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
extracted_rate, extracted_seconds = (float(sys.argv[5]), float(sys.argv[6])) if len(sys.argv) > 6 else (0, seconds)
low_rate, low_seconds = (float(sys.argv[7]), float(sys.argv[8])) if len(sys.argv) > 8 else (0, seconds)
html = open(f'{directory}/index.html').read()
for row in re.findall(r'<tr id="req_[^"]*".*?</tr>', html, re.S):
    name = re.search(r'class="ellipsed-name">([^<]*)<', row).group(1)
    if name.startswith('warm-up'):
        continue
    cols = {int(k): v for k, v in re.findall(r'col-(\d+)">([^<]*)</td>', row)}
    number = lambda k: float(cols[k].replace(',', ''))
    # "POST /orders (extracted)", "POST /orders (low rate)", "POST /orders (extracted, low rate)"
    extracted, low = 'extracted' in name, 'low rate' in name
    rate, duration = ((low_rate, low_seconds) if low else (extracted_rate, extracted_seconds) if extracted
                      else (order_rate if 'orders' in name else read_rate, seconds))
    print(json.dumps({'kind': ('extracted-' if extracted else '') + ('low-' if low else '') + 'gatling',
                      'request': name, 'rate': rate, 'requests': int(number(2)), 'ko': int(number(4)),
                      'rps': round(number(2) / duration, 1),
                      'p50_ms': number(8), 'p99_ms': number(9), 'p999_ms': number(10), 'max_ms': number(12)}))
