/**
 * The first administrator of an organisation, made from the command line (never a default
 * password): creates the organisation when it does not exist yet, then the account.
 */
import type { Db } from '../db/client.js';
import { AppError } from '../errors.js';
import { validate } from '../domain/common/validate.js';
import { LoginNameSchema, PasswordSchema } from './account.schema.js';
import { createUser } from './manage-users.js';
import { z } from 'zod';

export const CreateAdminSchema = z.object({
  organisation: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
  login: LoginNameSchema,
  password: PasswordSchema,
  displayName: z.string().trim().min(1).max(120).default('Administrator'),
  organisationName: z.string().trim().min(1).max(200).optional(),
  gminaName: z.string().trim().min(1).max(200).optional(),
});
export type CreateAdminInput = z.input<typeof CreateAdminSchema>;

export async function createAdmin(db: Db, now: () => Date, raw: CreateAdminInput) {
  const input = validate(CreateAdminSchema, raw);
  let org = await db.organisation.findUnique({ where: { slug: input.organisation } });
  if (!org) {
    if (!input.organisationName || !input.gminaName) {
      throw new AppError('NOT_FOUND', `Nie ma organizacji „${input.organisation}”; podaj --organisation-name i --gmina, aby ją założyć`, {
        messageEn: `No organisation "${input.organisation}"; give --organisation-name and --gmina to create it`,
      });
    }
    org = await db.organisation.create({ data: { slug: input.organisation, name: input.organisationName, gminaName: input.gminaName } });
  }
  const user = await createUser({ db, now }, { organisationId: org.id, actor: 'system' }, {
    login: input.login,
    displayName: input.displayName,
    password: input.password,
    roles: ['ADMIN'],
  });
  return { organisation: { id: org.id, slug: org.slug, name: org.name }, user };
}
