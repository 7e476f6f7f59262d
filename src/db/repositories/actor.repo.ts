import type { Db, Tx } from '../client.js';

const UUID_TEXT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const UUID = new RegExp(`^${UUID_TEXT}$`, 'i');
const TOKEN = new RegExp(`^token:(${UUID_TEXT})$`, 'i');

/**
 * The names of the actors recorded in histories: a user's display name, an API token's name.
 * Others ('system', 'recurring', 'planner') have none and are left out; so is anyone of another
 * organisation.
 */
export async function namesOfActors(db: Db | Tx, organisationId: string, actors: Iterable<string>): Promise<Map<string, string>> {
  const all = [...new Set(actors)];
  const userIds = all.filter((a) => UUID.test(a));
  const tokenIds = all.flatMap((a) => TOKEN.exec(a)?.[1] ?? []);
  const [users, tokens] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { organisationId, id: { in: userIds } }, select: { id: true, displayName: true } }) : [],
    tokenIds.length ? db.apiToken.findMany({ where: { organisationId, id: { in: tokenIds } }, select: { id: true, name: true } }) : [],
  ]);
  return new Map([...users.map((u) => [u.id, u.displayName] as const), ...tokens.map((t) => [`token:${t.id}`, t.name] as const)]);
}
