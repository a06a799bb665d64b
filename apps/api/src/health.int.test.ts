// /healthz says the process is up; /readyz says whether the database answers, and follows it.
import { type TestApi, startTestApi } from './testing/test-api';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close().catch(() => {}));

it('reports the process up and the database ready, then unavailable once the database is gone', async () => {
  const health = await fetch(`${api.url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const ready = await fetch(`${api.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', database: true });

  await api.db.close();
  const gone = await fetch(`${api.url}/readyz`);
  expect(gone.status).toBe(503);
  expect(await gone.json()).toEqual({ status: 'unavailable', database: false });
  expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
});
