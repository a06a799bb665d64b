// Model versus actual: the agreed scenario's forecast of a month, run through the same settlement engine,
// and the variance of each line (docs/settlement.md, "Model versus actual").
import { ZRevenueInput, hoursInYear, simulateRevenue, type TAiProfile, type TBlendableProfile, type TRevenueInput } from '@gridshare/revenue';
import { z } from 'zod';
import { monthCalendar } from './calendar.js';
import { contractedKwByDay } from './colocation.js';
import { SettlementInputError, parseOrThrow } from './errors.js';
import { ZKwChange, ZSettlementTerms, month as monthSchema } from './schema.js';
import { seriesForPeriod } from './series.js';
import { settleMonth } from './settle.js';
import type { Cents, KwChange, SettlementStatementOut, SettlementTerms, StatementLineKind } from './types.js';

/** The agreed input re-based to a year starting on `startDate`: series read by calendar position, no events. */
export function forecastYearInput(input: TRevenueInput, startDate: string): TRevenueInput {
  const hours = hoursInYear(startDate);
  const rebase = (values: ArrayLike<number>) => seriesForPeriod(values, input.startDate, startDate, hours);
  const profile = <P extends TAiProfile | TBlendableProfile>(p: P): P =>
    p.kind === 'series'
      ? { ...p, values: rebase(p.values) }
      : p.kind === 'blend'
        ? { ...p, components: p.components.map((c) => ({ ...c, profile: profile(c.profile) })) }
        : p;
  const price = input.energy.price;
  return {
    ...input,
    startDate,
    aiLoad: { ...input.aiLoad, profile: profile(input.aiLoad.profile) },
    // The forecast is the month without events: the scenario's own demand-response days are not this year's.
    energy: { ...input.energy, price: price.kind === 'series' ? { ...price, values: rebase(price.values) } : price, demandResponseEvents: [] },
  };
}

/**
 * The agreed scenario's forecast of `month` as a statement: the revenue engine simulated for the year from
 * the month's 1st, the month's hours taken (AI IT = the engine's AI facility MW / PUE, scaled to the
 * contracted kW in force that day; mining = the engine's mining MW; its hourly energy price), the scenario's
 * flat hashprice every day (an index figure: the pool fee applies), no events, carries or adjustments.
 */
export function forecastMonth(
  agreedInput: TRevenueInput,
  terms: SettlementTerms,
  month: string,
  activeFrom: string,
  activeUntil: string | null,
  kwChanges: readonly KwChange[],
): SettlementStatementOut {
  const input = parseOrThrow(ZRevenueInput, agreedInput, ['agreedInput']);
  const agreed = parseOrThrow(ZSettlementTerms, terms, ['terms']);
  const changes = parseOrThrow(z.array(ZKwChange), kwChanges, ['kwChanges']);
  const cal = monthCalendar(parseOrThrow(monthSchema('month'), month, ['month']));
  const hourly = simulateRevenue(forecastYearInput(input, cal.firstDate), { hourly: true }).hourly!;
  const signedFacilityMw = input.aiLoad.contractedItMw * input.site.pue;
  const kwByDay = contractedKwByDay(cal, agreed.contractedKw, changes);
  const aiItMwh = new Float64Array(cal.hours);
  for (let h = 0; h < cal.hours; h++) {
    // Utilisation of the signed MW, applied to the MW in force that day.
    const utilisation = signedFacilityMw > 0 ? hourly.aiMw[h]! / signedFacilityMw : 0;
    aiItMwh[h] = (utilisation * kwByDay[Math.floor(h / 24)]!) / 1_000;
  }
  return settleMonth({
    month,
    activeFrom,
    activeUntil,
    terms: { ...agreed, hashpriceSource: 'INDEX' },
    kwChanges,
    aiItMwh,
    miningMwh: hourly.miningMw.slice(0, cal.hours),
    energyPriceUsdPerMwh: hourly.energyPriceUsdPerMwh.slice(0, cal.hours),
    hashpriceUsdPerPhDay: new Array<number>(cal.days).fill(input.market.hashpriceUsdPerPhDay),
    events: [],
    carriedTenantCreditCents: 0,
    carriedPlatformFeeCents: 0,
    adjustments: [],
  });
}

export interface Variance {
  readonly forecastCents: Cents;
  readonly actualCents: Cents;
  /** actual − forecast. */
  readonly varianceCents: Cents;
}

export interface LineVariance extends Variance {
  readonly kind: StatementLineKind;
}

/** Forecast beside actual, line kind by line kind, and the totals (SettlementStatement.forecast). */
export interface ForecastComparison {
  readonly month: string;
  readonly lines: readonly LineVariance[];
  readonly tenantTotal: Variance;
  readonly platformFee: Variance;
  readonly hostPayout: Variance;
}

const KIND_ORDER: readonly StatementLineKind[] = [
  'COLOCATION',
  'SLA_CREDIT',
  'ENERGY_PASS_THROUGH',
  'BACKFILL_CREDIT',
  'DEMAND_RESPONSE_CREDIT',
  'ADJUSTMENT',
  'CARRIED_CREDIT',
];

const variance = (forecastCents: Cents, actualCents: Cents): Variance => ({
  forecastCents,
  actualCents,
  varianceCents: actualCents - forecastCents,
});

/** Per line kind present in either statement (summed over its lines): forecast, actual, variance. */
export function compareWithForecast(actual: SettlementStatementOut, forecast: SettlementStatementOut): ForecastComparison {
  if (actual.month !== forecast.month)
    throw new SettlementInputError([{ path: 'forecast.month', message: `the forecast is of ${forecast.month}, the statement of ${actual.month}` }]);
  const sum = (s: SettlementStatementOut, kind: StatementLineKind) =>
    s.lines.reduce((total, l) => (l.kind === kind ? total + l.amountCents : total), 0);
  const present = (s: SettlementStatementOut, kind: StatementLineKind) => s.lines.some((l) => l.kind === kind);
  return {
    month: actual.month,
    lines: KIND_ORDER.filter((k) => present(actual, k) || present(forecast, k)).map((kind) => ({
      kind,
      ...variance(sum(forecast, kind), sum(actual, kind)),
    })),
    tenantTotal: variance(forecast.tenantTotalCents, actual.tenantTotalCents),
    platformFee: variance(forecast.platformFeeCents, actual.platformFeeCents),
    hostPayout: variance(forecast.hostPayoutCents, actual.hostPayoutCents),
  };
}
