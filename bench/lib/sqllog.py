#!/usr/bin/env python3
"""Turns the application's JDBC TRACE log into the SQL it ran, transaction by transaction.

Usage: sqllog.py APP_LOG [FROM_TIMESTAMP [TO_TIMESTAMP]]   (ISO timestamps as in the log, e.g. 2026-11-21T11:28:12)
Reads the lines of org.springframework.jdbc.core (TRACE) and JdbcTransactionManager (DEBUG) and prints, in log
order, each transaction's statements with their parameter values inlined, tagged with the thread that ran it.
"""
import re
import sys

LINE = re.compile(r'^(\S+)\s+(\w+)\s+\d+ --- \[[^\]]*\] \[\s*([^\]]+)\] (\S+)\s*: (.*)$')
PARAM = re.compile(r'column index (\d+), parameter value \[(.*)\], value class \[([^\]]+)\]')


def literal(value, cls):
    if value == 'null':
        return 'NULL'
    if cls in ('java.lang.Integer', 'java.lang.Long', 'java.math.BigDecimal', 'java.lang.Boolean'):
        return value
    return "'" + value.replace("'", "''") + "'"


def main():
    path, start, end = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else ''), (sys.argv[3] if len(sys.argv) > 3 else '~')
    pending = {}  # thread -> [sql, {index: literal}]
    out = []

    def flush(thread):
        if thread in pending:
            sql, params = pending.pop(thread)
            sql = re.sub(r'\s+', ' ', sql).strip()
            parts = sql.split('?')
            text = parts[0] + ''.join(params.get(i + 1, '?') + part for i, part in enumerate(parts[1:]))
            out.append(f'[{thread}]   {text};')

    with open(path, errors='replace') as log:
        lines = log.read().splitlines()
    i = 0
    while i < len(lines):
        m = LINE.match(lines[i])
        i += 1
        if not m or not (start <= m.group(1) <= end):
            continue
        _, _, thread, logger, message = m.groups()
        if message.startswith('Executing SQL batch update ['):
            continue
        if message.startswith('Executing prepared SQL statement ['):
            flush(thread)
            sql = message[len('Executing prepared SQL statement ['):]
            while not sql.endswith(']') and i < len(lines) and not LINE.match(lines[i]):
                sql += ' ' + lines[i]
                i += 1
            pending[thread] = [sql[:-1], {}]
        elif message.startswith('Executing SQL statement ['):
            flush(thread)
            out.append(f'[{thread}]   {message[len("Executing SQL statement ["):-1]};')
        elif message.startswith('Setting SQL statement parameter value'):
            p = PARAM.search(message)
            if p and thread in pending:
                index = int(p.group(1))
                if index in pending[thread][1]:  # a batch: the next row starts again at index 1
                    sql = pending[thread][0]
                    flush(thread)
                    pending[thread] = [sql, {}]
                pending[thread][1][index] = literal(p.group(2), p.group(3))
        elif message.startswith('Creating nested transaction'):
            flush(thread)
            out.append(f'[{thread}]   SAVEPOINT s1;')
        elif message.startswith('Releasing transaction savepoint'):
            flush(thread)
            out.append(f'[{thread}]   RELEASE SAVEPOINT s1;')
        elif message.startswith('Suspending current transaction, creating new transaction'):
            flush(thread)
            name = re.search(r'name \[([^\]]*)\]', message).group(1)
            out.append(f'[{thread}] BEGIN;  -- (second connection, the outer transaction waits) {name}')
        elif message.startswith('Creating new transaction with name'):
            flush(thread)
            name = re.search(r'name \[([^\]]*)\]', message).group(1)
            ro = ' READ ONLY' if message.rstrip().endswith('readOnly') else ''
            out.append(f'[{thread}] BEGIN{ro};  -- {name}')
        elif message.startswith('Committing JDBC transaction'):
            flush(thread)
            out.append(f'[{thread}] COMMIT;')
        elif message.startswith('Rolling back JDBC transaction'):
            flush(thread)
            out.append(f'[{thread}] ROLLBACK;')
    for thread in list(pending):
        flush(thread)
    print('\n'.join(out))


if __name__ == '__main__':
    main()
