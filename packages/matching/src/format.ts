// Number formatting for reason lines, independent of the host's locale.

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1234 -> "1,234". */
export function formatCount(n: number): string {
  return group(String(Math.trunc(n)));
}

/** kW -> "200", "12.5" (MW, up to 3 decimals, no trailing zeros). */
export function formatMw(kw: number): string {
  return String(Number((kw / 1000).toFixed(3)));
}

/** Cents -> "$1,234.56". */
export function formatUsd(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const fixed = (Math.abs(cents) / 100).toFixed(2);
  const [whole = '0', frac = '00'] = fixed.split('.');
  return `${sign}$${group(whole)}.${frac}`;
}

/** Cents -> "$1,234" (whole dollars, for large sums and scale ends). */
export function formatUsdWhole(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  return `${sign}$${group(String(Math.round(Math.abs(cents) / 100)))}`;
}

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
