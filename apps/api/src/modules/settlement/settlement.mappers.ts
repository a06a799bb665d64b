// Statement rows to GraphQL shapes: cents (BigInt) to USD, months as YYYY-MM, the engine's JSON summary and
// forecast to typed lists.
import type { Prisma } from '@gridshare/db';
import type { ForecastComparison, SettlementSummary, Variance } from '@gridshare/settlement';
import { monthOf } from './months';
import { statementCsv } from './statement-csv';

export const STATEMENT_INCLUDE = { lines: { orderBy: { position: 'asc' } } } satisfies Prisma.SettlementStatementInclude;
export type StatementWithLines = Prisma.SettlementStatementGetPayload<{ include: typeof STATEMENT_INCLUDE }>;

/** Cents are integers below 2^53 (the engine checks), so the USD figure is exact to the cent. */
const usd = (cents: bigint | number) => Number(cents) / 100;

const toVarianceTotal = (v: Variance) => ({ forecastUsd: usd(v.forecastCents), actualUsd: usd(v.actualCents), varianceUsd: usd(v.varianceCents) });

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
      grossRevenueUsd: usd(backfill.grossRevenueCents),
      energyCostUsd: usd(backfill.energyCostCents),
      variableOpexUsd: usd(backfill.variableOpexCents),
      positiveNetUsd: usd(backfill.positiveNetCents),
      lossHoursNetUsd: usd(backfill.lossHoursNetCents),
      demandResponseIncomeUsd: usd(backfill.demandResponseIncomeCents),
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
    amountUsd: usd(line.amountCents),
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
    tenantTotalUsd: usd(row.tenantTotalCents),
    platformFeeUsd: usd(row.platformFeeCents),
    hostPayoutUsd: usd(row.hostPayoutCents),
    tenantCarryOutUsd: usd(row.tenantCarryOutCents),
    feeCarryOutUsd: usd(row.feeCarryOutCents),
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
