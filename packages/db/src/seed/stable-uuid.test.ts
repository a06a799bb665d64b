import { stableUuid } from './stable-uuid';

describe('stableUuid', () => {
  it('gives the same name the same id, in the version-5 layout with the RFC 4122 variant', () => {
    const id = stableUuid('site:Milam Ridge Campus');
    expect(stableUuid('site:Milam Ridge Campus')).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives different names different ids', () => {
    expect(stableUuid('org:permian')).not.toBe(stableUuid('org:appalachian'));
  });
});
