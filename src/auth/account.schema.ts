/** What an administrator sends to create or change accounts and API tokens. */
import { z } from 'zod';
import { IdSchema, VersionSchema } from '../domain/common/schemas.js';
import { MIN_PASSWORD_LENGTH } from './password.js';

export const RoleSchema = z.enum(['ADMIN', 'DISPATCHER', 'CASEWORKER', 'DRIVER', 'PROVIDER']);
export const LoginNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._@-]{2,63}$/);
export const PasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH)
  .max(200);
const Roles = z.array(RoleSchema).min(1).max(5).transform((r) => [...new Set(r)]);

export const CreateUserSchema = z.strictObject({
  login: LoginNameSchema,
  displayName: z.string().trim().min(1).max(120),
  email: z.email().optional(),
  password: PasswordSchema,
  roles: Roles,
  providerId: IdSchema.optional(),
  vehicleIds: z.array(IdSchema).max(50).optional(),
  /** CASEWORKER: only clients whose caseworker this account is (row-access.ts clientScope). */
  ownCaseloadOnly: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z.strictObject({
  version: VersionSchema,
  displayName: z.string().trim().min(1).max(120).optional(),
  email: z.email().nullable().optional(),
  password: PasswordSchema.optional(),
  roles: Roles.optional(),
  providerId: IdSchema.nullable().optional(),
  vehicleIds: z.array(IdSchema).max(50).optional(),
  ownCaseloadOnly: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const CreateTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  roles: Roles,
  providerId: IdSchema.optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateTokenInput = z.infer<typeof CreateTokenSchema>;
