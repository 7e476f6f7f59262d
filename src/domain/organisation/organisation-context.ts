/**
 * Who is acting, for which organisation. Every use case takes it and every query is scoped to
 * `organisationId`. Until accounts exist (issue #7) the actor is whoever called the API.
 */
export interface OrganisationContext {
  readonly organisationId: string;
  readonly actor: string;
}
