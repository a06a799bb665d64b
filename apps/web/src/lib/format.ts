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
export const label = (enumValue: string) => enumValue.replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase());
