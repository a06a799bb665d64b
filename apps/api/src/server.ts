// The HTTP server: Fastify with Apollo Server at /graphql, Stripe webhooks at /webhooks/stripe, /healthz and /readyz.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import { type Database, runWithSharedReads, shareReads, sharedReadSlots } from '@gridshare/db';
import Fastify, { type FastifyBaseLogger, LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { type AuthHeaders, authHeadersOf, resolvePrincipal } from './auth/resolve-principal';
import { createSessionCache } from './auth/session-cache';
import { AUTHENTICATED_BODY_LIMIT_BYTES, DOCUMENT_LIMIT_BYTES, limitAnonymousBodies, limitDocument } from './body-limits';
import type { TConfig } from './config';
import { type ApiContext, createContext } from './context';
import { databaseBusyStatus, refuseWhenDatabaseBusy } from './graphql/database-busy';
import { formatError } from './graphql/error-format';
import { type RateLimits, createRateLimits } from './rate-limits';
import { REQUEST_ID_HEADER, requestIdFrom, requestLogger, runWithRequestLogger } from './request-logging';
import { introspectionGuard } from './graphql/introspection-guard';
import { type ExecutionEngine, localGateway } from './graphql/jit-executor';
import { createResponseCache } from './graphql/response-cache';
import { createTrustedDocuments, readTrustedDocuments } from './graphql/trusted-documents';
import { LIMITS, armorProtection } from './graphql/armor';
import { buildSchema } from './graphql/schema';
import { createCacheInvalidations } from './cache-invalidation';
import { trustProxyOption } from './network';
import { publicQueries } from './modules';
import { createOfferSync } from './modules/hosting/offer-sync';
import { createListingSync } from './modules/search/listing-sync';
import { type BillingRuntime, openBilling } from './billing-runtime';
import { createDealBillingPort } from './modules/billing/deal-billing';
import { registerStripeWebhooks } from './modules/billing/stripe-events';
import { collectDeliveries } from './modules/webhooks/outbox';
import { type WebhookQueue, createWebhookQueue } from './modules/webhooks/queue';

/**
 * Larger bodies are refused with 413 before any parsing (GraphQL Armor does not cap characters); on
 * /graphql, callers with valid credentials may send variables up to AUTHENTICATED_BODY_LIMIT_BYTES
 * (body-limits.ts), but never a document over this.
 */
export const BODY_LIMIT_BYTES = DOCUMENT_LIMIT_BYTES;

export { LIMITS };

export interface ServerOptions {
  config: TConfig;
  db: Database;
  logger: Logger;
  /** Executor behind Apollo (default graphql-jit); the benchmark compares both. */
  engine?: ExecutionEngine;
  schema?: GraphQLSchema;
  /** Defaults to limits from `config` (Redis when REDIS_URL is set). */
  rateLimits?: RateLimits;
  /** Stripe; defaults to openBilling(config) (the local Stripe-shaped server when no key is set). */
  billing?: BillingRuntime;
  /**
   * Where committed webhook deliveries are queued (default: BullMQ on REDIS_URL; none without Redis, and
   * then the worker's sweep is the only way they leave).
   */
  webhookQueue?: WebhookQueue | null;
  /** Documents runnable by id (default: the committed manifest); the benchmark adds its own query. */
  trustedDocuments?: ReadonlyMap<string, string>;
  /** Builds each request's context; the benchmark swaps in one without a database. */
  principalFor?: (headers: AuthHeaders) => Promise<ApiContext['principal']>;
}

/** A query only reads: its resolvers' tenant reads share one transaction (packages/db shared-reads.ts). */
const shareReadsOfQueries: ApolloServerPlugin<ApiContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        shareReads(operation?.operation === 'query');
      },
    };
  },
};

/** Fastify makes each request.log as a child of the pino logger it was given (with the request id bound). */
const pinoOf = (request: FastifyRequest) => request.log as Logger;

