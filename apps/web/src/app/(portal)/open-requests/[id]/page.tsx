import type { Metadata } from 'next';
import { ProposeForm } from '@/components/propose-form';
import { fmtDate, fmtMw, label } from '@/lib/format';
import { canWrite, gql, requireKind } from '@/lib/session';
import { proposeDeal } from '../../deals/actions';
import { OpenRequestDocument } from '@/generated/graphql';

export const metadata: Metadata = { title: 'Open request' };

export default async function OpenRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireKind('MINER');
  const { id } = await params;
  const data = await gql(
    OpenRequestDocument,
    { id },
  );
  const r = data.openRequest.request;
  const blocks = data.capacityBlocks.edges.map((e) => e.node);
  const match = data.hostMatches.edges.map((e) => e.node).filter((m) => m.requestId === id).sort((a, b) => b.score - a.score)[0];
  return (
    <>
      <h1>{r.title}</h1>
      <p>From {data.openRequest.tenantLabel} (anonymous until they accept a proposal)</p>
      <p className="muted">
        {fmtMw(r.totalMw)} (at least {fmtMw(r.minContiguousMw)} at one site) · needed by {fmtDate(r.neededBy)} · {r.termMonths} months ·{' '}
        {[...r.regions, ...r.gridOperators].join(', ') || 'anywhere'} · {r.cooling ? label(r.cooling) : 'any cooling'} ·{' '}
        {r.minRackDensityKw ? `${r.minRackDensityKw}+ kW/rack` : 'any density'} · {r.maxPriceUsdPerKwMonth === null ? 'no price cap' : `up to $${r.maxPriceUsdPerKwMonth}/kW-mo`} · backfill {r.backfillMiningAllowed ? 'allowed' : 'not allowed'}
      </p>
      <div className="card">
        <h2>Phases</h2>
        <ol>{r.phases.map((p, i) => <li key={i}>{fmtMw(p.mw)} by {fmtDate(p.neededBy)}</li>)}</ol>
        {match && <p className="notice">Matching ranks one of your sites here with score {Math.round(match.score)} ({fmtMw(match.mwAllocated)}).</p>}
      </div>
      {canWrite(viewer) && (
        <div className="card">
          <h2>Propose a deal</h2>
          {blocks.length === 0 ? (
            <div className="empty">Publish a capacity block first: proposals are made from published blocks.</div>
          ) : (
            <ProposeForm
              action={proposeDeal}
              requestId={r.id}
              request={r}
              blocks={blocks.map((b) => ({ ...b, label: `${b.site.name} · ${fmtMw(b.firmMw)} · $${b.priceUsdPerKwMonth}/kW-mo · from ${fmtDate(b.availableFrom)}` }))}
              matchedBlockIds={match?.blockIds ?? []}
              startDate={r.neededBy.slice(0, 10)}
            />
          )}
        </div>
      )}
    </>
  );
}
