// Invoices and payouts, as the billing page shows them and, with the organisation and a retry button, the admin
// dashboard's failed ones.
import type { ReactNode } from 'react';
import { fmtDate, fmtUsdCents } from '@/lib/format';
import { StatusBadge } from './badges';
import type { InvoiceRowFragment, PayoutRowFragment } from '@/generated/graphql';

/** What a query selects with `...InvoiceRow` / `...PayoutRow` (billing-tables.graphql). */
export type Invoice = InvoiceRowFragment;
export type Payout = PayoutRowFragment;

/** `extra` adds leading columns (e.g. the organisation) and `after` trailing ones (e.g. a button), per row. */
interface Extra<T> { head: string; cell: (row: T) => ReactNode }

export function InvoiceTable({ invoices, extra, testId }: { invoices: Invoice[]; extra?: Extra<Invoice>; testId: string }) {
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <thead><tr>{extra && <th>{extra.head}</th>}<th>Invoice</th><th>Period</th><th>Status</th><th className="num">Due</th><th className="num">Paid</th><th>Deal</th></tr></thead>
        <tbody>
          {invoices.map((i) => (
            <tr key={i.id}>
              {extra && <td>{extra.cell(i)}</td>}
              <td>{i.hostedInvoiceUrl ? <a href={i.hostedInvoiceUrl}>{i.id}</a> : <code>{i.id}</code>}</td>
              <td>{fmtDate(i.periodStart)} – {fmtDate(i.periodEnd)}</td>
              <td><StatusBadge status={i.status} /></td>
              <td className="num">{fmtUsdCents(i.amountDueUsd)}</td>
              <td className="num">{fmtUsdCents(i.amountPaidUsd)}</td>
              <td>{i.dealId ? <a href={`/deals/${i.dealId}`}>{i.dealId.slice(0, 8)}</a> : 'Plan'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PayoutTable({ payouts, extra, after, testId }: { payouts: Payout[]; extra?: Extra<Payout>; after?: Extra<Payout>; testId: string }) {
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <thead><tr>{extra && <th>{extra.head}</th>}<th>Recorded</th><th>Deal</th><th>Invoice</th><th className="num">Amount</th><th>Status</th><th className="num">Attempts</th><th>Last error / transfer</th>{after && <th>{after.head}</th>}</tr></thead>
        <tbody>
          {payouts.map((p) => (
            <tr key={p.id}>
              {extra && <td>{extra.cell(p)}</td>}
              <td>{fmtDate(p.createdAt)}</td>
              <td><code>{p.dealId.slice(0, 8)}</code></td>
              <td><code>{p.invoiceId}</code></td>
              <td className="num">{fmtUsdCents(p.amountUsd)}</td>
              <td><StatusBadge status={p.status} /></td>
              <td className="num">{p.attempts}</td>
              <td className="muted" style={{ maxWidth: 320, overflowWrap: 'anywhere' }}>{p.lastError ?? p.transferId ?? '—'}</td>
              {after && <td>{after.cell(p)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
