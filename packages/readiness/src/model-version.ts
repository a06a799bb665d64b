// The version of the readiness model, stored with every assessment (ReadinessAssessment.modelVersion).
//
// Each release records the SHA-256 of the model's content (fingerprint.ts: weights, thresholds, costs).
// model-version.test.ts recomputes it: after any edit of model.ts or costs.ts the test fails until a new
// release is appended here with a new version and the new hash. Never edit a released entry: its hash
// is what assessments stored under that version were computed with.

export interface ModelRelease {
  readonly version: string;
  readonly sha256: string;
  readonly notes: string;
}

export const MODEL_RELEASES: readonly ModelRelease[] = [
  {
    version: 'readiness-2026.11-1',
    sha256: 'aee109b83dcb903599e88abd384d08ce388112af9ab8b7c99d0faf136d28c616',
    notes: 'First model: nine criteria, tiers at 75/45, costs from domain-figures.md.',
  },
  {
    version: 'readiness-2026.12-1',
    sha256: 'a3cfe1c72aba16d2ddb2c2b2952506c3282c66e8e46e82324e54419482328805',
    notes:
      'Backup power and firm supply (Texas SB6 for ERCOT loads over 75 MW), floor loading, water quantity; unknown MVA is unknown; one transformer-capacity gap; weights rebalanced.',
  },
];

/** The current model version: the last release. */
export const MODEL_VERSION = 'readiness-2026.12-1';