export async function buildServer(options: ServerOptions): Promise<{ app: FastifyInstance; apollo: ApolloServer<ApiContext> }> {
  const { config, db, logger } = options;
  const production = config.NODE_ENV === 'production';
  // close() stops accepting, closes idle keep-alive sockets and waits for in-flight requests; then the
  // onClose hook below stops Apollo. (Apollo's Fastify drain plugin calls app.close() from apollo.stop(),
  // which deadlocks with that hook, so shutdown is driven from Fastify's side only.)
  // Fastify's request.log is `logger` with the request id bound; its own per-request lines are replaced by
  // the onResponse hook below (debug, warn for a 503, error for another 5xx).
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    // Typed as Fastify's logger interface so the instance keeps its default type; it is still pino.
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: (request) => requestIdFrom(request.headers[REQUEST_ID_HEADER]),
    forceCloseConnections: 'idle',
    // request.ip is the client's address only when the proxies in front are named (TRUST_PROXY); otherwise
    // X-Forwarded-For is ignored, or any client could pick a fresh address for every guess.
    trustProxy: trustProxyOption(config.trustProxy),
  });
  const armor = armorProtection();
  // principalFor is the session cache's, made below; only asked at request time (free text under `api-keys`).
  const trustedDocuments = createTrustedDocuments({
    documents: options.trustedDocuments ?? readTrustedDocuments(),
    freeText: config.freeTextOperations,
    principalFor: (headers) => principalFor(headers),
  });

  const apollo = new ApolloServer<ApiContext>({
    gateway: localGateway(options.schema ?? buildSchema(), options.engine ?? 'jit'),
    plugins: [
      ...armor.plugins,
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ...(production ? [introspectionGuard()] : []),
      shareReadsOfQueries,
      databaseBusyStatus<ApiContext>(),
    ],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    introspection: true,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Documents by id run only from the trusted documents manifest: Apollo's persisted-query cache is the
    // manifest, read-only, so no client can register a text (automatic persisted queries would run texts the
    // response cache never saw: a mutation it cannot see clears nothing). Every id was swapped for its text
    // before the response cache read the request (graphql/trusted-documents.ts).
    persistedQueries: { cache: trustedDocuments.apolloCache },
    // main.ts owns SIGINT/SIGTERM (close HTTP, then Apollo, billing, the pool). Apollo's own handlers (on by
    // default outside NODE_ENV=test) raced it: two stops at once, and the process never exited.
    stopOnTerminationSignals: false,
    formatError: formatError({
      internal: (error) => requestLogger(logger).error({ err: error }, 'internal error in a GraphQL request'),
      busy: (error) => requestLogger(logger).warn({ err: error instanceof Error ? error.message : String(error) }, 'database busy: no connection in time; answered 503'),
    }),
  });
  await apollo.start();

  // Sessions are remembered for as long as public answers are, and forgotten with them (session-cache.ts).
  const sessions = createSessionCache(options.principalFor ?? ((headers) => resolvePrincipal(db.prisma, headers)), config.RESPONSE_CACHE_TTL_MS);
  const principalFor = sessions.principalFor;
  const rateLimits = options.rateLimits ?? createRateLimits(config, logger);
  const billingRuntime = options.billing ?? (await openBilling(config, logger));
  const billing = billingRuntime.billing;
  const webhookQueue =
    options.webhookQueue !== undefined
      ? options.webhookQueue
      : config.REDIS_URL
        ? createWebhookQueue({ url: config.REDIS_URL, prefix: config.QUEUE_PREFIX, failFast: true }, (error) =>
            logger.warn({ err: error.message }, 'redis unavailable: webhook deliveries wait for the sweep'),
          )
        : null;
  // Not awaited and never failing the request: a lost enqueue is the sweep's to repair.
  const queueDeliveries = (deliveryIds: string[]) => {
    if (!webhookQueue || deliveryIds.length === 0) return;
    webhookQueue
      .enqueue(deliveryIds.map((deliveryId) => ({ deliveryId, attempt: 1 })))
      .catch((error: Error) => logger.warn({ err: error.message, deliveries: deliveryIds.length }, 'webhook enqueue failed; the sweep will queue them'));
  };
  const responseCache = createResponseCache({
    ttlMs: config.RESPONSE_CACHE_TTL_MS,
    maxBytes: config.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
    publicFields: publicQueries,
    maxTokens: LIMITS.maxTokens,
    principalFor,
    consumeRequest: (principal, ip) => rateLimits.consumeRequest(principal, ip),
  });
  const readSlots = sharedReadSlots(db.poolMax);
  // Loaded at the first search, not at start: most processes of the test suite never search.
  const listings = config.SEARCH_INDEX === 'memory' ? createListingSync(db.prisma) : null;
  const hostingOffers = config.SEARCH_INDEX === 'memory' ? createOfferSync(db.prisma) : null;
  // Other processes' mutations clear this one's answers; without REDIS_URL there are none to hear.
  const forgetAll = () => {
    responseCache.invalidate();
    sessions.clear();
  };
  const invalidations = createCacheInvalidations({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, logger }, forgetAll);
  registerStripeWebhooks(app, { prisma: db.prisma, billing, logger, queueDeliveries });
  // Each request's context, so the handler can send back what its resolvers timed.
  const contexts = new WeakMap<FastifyRequest, ApiContext>();
  const graphqlHandler = fastifyApolloHandler(apollo, {
    context: async (request) => {
      // Resolving the caller reads the database before any resolver runs: a busy pool here is a 503 too.
      const principal = await principalFor(authHeadersOf(request.headers)).catch((error: unknown) => {
        throw refuseWhenDatabaseBusy(error);
      });
      await rateLimits.consumeRequest(principal, request.ip);
      const requestLog = pinoOf(request);
      const dealBilling = createDealBillingPort({ prisma: db.prisma, billing, logger: requestLog });
      const context = createContext(
        { db, config, logger: requestLog, requestId: request.id, principal, clientIp: request.ip, rateLimits, billing, dealBilling, listings, hostingOffers },
        sessions.organizations,
      );
      contexts.set(request, context);
      return context;
    },
  });
  const isAuthenticated = async (request: FastifyRequest) => (await principalFor(authHeadersOf(request.headers)).catch(() => null)) !== null;

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  // close() closes the keep-alive connections idle at that moment; one whose request was still running would
  // stay open after its answer until keepAliveTimeout (72 s), and close() with it. Answers sent once closing
  // has begun end their connection instead.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) void reply.header('connection', 'close');
  });
  app.addHook('onResponse', async (request, reply) => {
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, responseTimeMs: Math.round(reply.elapsedTime) };
    // 503 asks the client to retry (a busy database, readiness while it is down): a warning, not our failure.
    if (reply.statusCode === 503) request.log.warn(line, 'request refused: service unavailable');
    else if (reply.statusCode >= 500) request.log.error(line, 'request failed');
    else request.log.debug(line, 'request completed');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const database = await db.ping();
    return reply.code(database ? 200 : 503).send({ status: database ? 'ready' : 'unavailable', database });
  });

  app.route({
    url: '/graphql',
    method: ['GET', 'POST', 'OPTIONS'],
    bodyLimit: AUTHENTICATED_BODY_LIMIT_BYTES,
    preParsing: limitAnonymousBodies(isAuthenticated),
    preValidation: limitDocument,
    preHandler: trustedDocuments.resolve,
    // The request's transactions have committed when the handler returns: queue what they recorded.
    // Everything the operation does (resolvers, queries, error formatting) runs in the request's log scope.
    // A public query answered before is replayed without Apollo; a mutation clears every process's answers
    // before its own answer leaves, so its author never reads what it replaced.
    handler: async function (request, reply) {
      const { body, mutated } = await responseCache.answer(request, reply, async () => {
        const { result, deliveryIds } = await collectDeliveries(async () =>
          runWithRequestLogger(pinoOf(request), () =>
            runWithSharedReads(async () => {
              trustedDocuments.forApollo(request);
              return graphqlHandler.call(this, request, reply);
            }, readSlots),
          ),
        );
        queueDeliveries(deliveryIds);
        const timings = contexts.get(request)?.timings.header();
        if (timings) void reply.header('server-timing', timings);
        return result;
      });
      if (mutated) {
        sessions.clear();
        await invalidations.publish();
      }
      return body;
    },
  });

  app.addHook('onClose', async () => {
    await apollo.stop();
    await rateLimits.close();
    // A runtime the caller passed in is the caller's to close.
    if (!options.billing) await billingRuntime.close();
    await webhookQueue?.close();
    await invalidations.close();
  });
  return { app, apollo };
}
