import { nextSteps, timelineSteps, type TimelineDeal } from '@/lib/deal-timeline';
import { fmtDate } from '@/lib/format';

export function DealTimeline({ deal }: { deal: TimelineDeal }) {
  const next = nextSteps(deal);
  return (
    <section className="card" aria-labelledby="timeline-h" data-testid="deal-timeline">
      <h2 id="timeline-h">Timeline</h2>
      <ol className="timeline">
        {timelineSteps(deal).map((step) => (
          <li key={step.label} className={step.done ? 'done' : undefined}>
            {step.done ? '✓ ' : ''}{step.label}{step.date ? ` · ${fmtDate(step.date)}` : ''}
          </li>
        ))}
      </ol>
      {(next.HOST.length > 0 || next.TENANT.length > 0) && (
        <div className="row">
          {(['HOST', 'TENANT'] as const).map((party) => (
            <div key={party}>
              <h3>Next for the {party === 'HOST' ? 'host' : 'tenant'}{party === deal.role ? ' (you)' : ''}</h3>
              <ul>{next[party].map((s) => <li key={s}>{s}</li>)}</ul>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
