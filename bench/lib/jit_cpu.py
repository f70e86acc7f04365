#!/usr/bin/env python3
"""CPU seconds the JIT compiler threads (C1 and C2) of a JVM have used so far: how much compiling is still going on.

Usage: jit_cpu.py PID
"""
import glob
import os
import sys

ticks = 0
for task in glob.glob(f'/proc/{sys.argv[1]}/task/*'):
    try:
        with open(f'{task}/comm') as comm:
            if not comm.read().startswith(('C1 CompilerThre', 'C2 CompilerThre')):
                continue
        with open(f'{task}/stat') as stat:
            fields = stat.read().rsplit(')', 1)[1].split()  # after "(comm)", which may hold spaces
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    except (FileNotFoundError, ProcessLookupError):
        continue
print(round(ticks / os.sysconf('SC_CLK_TCK'), 2))
