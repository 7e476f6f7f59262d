import { AppError } from '../../errors.js';
import type { Db, Tx } from '../../db/client.js';
import type { Prisma } from '../../db/generated/client.js';

export interface IdempotencyKeyInput {
  /** The client's Idempotency-Key header. */
  readonly key: string;
  /** Method, path and body hash: the same key may not be reused for a different request. */
  readonly requestHash: string;
}

/**
 * Runs a write once per idempotency key. The work and the key's record commit in one transaction;
 * a second request with the key (even at the same moment: it waits on the key's unique index)
 * gets the first answer back instead of writing again.
 */
export async function runIdempotent<T>(
  db: Db,
  organisationId: string,
  idempotency: IdempotencyKeyInput | undefined,
  work: (tx: Tx) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  if (!idempotency) return { result: await db.$transaction(work), replayed: false };
  const replay = async (): Promise<{ result: T; replayed: boolean } | null> => {
    const existing = await db.idempotencyKey.findUnique({ where: { organisationId_key: { organisationId, key: idempotency.key } } });
    if (!existing) return null;
    if (existing.requestHash !== idempotency.requestHash) {
      throw new AppError('CONFLICT', 'Ten klucz Idempotency-Key był już użyty dla innego żądania', {
        messageEn: 'This Idempotency-Key was already used for a different request',
        fields: [{ path: 'header:Idempotency-Key', message: 'użyj nowego klucza', messageEn: 'use a new key' }],
      });
    }
    return { result: existing.responseBody as T, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await db.$transaction(async (tx) => {
      const result = await work(tx);
      await tx.idempotencyKey.create({
        data: { organisationId, key: idempotency.key, requestHash: idempotency.requestHash, responseStatus: 201, responseBody: result as Prisma.InputJsonValue },
      });
      return { result, replayed: false };
    });
  } catch (err) {
    // The same request, sent at the same moment, may have won: then its answer is ours (our own
    // attempt failed on the key's unique index, or on a rule its booking now breaks).
    const concurrent = await replay();
    if (concurrent) return concurrent;
    throw err;
  }
}
