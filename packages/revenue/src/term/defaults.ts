// Defaults of the term and finance inputs, each with its source (shared domain-figures notes). "House default"
// marks a number no source gives.
import { DEFAULT_REVENUE_INPUT, deepFreeze } from '../defaults.js';
import type { TFinance, TTerm, TTermInput } from './schema.js';

export const TERM_DEFAULT_SOURCES: Readonly<Record<string, string>> = Object.freeze({
  'term.years': 'TeraWulf/Fluidstack: 10 years (+2x5); Core Scientific/CoreWeave: 12 years (company filings via press, secondary)',
  'term.colocationEscalatorPercent': 'House default: 3% a year (no source in our notes gives a lease escalator)',
  'term.energyEscalatorPercent': 'House default: 2% a year (no source in our notes gives a forward energy price)',
  'term.hashprice': 'Preset difficulty-2025: +35%/yr difficulty (Blockchain.com via BTC Newswire, Dec 2025), halvings 2028 and 2032 (protocol, derived), fees 3% (Hashrate Index, secondary)',
  'finance.discountRatePercent': 'House default: 10% a year',
  'finance.hostUpfrontCapexUsd': 'Suggested default (domain figures): conversion capex $10M per MW of IT x 70 MW',
  'finance.tenantUpfrontUsd': 'House default: none',
  'finance.tenantValueUsdPerKwMonth': 'House default: 0 (the tenant view shows its cost; give what a kW-month earns it to see its NPV and IRR)',
  'finance.miningMultipleLow': 'Gridshare DESIGN.md: miners trade at 6-12x EV/EBITDA',
  'finance.miningMultipleHigh': 'Gridshare DESIGN.md: miners trade at 6-12x EV/EBITDA',
  'finance.dataCentreMultipleLow': 'Gridshare DESIGN.md: data centres trade at 20-25x EV/EBITDA',
  'finance.dataCentreMultipleHigh': 'Gridshare DESIGN.md: data centres trade at 20-25x EV/EBITDA',
});

export const DEFAULT_TERM: TTerm = deepFreeze({
  years: 10,
  colocationEscalatorPercent: 3,
  energyEscalatorPercent: 2,
  phases: [],
  hashprice: { kind: 'preset', name: 'difficulty-2025' },
  fleetRefreshes: [],
});

export const DEFAULT_FINANCE: TFinance = deepFreeze({
  discountRatePercent: 10,
  hostUpfrontCapexUsd: 700_000_000,
  tenantUpfrontUsd: 0,
  tenantValueUsdPerKwMonth: 0,
  miningMultipleLow: 6,
  miningMultipleHigh: 12,
  dataCentreMultipleLow: 20,
  dataCentreMultipleHigh: 25,
});

/** The default one-year scenario over a ten-year term (frozen: spread it to change a field). */
export const DEFAULT_TERM_INPUT: TTermInput = deepFreeze({ ...DEFAULT_REVENUE_INPUT, term: DEFAULT_TERM, finance: DEFAULT_FINANCE });
