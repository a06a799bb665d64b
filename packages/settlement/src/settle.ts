// settleMonth: one deal, one calendar month, from the readings, the events, the hashprice and the agreed
// terms to a statement whose every line reproduces from its detail (docs/settlement.md).
import { percentOf, roundHalfAway } from '@gridshare/revenue';
import { availability, availabilityCommitmentPct, slaTierFor } from './availability.js';
import { activeHourRange, monthCalendar } from './calendar.js';
import { colocation, contractedKwByDay } from './colocation.js';
import { SettlementInputError, parseOrThrow } from './errors.js';
import { eventLoad } from './events.js';
import { hourlyTotals } from './hourly.js';
import { statementLines } from './lines.js';
import { ZSettlementMonthInput } from './schema.js';
import type { SettlementMonthInput, SettlementStatementOut } from './types.js';

/** Validates with ZSettlementMonthInput; throws SettlementInputError naming every field at fault. */
export function parseSettlementMonthInput(input: unknown): SettlementMonthInput {
  return parseOrThrow(ZSettlementMonthInput, input);
}

/** The month's statement. Pure: reads nothing but its input. Throws SettlementInputError for a bad input. */
export function settleMonth(rawInput: SettlementMonthInput): SettlementStatementOut {
  const input = parseSettlementMonthInput(rawInput);
  const { terms } = input;
  const cal = monthCalendar(input.month);
  const active = activeHourRange(cal, input.activeFrom, input.activeUntil);
  const activeHours = active.until - active.from;
  const kwByDay = contractedKwByDay(cal, terms.contractedKw, input.kwChanges);
  const load = eventLoad(cal, active, input.events, kwByDay.map((kw) => kw / 1_000));
  const hourly = hourlyTotals(input, cal, active, kwByDay, load);
  const avail = availability(load, activeHours, terms.maintenanceAllowanceHours);
  const commitmentPct = availabilityCommitmentPct(terms.slaTiers);
  const tier = slaTierFor(terms.slaTiers, avail.pct);
  const lines = statementLines(input, {
    cal,
    activeHours,
    colocation: colocation(cal, { from: active.from / 24, until: active.until / 24 }, kwByDay, terms.priceCentsPerKwMonth),
    availability: avail,
    commitmentPct,
    tier,
    hourly,
    load,
  });

  const subtotal = lines.reduce((s, l) => s + l.amountCents, 0);
  const tenantTotalCents = Math.max(0, subtotal);
  const feeBaseCents = lines.reduce((s, l) => (l.feeBase ? s + l.amountCents : s), 0);
  const feeOwed = percentOf(feeBaseCents, terms.platformFeeBps / 100) + input.carriedPlatformFeeCents;
  // Never more than collected, never negative: what the platform cannot take now (or owes back) is carried.
  const platformFeeCents = Math.min(Math.max(0, feeOwed), tenantTotalCents);
  const amounts = [...lines.map((l) => l.amountCents), subtotal, feeOwed];
  if (!amounts.every(Number.isSafeInteger))
    throw new SettlementInputError([{ path: '', message: 'the month’s amounts exceed what can be computed to the cent (2^53 cents)' }]);

  const c = (usd: number) => roundHalfAway(usd * 100);
  return {
    month: input.month,
    lines,
    tenantTotalCents,
    platformFeeCents,
    hostPayoutCents: tenantTotalCents - platformFeeCents,
    tenantCarryOutCents: Math.min(0, subtotal),
    feeCarryOutCents: feeOwed - platformFeeCents,
    summary: {
      hours: cal.hours,
      activeHours,
      availability: {
        pct: avail.pct,
        commitmentPct,
        unavailableHours: avail.unavailableHours,
        byCause: load.byCause,
        creditPct: tier.creditPct,
      },
      energyMwh: {
        aiIt: hourly.aiItMwh,
        aiFacility: hourly.aiFacilityMwh,
        settledMining: hourly.settledMiningMwh,
        unsettledMining: hourly.unsettledMiningMwh,
        curtailedForDemandResponse: hourly.curtailedMwh,
      },
      backfill: {
        grossRevenueCents: c(hourly.grossRevenueUsd),
        energyCostCents: c(hourly.miningEnergyUsd),
        variableOpexCents: c(hourly.variableOpexUsd),
        positiveNetCents: c(hourly.positiveNetUsd),
        lossHoursNetCents: c(hourly.lossHoursNetUsd),
        demandResponseIncomeCents: c(hourly.demandResponseUsd),
      },
      gaps: hourly.gaps,
      missingHashpriceDays: hourly.missingHashpriceDays,
      disputedEventIds: load.events.filter((e) => e.disputed).map((e) => e.id),
    },
  };
}
