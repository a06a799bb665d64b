// `npm run example -w @gridshare/sdk`: the partner flow against a running API (by default `npm start`'s demo,
// signed in as the demo tenant). GRIDSHARE_API_URL, GRIDSHARE_EMAIL and GRIDSHARE_PASSWORD point it elsewhere.
import { GridshareError } from '../src';
import { runPartnerExample } from './partner-flow';

const url = process.env.GRIDSHARE_API_URL ?? 'http://127.0.0.1:4000/graphql';
const email = process.env.GRIDSHARE_EMAIL ?? 'tenant@demo.gridshare.dev';
const password = process.env.GRIDSHARE_PASSWORD ?? 'gridshare-demo';

runPartnerExample({ url, email, password, log: (line) => process.stdout.write(`${line}\n`) }).catch((error: unknown) => {
  if (error instanceof GridshareError) {
    process.stderr.write(`${error.code}${error.field ? ` (${error.field})` : ''}: ${error.message}${error.requestId ? ` [request ${error.requestId}]` : ''}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
