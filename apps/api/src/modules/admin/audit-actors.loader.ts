// Who an audit line's actor (`user:<id>`, `apikey:<id>`) is, in words, batched per request: a page of
// lines costs one query for people and one for keys. Both audit logs (the platform's, an organisation's
// own) show it; the lines themselves were already scoped by the query that listed them.
import DataLoader from 'dataloader';
import type { ApiContext } from '../../context';

const perRequest = new WeakMap<ApiContext, DataLoader<string, string | null>>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids of actors of one kind; anything not shaped like an id is left out (it names nobody we keep). */
const idsOf = (actors: readonly string[], kind: string) => [
  ...new Set(actors.flatMap((actor) => {
    const [prefix, id = ''] = actor.split(':');
    return prefix === kind && UUID.test(id) ? [id] : [];
  })),
];

/** By actor; null when nobody by that id is known any more (a deleted key, a system actor). */
export function auditActorLoader(ctx: ApiContext): DataLoader<string, string | null> {
  let loader = perRequest.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (actors) => {
      const [userIds, keyIds] = [idsOf(actors, 'user'), idsOf(actors, 'apikey')];
      const [users, keys] = await Promise.all([
        userIds.length ? ctx.db.prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
        keyIds.length ? ctx.db.prisma.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true } }) : [],
      ]);
      const names = new Map<string, string>([...users.map((u) => [`user:${u.id}`, u.name] as const), ...keys.map((k) => [`apikey:${k.id}`, `API key “${k.name}”`] as const)]);
      return actors.map((actor) => names.get(actor) ?? null);
    });
    perRequest.set(ctx, loader);
  }
  return loader;
}
