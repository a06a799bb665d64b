import { loadWebConfig } from './config';

describe('portal configuration', () => {
  it('defaults the API address and hides the demo accounts when nothing is set', () => {
    expect(loadWebConfig({})).toEqual({ GRIDSHARE_API_URL: 'http://127.0.0.1:4000/graphql', GRIDSHARE_DEMO: false });
  });

  it('reads what is set, empty meaning unset', () => {
    const secret = 'x'.repeat(43);
    expect(loadWebConfig({ GRIDSHARE_API_URL: 'https://api.example.com/graphql', NEXTAUTH_SECRET: secret, NEXTAUTH_URL: '', GRIDSHARE_DEMO: '1' })).toEqual({
      GRIDSHARE_API_URL: 'https://api.example.com/graphql',
      NEXTAUTH_SECRET: secret,
      GRIDSHARE_DEMO: true,
    });
  });

  it('refuses bad values, naming every variable at fault', () => {
    expect(() => loadWebConfig({ GRIDSHARE_API_URL: 'ftp://x', NEXTAUTH_SECRET: 'short', GRIDSHARE_DEMO: 'yes' })).toThrow(
      /GRIDSHARE_API_URL: must be an http\(s\) URL[\s\S]*NEXTAUTH_SECRET: use at least 32 characters[\s\S]*GRIDSHARE_DEMO: use 1 or 0/,
    );
  });
});
