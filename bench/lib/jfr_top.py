#!/usr/bin/env python3
"""Where a JFR recording's CPU samples are: the hottest top frames, and the share of samples per code area.

Usage: jfr_top.py RECORDING.jfr   (runs the JDK's `jfr print --events jdk.ExecutionSample`)
"""
import collections
import re
import subprocess
import sys

text = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '64', sys.argv[1]],
                      capture_output=True, text=True, check=True).stdout
AREAS = [('JSON (Jackson)', 'tools.jackson'), ('JWT / crypto', ('nimbus', 'sun.security', 'java.security', 'javax.crypto')),
         ('PostgreSQL driver', 'org.postgresql'), ('Hikari', 'com.zaxxer'), ('Spring Data JDBC', 'org.springframework.data'),
         ('Spring Modulith events', 'org.springframework.modulith'), ('Spring Security', 'org.springframework.security'),
         ('Tomcat', 'org.apache'), ('logging', ('ch.qos.logback', 'org.slf4j')), ('emporium', 'dev.emporium'),
         ('Validation', 'org.hibernate.validator')]
samples, top, areas = 0, collections.Counter(), collections.Counter()
for event in text.split('jdk.ExecutionSample')[1:]:
    frames = re.findall(r'^\s+([\w$.<>]+)\(', event.split('stackTrace = [', 1)[-1], re.M)
    if not frames:
        continue
    samples += 1
    top[frames[0]] += 1
    for name, prefixes in AREAS:
        if any(f.startswith(prefixes) for f in frames):
            areas[name] += 1
print(f'{samples} CPU samples\n\nHottest top frames:')
for frame, n in top.most_common(15):
    print(f'  {n / samples:6.1%}  {frame}')
print('\nSamples with a frame of (inclusive, overlapping):')
for name, n in areas.most_common():
    print(f'  {n / samples:6.1%}  {name}')
