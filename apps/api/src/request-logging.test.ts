import { createLogger } from './logger';
import { requestIdFrom, runWithRequestLogger, slowQueryLogger } from './request-logging';
import { captureLogs } from './testing/log-capture';

describe('slow-query logs', () => {
  it('logs statements at or over the threshold, with the request id of the request running them', () => {
    const logs = captureLogs();
    const logger = createLogger('info', logs.stream);
    const onQuery = slowQueryLogger(logger, 100);
    onQuery('SELECT 1', 99);
    onQuery('SELECT 2 WHERE "id" = $1', 100);
    runWithRequestLogger(logger.child({ requestId: 'req-00000001' }), () => onQuery('SELECT 3', 250));
    expect(logs.lines().map(({ sql, durationMs, requestId }) => ({ sql, durationMs, requestId }))).toEqual([
      { sql: 'SELECT 2 WHERE "id" = $1', durationMs: 100, requestId: undefined },
      { sql: 'SELECT 3', durationMs: 250, requestId: 'req-00000001' },
    ]);
  });

  it('cuts very long SQL', () => {
    const logs = captureLogs();
    slowQueryLogger(createLogger('info', logs.stream), 0)(`SELECT ${'x, '.repeat(2_000)}1`, 5);
    expect(String(logs.lines()[0]?.sql)).toHaveLength(2_001);
  });
});

describe('request ids', () => {
  it('keeps well-formed ids and replaces others', () => {
    expect(requestIdFrom('01J9Z8K7Q6W5E4R3T2Y1U0I9O8')).toBe('01J9Z8K7Q6W5E4R3T2Y1U0I9O8');
    expect(requestIdFrom('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    for (const bad of [undefined, ['a-list-of', 'ids-000001'], '', 'short', 'with space 12345', 'x'.repeat(129), '<script>alert(1)</script>']) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
