#!/usr/bin/env python3
"""CPU seconds (user + system) used so far by the given processes and every live process below them.

bench/run uses it to show how much the idle extracted topology (broker, services, their PostgreSQL servers) took
from the cores while the monolith was measured. Usage: cpu_seconds.py PID...
"""
import os
import sys

ticks = os.sysconf('SC_CLK_TCK')
parents, used = {}, {}
for entry in os.listdir('/proc'):
    if not entry.isdigit():
        continue
    try:
        stat = open(f'/proc/{entry}/stat').read()
    except OSError:
        continue
    # The command name (2nd field) may hold spaces and parentheses: the fields that follow start after the last ')'.
    fields = stat[stat.rindex(')') + 2:].split()
    parents[int(entry)] = int(fields[1])
    used[int(entry)] = int(fields[11]) + int(fields[12])

roots = {int(pid) for pid in sys.argv[1:]}


def counted(pid):
    while pid > 1:
        if pid in roots:
            return True
        pid = parents.get(pid, 0)
    return False


print(round(sum(t for pid, t in used.items() if counted(pid)) / ticks, 2))
