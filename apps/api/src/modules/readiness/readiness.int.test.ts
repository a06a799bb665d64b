import { Prisma, withOrg } from '@gridshare/db';
import { MODEL_VERSION } from '@gridshare/readiness';
import { AI_READY_CAMPUS, MINING_SHED } from '@gridshare/readiness/testing';
import { type OrgFixture, createSite, joinOrg, signUpOrg, siteInput } from '../../testing/fixtures';
import { type Caller, type GqlResult, type TestApi, startTestApi } from '../../testing/test-api';
import { toSiteCreateData } from '../sites/sites.mappers';
import { ZCreateSiteInput } from '../sites/sites.schemas';
import { errorCode } from '../../testing/expect-code';

const statements: string[] = [];
let api: TestApi;
let miner: OrgFixture;

beforeAll(async () => {
  api = await startTestApi({ onQuery: (sql) => statements.push(sql) });
  miner = await signUpOrg(api, 'MINER', 'readiness');
});
afterAll(() => api.close());

// The engine's own hand-worked sites, sent through the API.
const AI_CAMPUS = AI_READY_CAMPUS;
const MID_SITE = { ...AI_CAMPUS, energizedMw: 100, pipelineMw: 0, coolingType: 'WATER', maxRackDensityKw: 50, permitStatus: 'IN_PROGRESS', miningMw: 60 };

interface Gap {
  key: string;
  action: string;
  costUsd: number;
  months: number;
}
interface Assessment {
  id: string;
  modelVersion: string;
  current: boolean;
  score: number;
  tier: string;
  criteria: { key: string; weight: number; contribution: number }[];
  gaps: Gap[];
  conversion: { capexUsd: number; months: number; achievableRackDensityKw: number };
  bestUse: string | null;
  asOf: string | null;
}
interface HistoryPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; score: number } }[];
}

const ASSESSMENT_FIELDS = `id modelVersion current score tier criteria { key weight contribution } gaps { key action costUsd months }
  conversion { capexUsd months achievableRackDensityKw siteMw criticalItMw criticalPath monthsToPower } bestUse asOf createdAt`;
const SITE_READINESS = `query ($id: ID!) { site(id: $id) { readiness { ${ASSESSMENT_FIELDS} } } }`;
const HISTORY = `query ($siteId: ID!, $first: Int, $after: String) {
  siteReadinessHistory(siteId: $siteId, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id score } } } }`;
const ASSESS = `mutation ($siteId: ID!) { assessSiteReadiness(siteId: $siteId) { ${ASSESSMENT_FIELDS} } }`;
const ASSESS_ALL = `mutation { assessAllSiteReadiness }`;


async function readiness(caller: Caller, siteId: string): Promise<Assessment | null> {
  const result = await api.gql<{ site: { readiness: Assessment | null } }>(SITE_READINESS, { id: siteId }, caller);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.site.readiness;
}

async function history(caller: Caller, siteId: string, first: number, after?: string | null): Promise<HistoryPage> {
  const result = await api.gql<{ siteReadinessHistory: HistoryPage }>(HISTORY, { siteId, first, after }, caller);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.siteReadinessHistory;
}

/** What a failed call must leave untouched: the organisation's assessments and audit rows (system path). */
async function writtenRows(orgId: string) {
  const prisma = api.db.prisma;
  return { assessments: await prisma.readinessAssessment.count({ where: { orgId } }), audit: await prisma.auditLog.count({ where: { orgId } }) };
}

const today = () => new Date().toISOString().slice(0, 10);

