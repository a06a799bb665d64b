// A statement's money, drawn the same for colocation and hosting: who pays, the platform's fee, what the host
// receives, and every line with the figures that reproduce it.
import { fmtUsdCents, label } from '@/lib/format';
import { detailRows } from '@/lib/operations';

export interface StatementLine {
  id?: string;
  kind: string;
  description: string;
  amountUsd: number;
  adjustsMonth?: string | null;
  detail: unknown;
}

export function StatementTotals({ payer, totalUsd, feeUsd, payoutUsd }: { payer: string; totalUsd: number; feeUsd: number; payoutUsd: number }) {
  return (
    <div className="cards">
      <div className="kpi"><div className="label">{payer} pays</div><div className="value" data-testid="statement-total">{fmtUsdCents(totalUsd)}</div></div>
      <div className="kpi"><div className="label">Platform fee</div><div className="value">{fmtUsdCents(feeUsd)}</div></div>
      <div className="kpi"><div className="label">Host receives</div><div className="value" data-testid="statement-payout">{fmtUsdCents(payoutUsd)}</div></div>
    </div>
  );
}

export function StatementLinesTable({
  lines,
  kindLabels,
  totalLabel,
  totalUsd,
  carryOutUsd,
}: {
  lines: readonly StatementLine[];
  kindLabels: Readonly<Record<string, string>>;
  totalLabel: string;
  totalUsd: number;
  carryOutUsd: number;
}) {
  return (
    <div className="table-wrap">
      <table data-testid="statement-lines">
        <thead>
          <tr><th>Line</th><th className="num">Amount</th><th>Data behind it</th></tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <tr key={line.id ?? i}>
              <td><strong>{kindLabels[line.kind] ?? label(line.kind)}</strong>{line.adjustsMonth && <span className="muted"> (corrects {line.adjustsMonth})</span>}<div className="muted">{line.description}</div></td>
              <td className="num">{fmtUsdCents(line.amountUsd)}</td>
              <td>
                <details>
                  <summary>Figures</summary>
                  <dl className="detail">
                    {detailRows(line.detail).map(([key, value]) => (
                      <div key={key}><dt>{key}</dt><dd>{value}</dd></div>
                    ))}
                  </dl>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th>{totalLabel}</th><th className="num">{fmtUsdCents(totalUsd)}</th><th>{carryOutUsd < 0 ? `credit carried to next month: ${fmtUsdCents(carryOutUsd)}` : ''}</th></tr>
        </tfoot>
      </table>
    </div>
  );
}
