// Mining economics per MWh. One MW of ASICs at E J/TH hashes 1e6/E TH/s = 1,000/E PH/s; a PH/s earns the
// hashprice per day, so one MWh (1 MW for 1 h) earns (1,000 / E) x hashprice / 24.

/** Gross hash revenue in $ per MWh consumed, before pool fees. */
export function hashRevenuePerMwh(jPerTh: number, hashpriceUsdPerPhDay: number): number {
  if (!(jPerTh > 0) || !Number.isFinite(jPerTh)) throw new RangeError(`jPerTh must be a finite number greater than 0, got ${jPerTh}`);
  if (!(hashpriceUsdPerPhDay >= 0) || !Number.isFinite(hashpriceUsdPerPhDay))
    throw new RangeError(`hashpriceUsdPerPhDay must be a finite number of 0 or more, got ${hashpriceUsdPerPhDay}`);
  return ((1_000 / jPerTh) * hashpriceUsdPerPhDay) / 24;
}

/** Hash revenue the operator keeps after the pool's fee, $ per MWh. */
export function netHashRevenuePerMwh(grossPerMwh: number, poolFeePercent: number): number {
  return grossPerMwh * (1 - poolFeePercent / 100);
}

/**
 * What one MWh of mining earns after the pool's fee, $: the formula the revenue model and settlement share
 * (settlement passes 0 for the fee when its hashprice comes from pool statements, already net).
 */
export function miningRevenuePerMwh(jPerTh: number, hashpriceUsdPerPhDay: number, poolFeePercent: number): number {
  return netHashRevenuePerMwh(hashRevenuePerMwh(jPerTh, hashpriceUsdPerPhDay), poolFeePercent);
}

/** Energy price at which one more MWh of mining earns nothing: net hash revenue less variable opex. */
export function breakEvenEnergyPrice(netPerMwh: number, variableOpexUsdPerMwh: number): number {
  return netPerMwh - variableOpexUsdPerMwh;
}

/** Hashprice at which mining at `energyUsdPerMwh` earns nothing, the inverse of hashRevenuePerMwh. */
export function breakEvenHashprice(
  jPerTh: number,
  poolFeePercent: number,
  energyUsdPerMwh: number,
  variableOpexUsdPerMwh: number,
): number {
  const costPerMwh = Math.max(0, energyUsdPerMwh + variableOpexUsdPerMwh);
  return (costPerMwh * 24 * jPerTh) / 1_000 / (1 - poolFeePercent / 100);
}
