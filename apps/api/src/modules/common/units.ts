// Unit conversions between the API (USD, MW) and storage (integer cents, integer kW): one place, so that
// every module rounds the same way. Money is rounded once, here, when it enters; cents leave exact.

/** USD as the client sent it to integer cents (half away from zero, as Math.round for positive amounts). */
export const usdToCents = (usd: number): number => Math.round(usd * 100);

/** Integer cents (a number, or a BigInt column) to USD for the API. */
export const centsToUsd = (cents: bigint | number): number => Number(cents) / 100;

/** MW to integer kW (the engines count whole kW so that sums are exact). */
export const mwToKw = (mw: number): number => Math.round(mw * 1000);

/** Integer kW to MW. */
export const kwToMw = (kw: number): number => kw / 1000;
