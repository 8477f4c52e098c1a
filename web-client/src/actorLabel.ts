// The name shown for whoever wrote something. Most writers are accounts, and the server sends
// the name they chose; a few entries are written by the server itself (the demo content on a
// first start, a pledge import), whose ids have no account and would otherwise be shown raw
// ("von seed") in the public history of a coalition agreement.
import { t } from './i18n';
import type { MessageKey } from './messages';

/** Actor ids the server writes under (server: DemoSeeder.SEED_ACTOR, PledgeService.IMPORT_ACTOR). */
const SERVER_ACTORS: Record<string, MessageKey> = {
  seed: 'actorSeed',
  'pledge-import': 'actorImport',
};

/**
 * The label for an actor id and the name the server resolved for it (absent, or the id itself,
 * when it knows none). A person who chose "seed" as their display name keeps it: only an id
 * without a name of its own is replaced.
 */
export function actorLabel(actor: string | null | undefined, name: string | null | undefined): string | null {
  const known = typeof name === 'string' && name !== '' ? name : null;
  if (typeof actor === 'string' && Object.hasOwn(SERVER_ACTORS, actor) && (known === null || known === actor)) {
    return t(SERVER_ACTORS[actor]);
  }
  return known ?? (typeof actor === 'string' && actor !== '' ? actor : null);
}
