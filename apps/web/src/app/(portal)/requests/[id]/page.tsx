import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/action-button';
import { StatusBadge } from '@/components/badges';
import { DealTable } from '@/components/deal-table';
import { RequestProposalForm } from '@/components/request-proposal-form';
import { fmtDate, fmtMw, fmtNum, label } from '@/lib/format';
import { canWrite, gql, requireKind } from '@/lib/session';
import { openRequest, runMatching } from '../actions';
import { ColocationRequestTitleDocument } from '@/generated/graphql';
import { ColocationRequestDocument } from '@/generated/graphql';

/** The tab names the object ("Midland Ridge 80 · Site"). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const data = await gql(ColocationRequestTitleDocument, { id });
  return { title: `${data.colocationRequest.title} · Request` };
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1) + '.';

export default async function RequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ sort?: string; dir?: string }> }) {
  const viewer = await requireKind('TENANT');
  const { id } = await params;
  const data = await gql(
    ColocationRequestDocument,
    { id },
  );
  const r = data.colocationRequest;
  const deals = data.deals.edges.map((e) => e.node).filter((d) => d.request.id === r.id);
  const writer = canWrite(viewer);
  const asked = new Set(data.sentProposalRequests.map((p) => p.siteId));
  const canAsk = writer && (r.status === 'OPEN' || r.status === 'MATCHED');
  return (
    <>
      <h1>
        {r.title} <StatusBadge status={r.status} />
      </h1>
      <p className="muted">
        {fmtMw(r.totalMw)} total · at least {fmtMw(r.minContiguousMw)} at one site · {r.termMonths} months
        {r.regions.length > 0 && ` · ${r.regions.join(', ')}`}
        {r.gridOperators.length > 0 && ` · ${r.gridOperators.join(', ')}`}
      </p>
      <div className="card">
        <h2>Phases</h2>
        <ol>
          {r.phases.map((p, i) => (
            <li key={i}>
              {fmtMw(p.mw)} by {fmtDate(p.neededBy)}
            </li>
          ))}
        </ol>
      </div>
      {writer && (
        <div className="actions">
          {r.status === 'DRAFT' && <ActionButton action={openRequest} fields={{ id: r.id }} label="Open to hosts" />}
          {r.status !== 'DRAFT' && <ActionButton action={runMatching} fields={{ id: r.id }} label={data.matches ? 'Re-run matching' : 'Find matches'} pendingLabel="Matching…" />}
        </div>
      )}
      <h2>Proposals</h2>
      <DealTable deals={deals} empty="No host has proposed yet." sort={{ path: `/requests/${id}`, params: await searchParams, anchor: 'proposals' }} />
      <h2>Matches</h2>
      {!data.matches ? (
        <div className="empty">Not matched yet. Run matching to rank the sites that fit.</div>
      ) : data.matches.matches.length === 0 ? (
        <div className="empty" data-testid="no-match">
          <p>
            <strong>No site fits this request</strong> (matched {fmtDate(data.matches.matchedAt)}). {data.matches.exclusionSummary}.
          </p>
          {data.matches.partialFitSummary && <p>{data.matches.partialFitSummary}, not enough together within your limits.</p>}
          {data.matches.relaxations.length > 0 ? (
            <>
              <p>What loosening one limit would find:</p>
              <ul>
                {data.matches.relaxations.map((x) => (
                  <li key={x.key}>{sentence(x.summary)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>No single limit loosened on its own finds a site among those the other limits let through.</p>
          )}
        </div>
      ) : (
        <>
          <p className="muted">
            Matched {fmtDate(data.matches.matchedAt)} · {data.matches.exclusionSummary}
          </p>
          {data.matches.matches.map((m) => (
            <div className="card" key={m.rank} data-testid="match">
              <h2>
                #{m.rank} · score {fmtNum(m.score, 0)} · {fmtMw(m.mwAllocated)} at ${m.priceUsdPerKwMonth}/kW-mo · power from {fmtDate(m.firstPowerDate)}
                {m.isSplit && <span className="badge warn"> {m.label}</span>}
              </h2>
              <p>{m.summary}</p>
              <ul className="match-sites">
                {m.sites.map((s) => (
                  <li key={s.site.id}>
                    <Link href={`/listings/${s.site.id}`}>{s.site.region}, {s.site.country} ({s.site.gridOperator})</Link> {fmtMw(s.mwAllocated)}{' '}
                    {asked.has(s.site.id) ? (
                      <span className="badge">Proposal requested</span>
                    ) : (
                      canAsk && <RequestProposalForm siteId={s.site.id} requests={[{ id: r.id, title: r.title }]} />
                    )}
                  </li>
                ))}
              </ul>
              <table>
                <thead><tr><th>Criterion</th><th className="num">Value</th><th className="num">Weight</th><th className="num">Contribution</th><th>Why</th></tr></thead>
                <tbody>
                  {m.criteria.map((c) => (
                    <tr key={c.key}>
                      <td>{c.label}</td>
                      <td className="num">{fmtNum(c.value * 100, 0)}</td>
                      <td className="num">{fmtNum(c.weight * 100, 0)}%</td>
                      <td className="num">{fmtNum(c.contribution, 1)}</td>
                      <td>{c.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          {data.matches.exclusions.some((e) => e.sites > 0) && (
            <p className="muted">
              Sites excluded by constraint: {data.matches.exclusions.filter((e) => e.sites > 0).map((e) => `${label(e.constraint)} ${e.sites}`).join(' · ')}
            </p>
          )}
        </>
      )}
    </>
  );
}