describe('readiness', () => {
  it('stores an assessment when a site is created; an AI-grade campus is AI_READY', async () => {
    const site = await createSite(api, miner, AI_CAMPUS);
    const assessment = await readiness(miner, site.id);
    expect(assessment).toMatchObject({ modelVersion: MODEL_VERSION, current: true, tier: 'AI_READY', asOf: today() });
    expect(assessment!.score).toBeGreaterThanOrEqual(75);
    expect(assessment!.bestUse).toMatch(/^Offer to AI tenants now/);
    expect(assessment!.conversion.achievableRackDensityKw).toBe(132);
    // The criteria explain the score: their contributions add up to it, their weights to 1.
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(assessment!.criteria.map((c) => c.contribution))).toBeCloseTo(assessment!.score, 1);
    expect(sum(assessment!.criteria.map((c) => c.weight))).toBeCloseTo(1, 6);
    expect(await api.db.prisma.readinessAssessment.count({ where: { siteId: site.id } })).toBe(1);
  });

  it('tells a 30 MW air-cooled mining shed to keep mining, with priced gaps', async () => {
    const site = await createSite(api, miner, MINING_SHED);
    const assessment = (await readiness(miner, site.id))!;
    expect(assessment.tier).toBe('MINING_ONLY');
    expect(assessment.bestUse).toMatch(/^Keep mining:/);
    expect(assessment.gaps.map((g) => g.key)).toEqual(expect.arrayContaining(['liquidCooling', 'redundancy', 'hallRebuild', 'permits', 'carriers']));
    for (const gap of assessment.gaps) {
      expect(gap.action).toEqual(expect.any(String));
      expect(gap.costUsd).toBeGreaterThan(0);
      expect(gap.months).toBeGreaterThan(0);
    }
    // Money is whole USD; the conversion costs what its gaps cost.
    expect(assessment.conversion.capexUsd).toBe(assessment.gaps.reduce((total, gap) => total + gap.costUsd, 0));
    expect(Number.isInteger(assessment.conversion.capexUsd)).toBe(true);
  });

  it('reassesses on update: direct-to-chip cooling raises the score and adds to the history, newest first', async () => {
    const site = await createSite(api, miner, MID_SITE);
    const before = (await readiness(miner, site.id))!;
    const updated = await api.gql(
      `mutation ($id: ID!) { updateSite(id: $id, input: { coolingType: DIRECT_TO_CHIP }) { id } }`,
      { id: site.id },
      miner,
    );
    expect(updated.errors).toBeUndefined();
    const after = (await readiness(miner, site.id))!;
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.gaps.map((g) => g.key)).not.toContain('liquidCooling');
    expect(before.gaps.map((g) => g.key)).toContain('liquidCooling');

    const first = await history(miner, site.id, 1);
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(first.edges.map((e) => e.node)).toEqual([{ id: after.id, score: after.score }]);
    const second = await history(miner, site.id, 1, first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node)).toEqual([{ id: before.id, score: before.score }]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('assesses a site on demand, with an audit row', async () => {
    const site = await createSite(api, miner, MINING_SHED);
    const result = await api.gql<{ assessSiteReadiness: Assessment }>(ASSESS, { siteId: site.id }, miner);
    expect(result.errors).toBeUndefined();
    expect(result.data?.assessSiteReadiness).toMatchObject({ current: true, tier: 'MINING_ONLY', modelVersion: MODEL_VERSION });
    // Site.readiness (the DataLoader's raw query) maps the row exactly as the mutation (Prisma) does.
    expect(await readiness(miner, site.id)).toEqual(result.data?.assessSiteReadiness);
    expect((await history(miner, site.id, 10)).totalCount).toBe(2);
    const audit = await api.db.prisma.auditLog.findFirst({ where: { orgId: miner.orgId, action: 'readiness.assessed', entityId: site.id } });
    expect(audit?.changes).toMatchObject({ assessmentId: result.data?.assessSiteReadiness.id, tier: 'MINING_ONLY' });
  });

  it('refuses a siteId that is not an id, and an archived site, writing nothing', async () => {
    const before = await writtenRows(miner.orgId);
    const bad = await api.gql(ASSESS, { siteId: 'not-a-uuid' }, miner);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteId' });
    const badHistory = await api.gql(HISTORY, { siteId: 'not-a-uuid', first: 5 }, miner);
    expect(badHistory.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'siteId' });
    expect(await writtenRows(miner.orgId)).toEqual(before);

    const site = await createSite(api, miner);
    await api.gql(`mutation ($id: ID!) { archiveSite(id: $id) { id } }`, { id: site.id }, miner);
    const archived = await writtenRows(miner.orgId);
    expect(errorCode(await api.gql(ASSESS, { siteId: site.id }, miner))).toBe('CONFLICT');
    expect(await writtenRows(miner.orgId)).toEqual(archived);
  });

  it('keeps an assessment of an older model version and says it is not current', async () => {
    const site = await createSite(api, miner, AI_CAMPUS);
    const latest = (await readiness(miner, site.id))!;
    const old = await api.db.prisma.readinessAssessment.findUniqueOrThrow({ where: { id: latest.id } });
    const json = (value: Prisma.JsonValue) => value as Prisma.InputJsonValue;
    await api.db.prisma.readinessAssessment.create({
      data: {
        orgId: old.orgId,
        siteId: old.siteId,
        score: old.score,
        tier: old.tier,
        criteria: json(old.criteria),
        gaps: json(old.gaps),
        conversion: json(old.conversion),
        modelVersion: 'readiness-2000.01-1',
        createdAt: new Date(Date.now() + 60_000),
      },
    });
    expect(await readiness(miner, site.id)).toMatchObject({ modelVersion: 'readiness-2000.01-1', current: false, score: latest.score });
  });

  it('describes the model: version, criteria with weights, tier thresholds', async () => {
    const result = await api.gql<{
      readinessModel: { version: string; criteria: { key: string; label: string; weight: number }[]; tiers: { aiReadyMinScore: number; convertibleMinScore: number } };
    }>(`{ readinessModel { version criteria { key label weight source } tiers { aiReadyMinScore convertibleMinScore aiReadyMinEnergizedMw aiReadyBlockers } } }`, {}, miner);
    expect(result.errors).toBeUndefined();
    const model = result.data!.readinessModel;
    expect(model.version).toBe(MODEL_VERSION);
    expect(model.criteria.map((c) => c.key)).toEqual(['power', 'electrical', 'cooling', 'network', 'redundancy', 'density', 'landPermits', 'backupPower', 'floorLoading', 'workforce', 'timeToPower']);
    expect(model.criteria.reduce((total, c) => total + c.weight, 0)).toBeCloseTo(1, 6);
    expect(model.tiers).toMatchObject({ aiReadyMinScore: 75, convertibleMinScore: 45 });
  });
});

