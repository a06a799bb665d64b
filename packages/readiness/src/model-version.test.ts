import { createHash } from 'node:crypto';
import { canonicalJson, modelContent } from './fingerprint.js';
import { MODEL_RELEASES, MODEL_VERSION } from './model-version.js';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('model version', () => {
  const current = MODEL_RELEASES[MODEL_RELEASES.length - 1];

  it('is the last release', () => {
    expect(current?.version).toBe(MODEL_VERSION);
    expect(MODEL_VERSION).toMatch(/^readiness-\d{4}\.\d{2}-\d+$/);
  });

  it('matches the content of the weight, threshold and cost tables', () => {
    const actual = sha256(modelContent());
    if (actual !== current?.sha256) {
      throw new Error(
        `The readiness tables changed but ${MODEL_VERSION} was released with other content.\n` +
          `Append a release to MODEL_RELEASES in model-version.ts with a new version, sha256 '${actual}',\n` +
          'and set MODEL_VERSION to it. Do not edit a released entry (see README, "Changing the model").',
      );
    }
  });

  it('never reuses a version or a content hash', () => {
    expect(new Set(MODEL_RELEASES.map((r) => r.version)).size).toBe(MODEL_RELEASES.length);
    expect(new Set(MODEL_RELEASES.map((r) => r.sha256)).size).toBe(MODEL_RELEASES.length);
  });
});

describe('canonicalJson', () => {
  it('ignores key order but not values', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 1.0001 }));
  });

  it('changes the fingerprint when any weight changes', () => {
    const edited = JSON.parse(modelContent()) as { model: { criteria: { power: { weight: number } } } };
    edited.model.criteria.power.weight += 0.01;
    expect(sha256(canonicalJson(edited))).not.toBe(sha256(modelContent()));
  });
});
