// A statement as CSV for the parties' own books: one row per line (amounts in exact cents and in USD), then
// the totals. Pure.

export interface CsvLine {
  position: number;
  kind: string;
  description: string;
  adjustsMonth: string | null;
  amountCents: bigint;
}

export interface CsvStatement {
  id: string;
  dealId: string;
  month: string;
  status: string;
  version: number;
  tenantTotalCents: bigint;
  platformFeeCents: bigint;
  hostPayoutCents: bigint;
  tenantCarryOutCents: bigint;
  feeCarryOutCents: bigint;
  lines: readonly CsvLine[];
}

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
const field = (value: string | number | bigint | null) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Exact: integer cents to a decimal string (no float on the way). */
export function centsToUsd(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

const row = (values: (string | number | bigint | null)[]) => values.map(field).join(',');

export function statementCsv(statement: CsvStatement): string {
  const header = row(['statement_id', 'deal_id', 'month', 'status', 'version', 'position', 'kind', 'description', 'adjusts_month', 'amount_cents', 'amount_usd']);
  const head = [statement.id, statement.dealId, statement.month, statement.status, statement.version];
  const lines = statement.lines.map((line) => row([...head, line.position, line.kind, line.description, line.adjustsMonth, line.amountCents, centsToUsd(line.amountCents)]));
  const totals: [string, string, bigint][] = [
    ['TENANT_TOTAL', 'Tenant total', statement.tenantTotalCents],
    ['PLATFORM_FEE', 'Platform fee', statement.platformFeeCents],
    ['HOST_PAYOUT', 'Host payout', statement.hostPayoutCents],
    ['TENANT_CARRY_OUT', 'Credit carried to the next statement', statement.tenantCarryOutCents],
    ['FEE_CARRY_OUT', 'Platform fee carried to the next statement', statement.feeCarryOutCents],
  ];
  return [header, ...lines, ...totals.map(([kind, description, cents]) => row([...head, null, kind, description, null, cents, centsToUsd(cents)]))].join('\r\n') + '\r\n';
}
