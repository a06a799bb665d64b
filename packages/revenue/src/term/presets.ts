// Named hashprice paths, each with its sources (../shared/notes/domain-figures.md). Every preset starts from the
// scenario's market.hashpriceUsdPerPhDay: a preset says how hashprice moves, not where it stands today.

export const HASHPRICE_PRESET_NAMES = ['flat', 'difficulty-2025', 'hashrate-boom', 'price-offset'] as const;
export type HashpricePresetName = (typeof HASHPRICE_PRESET_NAMES)[number];

/** Block 1,050,000 (~10 min a block after April 2024's block 840,000) and the one 210,000 blocks later. */
export const NEXT_HALVING_DATES = ['2028-04-15', '2032-04-15'] as const;

export interface HashpricePreset {
  readonly label: string;
  readonly difficultyGrowthPercentPerYear: number;
  readonly feeSharePercent: number;
  readonly halvingDates: readonly string[];
  readonly sources: string;
}

const HALVINGS_SOURCE =
  'halvings: protocol rule, block 1,050,000 about April 2028 and block 1,260,000 about April 2032 (derived at ~10 min a block); ' +
  'fees: a few % of miner revenue in calm periods, 3% taken (Hashrate Index roundups, secondary)';

export const HASHPRICE_PRESETS: Readonly<Record<HashpricePresetName, HashpricePreset>> = Object.freeze({
  flat: {
    label: 'Flat: today’s hashprice for the whole term',
    difficultyGrowthPercentPerYear: 0,
    feeSharePercent: 0,
    halvingDates: [],
    sources: 'No source: the one-year model carried forward, a baseline to compare the others with',
  },
  'difficulty-2025': {
    label: 'Difficulty +35%/yr with halvings',
    difficultyGrowthPercentPerYear: 35,
    feeSharePercent: 3,
    halvingDates: NEXT_HALVING_DATES,
    sources: `difficulty: +35% net over 2025 (Blockchain.com data via BTC Newswire, Dec 2025); ${HALVINGS_SOURCE}`,
  },
  'hashrate-boom': {
    label: 'Difficulty +65%/yr with halvings',
    difficultyGrowthPercentPerYear: 65,
    feeSharePercent: 3,
    halvingDates: NEXT_HALVING_DATES,
    sources: `difficulty: ~65%/yr average since 2020 (Binance Square, Jan 2025); ${HALVINGS_SOURCE}`,
  },
  'price-offset': {
    label: 'Difficulty +10%/yr net of price, with halvings',
    difficultyGrowthPercentPerYear: 10,
    feeSharePercent: 3,
    halvingDates: NEXT_HALVING_DATES,
    sources:
      'House scenario (no source gives it): the bitcoin price rises enough to offset all but 10%/yr of the difficulty growth ' +
      `(hashprice ∝ price x (subsidy + fees) / difficulty, domain figures); ${HALVINGS_SOURCE}`,
  },
});
