// The admin dashboard's settlement section: statements in dispute (longest waiting first) and the
// platform's fee income by month, from statements both parties agreed (AGREED, INVOICED, PAID).
import { ColumnChart } from './charts';
import { fmtUsdCents } from '@/lib/format';
import { addMonths } from '@/lib/operations';
import { gql } from '@/lib/session';
import { AdminSettlementDocument } from '@/generated/graphql';

const DAY_MS = 86_400_000;
const FEE_MONTHS = 12;

/** The months the fee income covers: the last FEE_MONTHS, this one included (the dashboard's KPIs use the same). */
export function feeWindow(now: Date): { from: string; until: string } {
  const until = now.toISOString().slice(0, 7);
  return { from: addMonths(until, -(FEE_MONTHS - 1)), until };
}

export async function AdminSettlement({ now = new Date() }: { now?: Date }) {
  const { adminSettlement } = await gql(
    AdminSettlementDocument,
    feeWindow(now),
  );
  const { disputedStatements, feeIncome } = adminSettlement;
  const total = feeIncome.reduce((sum, m) => sum + m.platformFeeUsd, 0);
  return (
    <section data-testid="admin-settlement">
      <h2>Settlement</h2>
      <div className="row">
        <div className="card" data-testid="disputed-statements">
          <h3>Statements in dispute</h3>
          {disputedStatements.length === 0 ? (
            <div className="empty">No statement is in dispute.</div>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr><th>Deal</th><th>Month</th><th>Reason</th><th className="num">Age</th><th className="num">Tenant total</th></tr>
                </thead>
                <tbody>
                  {disputedStatements.map(({ statement, hostOrganizationName, tenantOrganizationName }) => (
                    <tr key={statement.id}>
                      <td>{hostOrganizationName} ↔ {tenantOrganizationName}<div className="muted">deal {statement.dealId.slice(0, 8)}</div></td>
                      <td>{statement.month}</td>
                      <td>{statement.disputeReason}</td>
                      <td className="num">{statement.disputedAt ? `${Math.floor((now.getTime() - Date.parse(statement.disputedAt)) / DAY_MS)} d` : '—'}</td>
                      <td className="num">{fmtUsdCents(statement.tenantTotalUsd)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <div className="card" data-testid="fee-income">
          <h3>Platform fee income, last {FEE_MONTHS} months: {fmtUsdCents(total)}</h3>
          <ColumnChart bars={feeIncome.map((m) => ({ label: m.month, value: m.platformFeeUsd }))} title="Platform fee income by month, USD" colour="var(--ok)" unit=" USD" />
          <div className="table-wrap">
            <table>
              <thead><tr><th>Month</th><th className="num">Statements</th><th className="num">Fee</th></tr></thead>
              <tbody>
                {feeIncome.filter((m) => m.statements > 0).map((m) => (
                  <tr key={m.month}><td>{m.month}</td><td className="num">{m.statements}</td><td className="num">{fmtUsdCents(m.platformFeeUsd)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </section>
  );
}
