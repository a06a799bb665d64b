import { requireUser } from '../../auth/authorize';
import type { ApiContext } from '../../context';
import type { Resolvers } from '../../graphql/resolvers';
import { parseInput } from '../../graphql/validate';
import { toOrganizationNode } from '../orgs/orgs.mappers';
import { ZSignInInput, ZSignUpInput } from './auth.schemas';
import { findUserWithMemberships, signIn, signOut, signUp } from './auth.service';

async function me(ctx: ApiContext) {
  const principal = ctx.principal;
  if (!principal) return null;
  const orgId = principal.org?.id;
  const organization = orgId ? await ctx.loaders.organization.load(orgId) : null;
  if (principal.kind === 'apiKey') {
    return { user: null, organization: organization && toOrganizationNode(organization), role: null, scopes: [...principal.scopes], memberships: [] };
  }
  const user = await findUserWithMemberships(ctx.db.prisma, principal.userId);
  return {
    user,
    organization: organization && toOrganizationNode(organization),
    role: principal.role,
    scopes: [],
    memberships: user.memberships.map((m) => ({ role: m.role, organization: toOrganizationNode(m.org) })),
  };
}

export const authResolvers: Resolvers = {
  Query: {
    me: (_parent, _args, ctx) => me(ctx),
  },
  Mutation: {
    signUp: async (_parent, args, ctx) => {
      const input = parseInput(ZSignUpInput, args.input);
      await ctx.rateLimits.consumeSignUp(input.email, ctx.clientIp);
      return signUp(ctx.db.prisma, input, ctx.config.passwordCost);
    },
    signIn: async (_parent, args, ctx) => {
      const input = parseInput(ZSignInInput, args.input);
      await ctx.rateLimits.assertSignInAllowed(input.email, ctx.clientIp);
      const result = await signIn(ctx.db.prisma, input, ctx.config.SESSION_TTL_HOURS, ctx.config.passwordCost).catch(async (error: unknown) => {
        await ctx.rateLimits.recordSignInFailure(input.email, ctx.clientIp);
        throw error;
      });
      await ctx.rateLimits.recordSignInSuccess(input.email, ctx.clientIp);
      return { ...result, organization: result.organization && toOrganizationNode(result.organization) };
    },
    signOut: async (_parent, _args, ctx) => {
      const principal = requireUser(ctx);
      await signOut(ctx.db.prisma, { sessionId: principal.sessionId, userId: principal.userId, orgId: principal.org?.id ?? null });
      return true;
    },
  },
};
