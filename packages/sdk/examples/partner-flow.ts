// The partner flow the README shows: sign in, make an API key, list capacity, create a request, run
// matching, read the matches. `npm run example -w @gridshare/sdk` runs it against a running API; an
// integration test (apps/api/src/sdk-example.int.test.ts) runs the same function against the test API.
import {
  CreateApiKeyDocument,
  CreateColocationRequestDocument,
  GridshareClient,
  MatchesDocument,
  type MatchesQuery,
  MeDocument,
  RevokeApiKeyDocument,
  RunMatchingDocument,
  SearchCapacityDocument,
  SignInDocument,
} from '../src';

export interface PartnerExampleOptions {
  /** GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  /** A TENANT organisation's person: the example makes itself a short-lived API key with their session. */
  email: string;
  password: string;
  log?: (line: string) => void;
}

export interface PartnerExampleResult {
  listings: number;
  requestId: string;
  matches: NonNullable<MatchesQuery['matches']>['matches'];
}

export async function runPartnerExample({ url, email, password, log = () => {} }: PartnerExampleOptions): Promise<PartnerExampleResult> {
  const anonymous = new GridshareClient({ url });
  const { signIn } = await anonymous.request(SignInDocument, { input: { email, password } });
  const person = anonymous.withCredentials(signIn.token);
  log(`signed in as ${signIn.user.email} for ${signIn.organization?.name ?? 'no organisation'}`);

  const { createApiKey } = await person.request(CreateApiKeyDocument, {
    input: { name: `sdk example ${new Date().toISOString()}`, scopes: ['CAPACITY_READ', 'REQUESTS_READ', 'REQUESTS_WRITE'] },
  });
  const partner = person.withCredentials(createApiKey.secret);
  try {
    const { me } = await partner.request(MeDocument);
    log(`API key ${createApiKey.apiKey.prefix}… acts for ${me?.organization?.name} with scopes ${me?.scopes.join(', ')}`);

    // Every page of published capacity, 50 listings at a time.
    let listings = 0;
    for await (const listing of partner.paginate(SearchCapacityDocument, { first: 50, sort: 'PRICE_ASC' }, (data) => data.searchCapacity)) {
      if (listings < 5) {
        log(`  ${listing.mw} MW ${listing.kind} in ${listing.site.region} (${listing.site.gridOperator}) at ${listing.priceUsdPerKwMonth} USD/kW-month from ${listing.availableFrom}`);
      }
      listings += 1;
    }
    log(`${listings} capacity listings in all`);

    const { createColocationRequest: request } = await partner.request(CreateColocationRequestDocument, {
      input: {
        title: `SDK example ${new Date().toISOString().slice(0, 16)}`,
        totalMw: 40,
        minContiguousMw: 20,
        phases: [{ mw: 40, neededBy: '2027-12-31' }],
        countries: ['US'],
        termMonths: 60,
        open: true,
      },
    });
    log(`created request ${request.id} (${request.status}, ${request.totalMw} MW)`);

    const { runMatching } = await partner.request(RunMatchingDocument, { requestId: request.id });
    log(`matching: ${runMatching.matches.length} offers; ${runMatching.exclusionSummary}`);

    const { matches } = await partner.request(MatchesDocument, { requestId: request.id });
    for (const match of matches?.matches ?? []) {
      log(`  #${match.rank} score ${match.score}: ${match.mwAllocated} MW at ${match.priceUsdPerKwMonth} USD/kW-month — ${match.summary}`);
    }
    return { listings, requestId: request.id, matches: matches?.matches ?? [] };
  } finally {
    // The example's key lives only as long as the example.
    await person.request(RevokeApiKeyDocument, { id: createApiKey.apiKey.id });
  }
}
