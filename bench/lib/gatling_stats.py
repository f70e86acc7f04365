#!/usr/bin/env python3
"""The open-model figures of a Gatling HTML report (p50, p99, p99.9, max and errors per request) as JSON lines.

Gatling 3.15 keeps its statistics only in the report's HTML table (columns: total, OK, KO, % KO, rate, min, then the
percentiles of gatling.conf: 50, 99, 99.9, 100, max, mean, std dev).
"""
import json
import re
import sys

directory, order_rate, read_rate = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
html = open(f'{directory}/index.html').read()
for row in re.findall(r'<tr id="req_[^"]*".*?</tr>', html, re.S):
    name = re.search(r'class="ellipsed-name">([^<]*)<', row).group(1)
    cols = {int(k): v for k, v in re.findall(r'col-(\d+)">([^<]*)</td>', row)}
    number = lambda k: float(cols[k].replace(',', ''))
    print(json.dumps({'kind': 'gatling', 'request': name, 'rate': order_rate if 'orders' in name else read_rate,
                      'requests': int(number(2)), 'ko': int(number(4)), 'rps': number(6), 'p50_ms': number(8),
                      'p99_ms': number(9), 'p999_ms': number(10), 'max_ms': number(12)}))
