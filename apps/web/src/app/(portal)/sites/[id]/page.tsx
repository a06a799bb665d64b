import type { Metadata } from 'next';
import Link from 'next/link';
import { createCapacityBlock } from '@/app/(portal)/capacity/actions';
import { TierBadge } from '@/components/badges';
import { CapacityTable } from '@/components/capacity-table';
import { HBarChart } from '@/components/charts';
import { SpecForm } from '@/components/spec-form';
import { CAPACITY_FIELDS } from '@/lib/capacity-fields';
import { fmtMw, fmtNum, fmtUsd, fmtUsdCompact, label } from '@/lib/format';
import { canWrite, gql, requireKind } from '@/lib/session';
import { SiteDocument, SiteNameDocument } from '@/generated/graphql';

/** The tab names the object ("Midland Ridge 80 · Site"). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const data = await gql(SiteNameDocument, { id });
  return { title: `${data.site.name} · Site` };
}

export default async function SiteDetail({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ sort?: string; dir?: string }> }) {
  const viewer = await requireKind('MINER');
  const { id } = await params;
  const { site, capacityBlocks } = await gql(
    SiteDocument,
    { id },
  );
  const r = site.readiness;
  const writer = canWrite(viewer);
  // Gaps and the critical path name their criterion as the chart does.
  const criterionLabel = (key: string) => r?.criteria.find((c) => c.key === key)?.label ?? label(key);
  const gapLabel = (gapKey: string) => criterionLabel(r?.gaps.find((g) => g.key === gapKey)?.criterion ?? gapKey);
  return (
    <>
      <div className="actions" style={{ justifyContent: 'space-between' }}>
        <h1>{site.name}</h1>
        <div className="actions">
          <Link href={`/revenue?siteId=${site.id}`} className="button secondary">
            Model revenue
          </Link>
          {writer && (
            <Link href={`/sites/${site.id}/edit`} className="button">
              Edit site
            </Link>
          )}
        </div>
      </div>
      <p className="muted">
        {site.region}, {site.country} · {site.gridOperator} · {fmtMw(site.energizedMw)} energized · {label(site.coolingType)} cooling ·{' '}
        {label(site.redundancy)} · up to {site.maxRackDensityKw} kW/rack · PUE {site.pue} · ${site.energyPriceUsdPerMwh}/MWh · {label(site.verification)}
      </p>
      {r ? (
        <div className="row">
          <section className="card" aria-labelledby="readiness-h">
            <h2 id="readiness-h">
              AI readiness: <span data-testid="readiness-score">{Math.round(r.score)}</span>/100 <TierBadge tier={r.tier} />
            </h2>
            <HBarChart title="Readiness sub-scores" bars={r.criteria.map((c) => ({ label: c.label, value: c.subScore * 100 }))} max={100} />
            {r.bestUse && <p className="muted">Best use: {r.bestUse}</p>}
          </section>
          <section className="card">
            <h2>Conversion estimate</h2>
            <div className="cards">
              <div className="kpi"><div className="label">Capex</div><div className="value">{fmtUsdCompact(r.conversion.capexUsd)}</div></div>
              <div className="kpi"><div className="label">Months</div><div className="value">{fmtNum(r.conversion.months)}</div></div>
              <div className="kpi"><div className="label">Critical IT</div><div className="value">{fmtMw(r.conversion.criticalItMw)}</div></div>
              <div className="kpi"><div className="label">Rack density</div><div className="value">{fmtNum(r.conversion.achievableRackDensityKw, 0)} kW</div></div>
            </div>
            {r.conversion.criticalPath.length > 0 && <p className="muted">Critical path: {r.conversion.criticalPath.map(gapLabel).join(' → ')}</p>}
          </section>
        </div>
      ) : (
        <div className="empty">No readiness assessment yet.</div>
      )}
      {r && (
        <section>
          <h2>Gaps to close</h2>
          {r.gaps.length === 0 ? (
            <div className="empty">No gaps: this site is ready for AI workloads as it is.</div>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr><th>Criterion</th><th>Action</th><th className="num">Cost</th><th className="num">Months</th><th>Blocks AI-ready</th></tr>
                </thead>
                <tbody>
                  {r.gaps.map((g) => (
                    <tr key={`${g.criterion}:${g.key}`}>
                      <td>{criterionLabel(g.criterion)}</td>
                      <td>{g.action}</td>
                      <td className="num">{fmtUsd(g.costUsd)}</td>
                      <td className="num">{fmtNum(g.months)}</td>
                      <td>{g.blocksAiReady ? 'yes' : 'no'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <section>
        <h2>Capacity blocks</h2>
        <CapacityTable blocks={capacityBlocks.edges.map((e) => e.node)} canWrite={writer} showSite={false} sort={{ path: `/sites/${id}`, params: await searchParams, anchor: 'blocks' }} />
        {writer && (
          <details className="card" style={{ marginTop: 12 }}>
            <summary>
              <strong>New capacity block</strong>
            </summary>
            <SpecForm fields={CAPACITY_FIELDS} action={createCapacityBlock} submitLabel="Create block" hidden={{ siteId: site.id }} initial={{ kind: 'COLOCATION', minTermMonths: '60' }} />
          </details>
        )}
      </section>
    </>
  );
}
