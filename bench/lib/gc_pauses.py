#!/usr/bin/env python3
"""The pauses of a JVM's unified GC log (-Xlog:gc) as one JSON line: how many, the longest, and their sum.

Usage: gc_pauses.py GC_LOG
"""
import json
import re
import sys

pauses = [float(ms) for ms in re.findall(r'Pause .* (\d+\.\d+)ms$', open(sys.argv[1]).read(), re.M)]
print(json.dumps({'kind': 'gc', 'pauses': len(pauses), 'max_ms': max(pauses, default=0),
                  'total_s': round(sum(pauses) / 1000, 2)}))
