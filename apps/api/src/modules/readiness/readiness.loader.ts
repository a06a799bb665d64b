// Each site's latest stored readiness assessment, batched per request: a page of N sites costs one query.
// The module keeps its own loader (graphql/loaders.ts holds only the shared organisation and site loaders).
import type { ReadinessAssessment } from '@gridshare/db';
import DataLoader from 'dataloader';
import type { ApiContext } from '../../context';
import { findLatestAssessments } from './readiness.service';

const perRequest = new WeakMap<ApiContext, DataLoader<string, ReadinessAssessment | null>>();

/** By site id; null when the site has none (or is not visible to the caller). */
export function latestReadinessLoader(ctx: ApiContext): DataLoader<string, ReadinessAssessment | null> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    const orgId = ctx.principal?.org?.id;
    loader = new DataLoader(async (siteIds) => {
      if (!orgId) return siteIds.map(() => null);
      const latest = await findLatestAssessments(ctx.db.prisma, { orgId }, siteIds);
      return siteIds.map((id) => latest.get(id) ?? null);
    });
    perRequest.set(ctx, loader);
  }
  return loader;
}
