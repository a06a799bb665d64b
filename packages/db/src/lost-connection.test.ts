import { isLostConnection, retryOnLostConnection } from './lost-connection';

// The shape Prisma 7 gives a statement sent on a killed backend (seen with @prisma/adapter-pg 7.10).
const killed = Object.assign(new Error(''), {
  code: 'P2039',
  meta: { modelName: 'User', driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode: '57P01', kind: 'postgres', code: '57P01', severity: 'FATAL' } } },
});

describe('lost connections', () => {
  it('recognises a killed backend, a dropped socket and an unqueryable client, and nothing else', () => {
    expect(isLostConnection(killed)).toBe(true);
    expect(isLostConnection(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isLostConnection(Object.assign(new Error('x'), { cause: { code: '08006' } }))).toBe(true);
    expect(isLostConnection(Object.assign(new Error('duplicate key'), { code: 'P2002' }))).toBe(false);
    expect(isLostConnection(Object.assign(new Error('x'), { meta: { driverAdapterError: { cause: { code: '23505' } } } }))).toBe(false);
    expect(isLostConnection('57P01')).toBe(false);
  });

  it('retries a lost connection a bounded number of times, and never another error', async () => {
    let calls = 0;
    await expect(retryOnLostConnection(async () => (++calls < 3 ? Promise.reject(killed) : 'ok'))).resolves.toBe('ok');
    expect(calls).toBe(3);
    calls = 0;
    const alwaysKilled = async () => {
      calls += 1;
      throw killed;
    };
    await expect(retryOnLostConnection(alwaysKilled)).rejects.toBe(killed);
    expect(calls).toBe(4);
    calls = 0;
    const other = new Error('check constraint');
    const failsOtherwise = async () => {
      calls += 1;
      throw other;
    };
    await expect(retryOnLostConnection(failsOtherwise)).rejects.toBe(other);
    expect(calls).toBe(1);
  });
});
