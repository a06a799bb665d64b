// Statement rows to GraphQL shapes: cents (BigInt) to USD, months as YYYY-MM, the engine's JSON summary and
// forecast to typed lists.
import type { Prisma } from '@gridshare/db';
import type { ForecastComparison, SettlementSummary, Variance } from '@gridshare/settlement';
import { monthOf } from './months';
import { statementCsv } from './statement-csv';
import { centsToUsd } from '../common/units';

export const STATEMENT_INCLUDE = { lines: { orderBy: { position: 'asc' } } } satisfies Prisma.SettlementStatementInclude;
export type StatementWithLines = Prisma.SettlementStatementGetPayload<{ include: typeof STATEMENT_INCLUDE }>;

/** Cents are integers below 2^53 (the engine checks), so the USD figure is exact to the cent. */

const toVarianceTotal = (v: Variance) => ({ forecastUsd: centsToUsd(v.forecastCents), actualUsd: centsToUsd(v.actualCents), varianceUsd: centsToUsd(v.varianceCents) });

function toForecastNode(forecast: ForecastComparison | null) {
  if (!forecast) return null;
  return {
    lines: forecast.lines.map((line) => ({ kind: line.kind, ...toVarianceTotal(line) })),
    tenantTotal: toVarianceTotal(forecast.tenantTotal),
    platformFee: toVarianceTotal(forecast.platformFee),
    hostPayout: toVarianceTotal(forecast.hostPayout),
  };
}

function toSummaryNode(summary: SettlementSummary) {
  const { availability, energyMwh, backfill } = summary;
  return {
    hours: summary.hours,
    activeHours: summary.activeHours,
    availability: {
      pct: availability.pct,
      commitmentPct: availability.commitmentPct,
      unavailableHours: availability.unavailableHours,
      creditPct: availability.creditPct,
      byCause: Object.entries(availability.byCause).map(([cause, hours]) => ({ cause, hours })),
    },
    energy: {
      aiItMwh: energyMwh.aiIt,
      aiFacilityMwh: energyMwh.aiFacility,
      settledMiningMwh: energyMwh.settledMining,
      unsettledMiningMwh: energyMwh.unsettledMining,
      curtailedForDemandResponseMwh: energyMwh.curtailedForDemandResponse,
    },
    backfill: {
      grossRevenueUsd: centsToUsd(backfill.grossRevenueCents),
      energyCostUsd: centsToUsd(backfill.energyCostCents),
      variableOpexUsd: centsToUsd(backfill.variableOpexCents),
      positiveNetUsd: centsToUsd(backfill.positiveNetCents),
      lossHoursNetUsd: centsToUsd(backfill.lossHoursNetCents),
      demandResponseIncomeUsd: centsToUsd(backfill.demandResponseIncomeCents),
    },
    missingHashpriceDays: summary.missingHashpriceDays,
    disputedEventIds: summary.disputedEventIds ?? [],
  };
}

export function toStatementNode(row: StatementWithLines) {
  const month = monthOf(row.month);
  const lines = row.lines.map((line) => ({
    id: line.id,
    position: line.position,
    kind: line.kind,
    description: line.description,
    amountUsd: centsToUsd(line.amountCents),
    feeBase: line.feeBase,
    adjustsMonth: line.adjustsMonth ? monthOf(line.adjustsMonth) : null,
    detail: line.detail,
  }));
  // Written by the engine (SettlementSummary, ForecastComparison) and never edited.
  const summary = row.summary as unknown as SettlementSummary;
  return {
    id: row.id,
    dealId: row.dealId,
    month,
    status: row.status,
    version: row.version,
    stale: row.stale,
    tenantTotalUsd: centsToUsd(row.tenantTotalCents),
    platformFeeUsd: centsToUsd(row.platformFeeCents),
    hostPayoutUsd: centsToUsd(row.hostPayoutCents),
    tenantCarryOutUsd: centsToUsd(row.tenantCarryOutCents),
    feeCarryOutUsd: centsToUsd(row.feeCarryOutCents),
    lines,
    summary: toSummaryNode(summary),
    dataGaps: summary.gaps,
    forecast: toForecastNode(row.forecast as unknown as ForecastComparison | null),
    // A few hundred bytes: cheaper to build than to resolve on demand.
    csv: statementCsv({ ...row, month, lines: row.lines.map((line) => ({ ...line, adjustsMonth: line.adjustsMonth ? monthOf(line.adjustsMonth) : null })) }),
    computedAt: row.computedAt,
    issuedAt: row.issuedAt,
    autoAgreeAt: row.autoAgreeAt,
    agreedAt: row.agreedAt,
    agreedBy: row.agreedBy,
    disputedAt: row.disputedAt,
    disputeReason: row.disputeReason,
    invoicedAt: row.invoicedAt,
    stripeInvoiceId: row.stripeInvoiceId,
    paidAt: row.paidAt,
  };
}
export type StatementNode = ReturnType<typeof toStatementNode>;
