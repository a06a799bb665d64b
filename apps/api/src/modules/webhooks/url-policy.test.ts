import { assertPublicDestination, isPrivateAddress } from './url-policy';

describe('webhook destinations in production', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1'])(
    'treats %s as private',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('treats %s as public', (address) => expect(isPrivateAddress(address)).toBe(false));

  it('refuses URLs whose host is or resolves to a private address, and lets public addresses through', async () => {
    await expect(assertPublicDestination('http://127.0.0.1:8080/hook')).rejects.toThrow(/private address \(127\.0\.0\.1\)/);
    await expect(assertPublicDestination('http://[::1]/hook')).rejects.toThrow(/private address/);
    await expect(assertPublicDestination('https://localhost/hook')).rejects.toThrow(/private address/);
    await expect(assertPublicDestination('https://93.184.216.34/hook')).resolves.toBeUndefined();
  });
});
