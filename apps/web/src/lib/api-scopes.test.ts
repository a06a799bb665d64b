// The API-key form offers every scope the API grants, and none it retired.
import { loadSchemaDocs } from '@gridshare/sdk/schema-docs-files';
import { API_KEY_SCOPES, RETIRED_SCOPES } from './api-scopes';

describe('API key scopes', () => {
  const apiScopes = loadSchemaDocs().types.find((type) => type.name === 'ApiScope')?.enumValues ?? [];

  it('lists every scope of the API except the retired ones', () => {
    const offered: readonly string[] = API_KEY_SCOPES;
    expect(apiScopes.map((value) => value.name).filter((name) => !(RETIRED_SCOPES as readonly string[]).includes(name)).sort()).toEqual([...offered].sort());
  });

  it('retires only scopes the API says grant nothing', () => {
    for (const name of RETIRED_SCOPES) expect(apiScopes.find((value) => value.name === name)?.description).toMatch(/^Grants nothing/);
  });
});
