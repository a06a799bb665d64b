// Figures as the statement's line descriptions show them (en-US, fixed: the same input gives the same text).
const quantity = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234.5678 -> '1,234.568'. */
export function formatQuantity(n: number): string {
  return quantity.format(n);
}

/** Cents -> '$1,234.56' or '−$1,234.56'. */
export function formatUsd(cents: number): string {
  return `${cents < 0 ? '−' : ''}$${money.format(Math.abs(cents) / 100)}`;
}

/** Basis points -> '12.5%'. */
export function formatBps(bps: number): string {
  return `${quantity.format(bps / 100)}%`;
}
