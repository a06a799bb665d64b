const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const compactUsd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export const fmtUsd = (v: number) => usd.format(v);
const usdCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 });
/** Invoices and payouts: to the cent. */
export const fmtUsdCents = (v: number) => usdCents.format(v);
export const fmtUsdCompact = (v: number) => compactUsd.format(v);
export const fmtNum = (v: number, digits = 1) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(v);
export const fmtMw = (v: number) => `${num.format(v)} MW`;
export const fmtPct = (v: number) => `${num.format(v * 100)}%`;
export const fmtDate = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');
/** An instant to the minute, in UTC: "2026-11-03 14:00 UTC". */
export const fmtInstant = (iso: string | null | undefined) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—');
/** Enum values whose plain-case form reads wrong ("N plus 1", "Direct to chip"). */
const ENUM_WORDS: Readonly<Record<string, string>> = {
  DIRECT_TO_CHIP: 'Direct-to-chip liquid',
  IMMERSION: 'Immersion liquid',
  WATER: 'Water (chillers)',
  AIR: 'Air',
  N: 'N (no spare)',
  N_PLUS_1: 'N+1',
  TWO_N: '2N',
  NONE: 'None',
  MW_BY_DATE: 'MW by date',
  CONTIGUOUS_MW: 'Contiguous MW',
};

/** An enum value for people: "IN_STUDY" → "In study", "N_PLUS_1" → "N+1". */
export const label = (enumValue: string) =>
  ENUM_WORDS[enumValue] ?? enumValue.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase());
