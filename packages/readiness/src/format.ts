// Cheap number formatting for reasons and actions: no Intl, no toFixed, so 100k assessments stay fast.

/** At most one decimal, no trailing ".0": 12 → "12", 12.345 → "12.3". */
export function formatNumber(x: number): string {
  const tenths = Math.round(x * 10);
  // Integers print fast in V8 while fractions go through the slow double-to-string path, so print
  // the whole and the tenth as integers.
  if (!Number.isSafeInteger(tenths)) return String(tenths / 10);
  const digit = tenths % 10;
  if (digit === 0) return String(tenths / 10);
  const whole = (tenths - digit) / 10;
  return tenths < 0 ? (whole === 0 ? '-0.' : String(whole) + '.') + String(-digit) : String(whole) + '.' + String(digit);
}

/** "$12.5M", "$860k", "$500". */
export function formatUsd(usd: number): string {
  if (usd >= 1e9) return '$' + formatNumber(usd / 1e9) + 'B';
  if (usd >= 1e6) return '$' + formatNumber(usd / 1e6) + 'M';
  if (usd >= 1e3) return '$' + formatNumber(usd / 1e3) + 'k';
  return '$' + String(Math.round(usd));
}

/** "1 carrier", "3 carriers". */
export function plural(n: number, one: string, many: string): string {
  return formatNumber(n) + ' ' + (n === 1 ? one : many);
}

/** YYYY-MM-DD of an ISO string or Date, for reasons. */
export function formatDate(date: Date | string): string {
  if (typeof date === 'string') return date.slice(0, 10);
  // Cheaper than toISOString().slice(): three small integers.
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return String(date.getUTCFullYear()) + (month < 10 ? '-0' : '-') + String(month) + (day < 10 ? '-0' : '-') + String(day);
}
