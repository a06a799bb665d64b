import { adminQuery } from '../../../packages/db/src/testing/template';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.gridshareE2e;
  if (!state) return;
  const { server, database } = state;
  if (server.exitCode === null && server.pid) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 8000).unref())]);
  }
  if (database) await adminQuery(database.adminUrl, `DROP DATABASE IF EXISTS "${database.name}" WITH (FORCE)`);
}
