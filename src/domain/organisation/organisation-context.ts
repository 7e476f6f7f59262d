/**
 * Who is acting, for which organisation. Every use case takes it and every query is scoped to
 * `organisationId`. The API's auth middleware (src/auth) builds it from the signed-in user or API
 * token; workers act as 'system'. Row-level limits (a driver's vehicles, a provider's vehicles,
 * a caseworker's own caseload) are applied by the use cases from these fields.
 */
export type Role = 'ADMIN' | 'DISPATCHER' | 'CASEWORKER' | 'DRIVER' | 'PROVIDER';

export interface OrganisationContext {
  readonly organisationId: string;
  /** A user id, 'token:<id>', or 'system' (workers). */
  readonly actor: string;
  /** Set by the auth middleware. */
  readonly roles?: readonly Role[];
  readonly userId?: string;
  /** PROVIDER users and tokens: only rides on this provider's vehicles. */
  readonly providerId?: string;
  /** DRIVER users: the vehicles they drive. */
  readonly vehicleIds?: readonly string[];
  /** CASEWORKER users with the option set: only clients whose caseworker they are (src/auth/row-access.ts). */
  readonly ownCaseloadOnly?: boolean;
  /** Where the request came from, for the audit log. */
  readonly ip?: string;
  readonly requestId?: string;
}

export function hasRole(ctx: OrganisationContext, ...roles: Role[]): boolean {
  return ctx.roles?.some((r) => roles.includes(r)) ?? false;
}
