import { type AppPrisma, type AppTx, type Prisma, scopedWhere, withOrg } from '@gridshare/db';
import { RevenueInputError, revenueSensitivity, simulateRevenue, simulateTerm, termSensitivity, termTornado, type TermResult, type TRevenueInput, type TTermInput } from '@gridshare/revenue';
import { audit } from '../../audit';
import type { Authorized } from '../../auth/principal';
import { type DomainError, appError, badInput, notFound } from '../../errors/domain-errors';
import { type TPageArgs, pageQuery } from '../../graphql/pagination';
import { toJsonColumn, toStoredResults } from './revenue.mappers';
import {
  HOURS_PER_WEEK,
  type THourlyArgs,
  type TSaveRevenueScenarioInput,
  type TSensitivityArgs,
  type TTermModelArgs,
  type TTermSensitivityArgs,
} from './revenue.schemas';

/**
 * The engine's sensitivity issues as BAD_USER_INPUT. The base input already passed validation, so any issue
 * outside `axes` comes from a cell: it is the axis whose field broke (or the axes together) that is wrong.
 */
function sensitivityBadInput(error: RevenueInputError, axes: readonly { path: string }[]): DomainError {
  const dotted = axes.map((axis) => axis.path.replace(/\[(\d+)\]/g, '.$1'));
  const issues = error.issues.map((issue) => {
    const axis = dotted.indexOf(issue.path);
    const field = issue.path.startsWith('axes') ? issue.path : axis >= 0 ? `axes.${axis}.values` : 'axes';
    return { field, message: issue.message };
  });
  const first = issues[0] ?? { field: 'axes', message: error.message };
  return appError('BAD_USER_INPUT', `${first.field}: ${first.message}`, { field: first.field, issues });
}

/** One site-year with its hourly arrays; nothing is read or written. */
export function modelRevenue(input: TRevenueInput) {
  return simulateRevenue(input, { hourly: true });
}

/** Hours [from, to) of a window that starts `args.fromHour` into the chosen week; clipped at the year's end. */
export function hourlyWindow(yearHours: number, weekStartHour: number, args: THourlyArgs): { from: number; to: number } {
  const from = weekStartHour + args.fromHour;
  if (from >= yearHours) {
    const where = weekStartHour > 0 ? ` (week start ${weekStartHour} + ${args.fromHour})` : '';
    throw badInput('fromHour', `hour ${from}${where} is past the end of the year's ${yearHours} hours`);
  }
  return { from, to: Math.min(from + args.hours, yearHours) };
}

export const weekStartHour = (week: number | null | undefined) => (week ?? 0) * HOURS_PER_WEEK;

/** Runs a grid; an axis value that breaks a rule is BAD_USER_INPUT naming the axis. */
function onAxes<T>(axes: readonly { path: string }[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw error instanceof RevenueInputError ? sensitivityBadInput(error, axes) : error;
  }
}

export const modelSensitivity = (args: TSensitivityArgs) => onAxes(args.axes, () => revenueSensitivity(args.input, args.axes));

/** The deal's whole term with its hourly arrays (a window is sliced per request); nothing is read or written. */
export function modelTerm(args: TTermModelArgs): { result: TermResult; windowStartHour: number } {
  const result = simulateTerm(args.input, { hourly: true });
  const year = Math.min(args.year ?? 1, result.years);
  const yearStart = result.yearly.slice(0, year - 1).reduce((n, y) => n + y.hours, 0);
  return { result, windowStartHour: yearStart + weekStartHour(args.week) };
}

/** Cells that run hour by hour cost about a term simulation each (~10 ms): 100 hold a request for about a second. */
export const MAX_HOURLY_TERM_CELLS = 100;

export const modelTermSensitivity = (args: TTermSensitivityArgs) =>
  onAxes(args.axes, () => termSensitivity(args.input, args.axes, { maxHourlyCells: MAX_HOURLY_TERM_CELLS }));

export const modelTermTornado = (input: TTermInput) => termTornado(input);

export interface ScenarioSubject {
  siteId?: string | null;
  dealId?: string | null;
}

/**
 * A site's scenarios are its owner's; a deal's are visible to both parties (row-level security: the deal
 * is readable by its two parties only, and the deal_party_read policy shares its scenarios between them).
 */
async function scenarioWhere(tx: AppTx, auth: Authorized, subject: ScenarioSubject): Promise<Prisma.RevenueScenarioWhereInput> {
  if (subject.dealId) {
    const deal = await tx.deal.findFirst({ where: { id: subject.dealId }, select: { id: true } });
    if (!deal) throw notFound('Deal', subject.dealId);
    return { dealId: subject.dealId };
  }
  const siteId = subject.siteId!;
  const site = await tx.site.findFirst({ where: scopedWhere(auth, { id: siteId }), select: { id: true } });
  if (!site) throw notFound('Site', siteId);
  return scopedWhere(auth, { siteId });
}

export function saveScenario(prisma: AppPrisma, auth: Authorized, input: TSaveRevenueScenarioInput) {
  // Pure and sub-millisecond: computed before the transaction so it holds no connection meanwhile.
  const result = simulateRevenue(input.inputs, { hourly: false });
  return withOrg(prisma, auth, async (tx) => {
    await scenarioWhere(tx, auth, input);
    const scenario = await tx.revenueScenario.create({
      data: {
        orgId: auth.orgId,
        siteId: input.siteId ?? null,
        dealId: input.dealId ?? null,
        name: input.name,
        inputs: toJsonColumn(input.inputs),
        results: toStoredResults(result),
        createdById: auth.principal.kind === 'user' ? auth.principal.userId : null,
      },
    });
    // The inputs can hold 8,784-value series: the audit keeps what identifies the scenario and its headline.
    await audit(tx, auth, {
            action: 'revenueScenario.created',
      entityType: 'RevenueScenario',
      entityId: scenario.id,
      changes: { name: input.name, siteId: input.siteId, dealId: input.dealId, hostEbitdaCents: result.totalsCents.hostEbitda },
    });
    return scenario;
  });
}

export function findScenariosPage(prisma: AppPrisma, auth: Authorized, subject: ScenarioSubject, page: TPageArgs) {
  return withOrg(prisma, auth, async (tx) => tx.revenueScenario.findMany({ where: await scenarioWhere(tx, auth, subject), ...pageQuery(page) }));
}

export function countScenarios(prisma: AppPrisma, auth: Authorized, subject: ScenarioSubject) {
  return withOrg(prisma, auth, async (tx) => tx.revenueScenario.count({ where: await scenarioWhere(tx, auth, subject) }));
}
