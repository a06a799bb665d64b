// Builders for the engine's tests and bench: a month's hourly series from a shape, and the settlement note's
// worked terms.
import { DEFAULT_SLA_TIERS } from '../availability.js';
import { monthCalendar } from '../calendar.js';
import { SettlementInputError, type InputIssue } from '../errors.js';
import type { SettlementMonthInput, SettlementTerms } from '../types.js';

/** The worked month's terms (docs/settlement.md): 50 MW at $150/kW-month, PUE 1.2, 17.5 J/TH, 2% pool fee. */
export const NOTE_TERMS: SettlementTerms = {
  priceCentsPerKwMonth: 15_000,
  contractedKw: 50_000,
  pue: 1.2,
  energyMarginBps: 0,
  jPerTh: 17.5,
  poolFeeBps: 200,
  variableOpexCentsPerMwh: 0,
  tenantBackfillShareBps: 5_000,
  tenantDemandResponseShareBps: 5_000,
  platformFeeBps: 300,
  slaTiers: DEFAULT_SLA_TIERS,
  maintenanceAllowanceHours: 8,
  hashpriceSource: 'INDEX',
};

export interface HourOf {
  /** Hour of the month, 0-based. */
  readonly h: number;
  /** Day of the month, 0-based (day 0 = the 1st). */
  readonly day: number;
  /** Hour of the day, UTC. */
  readonly hour: number;
  readonly weekend: boolean;
}

/** One value per hour of `month` from `shape`. */
export function hourly(month: string, shape: (at: HourOf) => number): Float64Array {
  const cal = monthCalendar(month);
  const out = new Float64Array(cal.hours);
  for (let h = 0; h < cal.hours; h++) {
    const day = Math.floor(h / 24);
    const dow = (cal.startDayOfWeek + day) % 7;
    out[h] = shape({ h, day, hour: h % 24, weekend: dow === 0 || dow === 6 });
  }
  return out;
}

/** A month's input: flat $40/MWh, hashprice $50 every day, no data, events, carries or adjustments. */
export function monthInput(month: string, overrides: Partial<SettlementMonthInput> = {}): SettlementMonthInput {
  const cal = monthCalendar(month);
  return {
    month,
    activeFrom: '2020-01-01',
    activeUntil: null,
    terms: NOTE_TERMS,
    kwChanges: [],
    aiItMwh: new Float64Array(cal.hours),
    miningMwh: new Float64Array(cal.hours),
    energyPriceUsdPerMwh: new Float64Array(cal.hours).fill(40),
    hashpriceUsdPerPhDay: new Array<number>(cal.days).fill(50),
    events: [],
    carriedTenantCreditCents: 0,
    carriedPlatformFeeCents: 0,
    adjustments: [],
    ...overrides,
  };
}

/** Sum of a statement's lines of one kind. */
export function amountOf(statement: { readonly lines: readonly { readonly kind: string; readonly amountCents: number }[] }, kind: string): number {
  return statement.lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amountCents, 0);
}

/** The issues of the SettlementInputError that `fn` throws (and fails the test when it throws none). */
export function inputIssues(fn: () => unknown): InputIssue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof SettlementInputError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a SettlementInputError');
}

/** The paths of those issues. */
export function issuePaths(fn: () => unknown): string[] {
  return inputIssues(fn).map((i) => i.path);
}
