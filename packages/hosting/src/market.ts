import { DEFAULT_REVENUE_INPUT, REVENUE_DEFAULT_SOURCES } from '@gridshare/revenue';
import type { HostingMarket } from './types.js';

/**
 * The hashprice and pool fee expected figures are computed at unless the caller passes its own: the
 * revenue model's documented defaults, so hosting and colocation economics agree (sources below).
 */
export const DEFAULT_HOSTING_MARKET: HostingMarket = Object.freeze({
  hashpriceUsdPerPhDay: DEFAULT_REVENUE_INPUT.market.hashpriceUsdPerPhDay,
  poolFeePercent: DEFAULT_REVENUE_INPUT.mining.poolFeePercent,
});

export const HOSTING_MARKET_SOURCES = Object.freeze({
  hashpriceUsdPerPhDay: REVENUE_DEFAULT_SOURCES['market.hashpriceUsdPerPhDay'],
  poolFeePercent: REVENUE_DEFAULT_SOURCES['mining.poolFeePercent'],
});
