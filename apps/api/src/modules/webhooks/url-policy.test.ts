import { parseNetworks } from '../../network';
import { destinationRefusal } from './url-policy';

const policy = { allowedPrivate: [], requireHttps: true, resolve: () => Promise.reject(Object.assign(new Error('offline'), { code: 'ENOTFOUND' })) };

describe('webhook destinations', () => {
  it.each([
    '127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '198.18.0.1', '240.0.0.1',
    '255.255.255.255', '192.0.0.8', '224.0.0.1', '[::1]', '[fd00::1]', '[fe80::1]', '[::ffff:127.0.0.1]', '[64:ff9b::7f00:1]', '[2002:7f00:1::]',
    '[2001::1]',
  ])('refuses %s', async (host) => {
    await expect(destinationRefusal(`https://${host}/hook`, policy)).resolves.toMatch(/^not allowed: /);
  });

  it.each(['93.184.216.34', '8.8.8.8', '[2606:4700:4700::1111]'])('accepts the public address %s over https', async (host) => {
    await expect(destinationRefusal(`https://${host}/hook`, policy)).resolves.toBeNull();
  });

  it('refuses plain http unless towards an allowed private network (or in development)', async () => {
    await expect(destinationRefusal('http://93.184.216.34/hook', policy)).resolves.toMatch(/https/);
    await expect(destinationRefusal('http://hooks.example.test/hook', policy)).resolves.toMatch(/https/);
    await expect(destinationRefusal('http://93.184.216.34/hook', { ...policy, requireHttps: false })).resolves.toBeNull();
    const allowed = { ...policy, allowedPrivate: parseNetworks('10.1.0.0/16') };
    await expect(destinationRefusal('http://10.1.2.3/hook', allowed)).resolves.toBeNull();
    await expect(destinationRefusal('https://10.2.0.1/hook', allowed)).resolves.toMatch(/not allowed/);
  });

  it('accepts a name that does not resolve yet (each delivery checks it), and refuses one resolving anywhere private', async () => {
    await expect(destinationRefusal('https://hooks.example.test/hook', policy)).resolves.toBeNull();
    const mixed = { ...policy, resolve: () => Promise.resolve([{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.1', family: 4 }]) };
    await expect(destinationRefusal('https://partner.example/hook', mixed)).resolves.toMatch(/10\.0\.0\.1 is a private address/);
  });
});