describe('roles', () => {
  it('a VIEWER reads readiness but cannot assess', async () => {
    const viewer = await signUpOrg(api, 'TENANT', 'viewer');
    await joinOrg(api, miner, viewer, 'VIEWER');
    const asViewer = { token: viewer.token, orgId: miner.orgId };
    const site = await createSite(api, miner, MINING_SHED);
    expect((await readiness(asViewer, site.id))?.tier).toBe('MINING_ONLY');
    expect((await history(asViewer, site.id, 5)).totalCount).toBe(1);

    const before = await writtenRows(miner.orgId);
    const assess = await api.gql(ASSESS, { siteId: site.id }, asViewer);
    expect(errorCode(assess)).toBe('FORBIDDEN');
    expect(assess.errors?.[0]?.message).toMatch(/VIEWER/);
    expect(errorCode(await api.gql(ASSESS_ALL, {}, asViewer))).toBe('FORBIDDEN');
    expect(await writtenRows(miner.orgId)).toEqual(before);
  });
});

describe('as org A against org B', () => {
  let a: OrgFixture;
  let b: OrgFixture;
  let aSite: { id: string };
  let bSite: { id: string };

  beforeAll(async () => {
    a = await signUpOrg(api, 'MINER', 'ready-a');
    b = await signUpOrg(api, 'MINER', 'ready-b');
    aSite = await createSite(api, a, MID_SITE);
    bSite = await createSite(api, b, AI_CAMPUS);
  });

  it('cannot read or assess B’s site, and nothing of B is written', async () => {
    const before = await writtenRows(b.orgId);
    expect(errorCode(await api.gql(SITE_READINESS, { id: bSite.id }, a))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(HISTORY, { siteId: bSite.id, first: 5 }, a))).toBe('NOT_FOUND');
    expect(errorCode(await api.gql(ASSESS, { siteId: bSite.id }, a))).toBe('NOT_FOUND');
    const all = await api.gql<{ assessAllSiteReadiness: number }>(ASSESS_ALL, {}, a);
    expect(all.data?.assessAllSiteReadiness).toBe(1);
    expect(await writtenRows(b.orgId)).toEqual(before);
  });

  it('never sees B’s assessments, by list, cursor or raw SQL', async () => {
    const [bAssessment] = await api.db.prisma.readinessAssessment.findMany({ where: { orgId: b.orgId } });
    const cursor = Buffer.from(`v1:${bAssessment!.id}`).toString('base64url');
    expect((await history(a, aSite.id, 10, cursor)).edges).toEqual([]);
    const aIds = (await history(a, aSite.id, 100)).edges.map((e) => e.node.id);
    expect(aIds).not.toContain(bAssessment!.id);
    const sites = await api.gql<{ sites: { edges: { node: { readiness: { id: string } | null } }[] } }>(
      `{ sites(first: 100) { edges { node { readiness { id } } } } }`,
      {},
      a,
    );
    expect(sites.data?.sites.edges.map((e) => e.node.readiness?.id)).not.toContain(bAssessment!.id);
    const seen = await withOrg(api.db.prisma, { orgId: a.orgId }, (tx) =>
      tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "ReadinessAssessment" WHERE "orgId" = ${b.orgId}::uuid`,
    );
    expect(Number(seen[0]!.n)).toBe(0);
  });
});

/** Statements that read or write tables: not BEGIN/COMMIT, not the scope's set_config. */
function dataQueries(sql: string[]): string[] {
  return sql.filter((s) => /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(s) && !/set_config\(/i.test(s));
}

describe('a page of sites with their readiness', () => {
  it('assesses every site at once, then lists 50 with their latest assessment in one assessment query', async () => {
    const org = await signUpOrg(api, 'MINER', 'bulk');
    // 50 sites straight into the database (no assessments yet): the seed makes sites the same way.
    const site = toSiteCreateData(ZCreateSiteInput.parse(siteInput(MINING_SHED)), org.orgId);
    await api.db.prisma.site.createMany({ data: Array.from({ length: 50 }, (_, i) => ({ ...site, name: `Bulk ${i}` })) });
    const LIST = `{ sites(first: 50) { edges { node { id readiness { id score tier current } } } } }`;
    type List = { sites: { edges: { node: { id: string; readiness: { id: string; score: number; tier: string } | null } }[] } };

    const unassessed = await api.gql<List>(LIST, {}, org);
    expect(unassessed.data?.sites.edges.every((e) => e.node.readiness === null)).toBe(true);

    for (let round = 0; round < 2; round++) {
      const all = await api.gql<{ assessAllSiteReadiness: number }>(ASSESS_ALL, {}, org);
      expect(all.data?.assessAllSiteReadiness).toBe(50);
    }
    expect(await api.db.prisma.auditLog.count({ where: { orgId: org.orgId, action: 'readiness.assessedAll' } })).toBe(2);
    expect(await api.db.prisma.readinessAssessment.count({ where: { orgId: org.orgId } })).toBe(100);

    statements.length = 0;
    const listed = await api.gql<List>(LIST, {}, org);
    expect(listed.errors).toBeUndefined();
    const edges = listed.data!.sites.edges;
    expect(edges).toHaveLength(50);
    expect(edges.every((e) => e.node.readiness?.tier === 'MINING_ONLY')).toBe(true);
    const queries = dataQueries(statements);
    // Session lookup, sites page, latest assessments (one DataLoader batch).
    expect(queries.filter((q) => /"ReadinessAssessment"/.test(q))).toHaveLength(1);
    expect(queries.length).toBeLessThanOrEqual(5);

    // Each site shows its newest assessment: the second round's.
    const newest = await api.db.prisma.readinessAssessment.findMany({
      where: { orgId: org.orgId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      distinct: ['siteId'],
    });
    const newestBySite = new Map(newest.map((row) => [row.siteId, row.id]));
    expect(edges.every((e) => e.node.readiness?.id === newestBySite.get(e.node.id))).toBe(true);
  });
});
