/**
 * Who may call what: the ONE table of authorisation for /api/v1 (docs/DECISIONS.md D12).
 * Key: 'METHOD /api/v1/path' exactly as the route is mounted (express params as :name).
 * Value: the roles allowed, 'PUBLIC' (no sign-in: login) or 'SIGNED_IN' (any role).
 * A route missing here answers 404 to everyone, and test/integration/permissions.test.ts fails.
 * Row-level limits (a driver's own vehicles today, a provider's vehicles, a caseworker's own
 * caseload) are applied by the use cases from the request context (src/auth/row-access.ts).
 */
import type { Role } from '../domain/organisation/organisation-context.js';

export type Rule = readonly Role[] | 'PUBLIC' | 'SIGNED_IN';

const A: Role = 'ADMIN';
const D: Role = 'DISPATCHER';
const C: Role = 'CASEWORKER';
const R: Role = 'DRIVER';
const P: Role = 'PROVIDER';

export const PERMISSIONS: Readonly<Record<string, Rule>> = {
  // Accounts.
  'POST /api/v1/auth/login': 'PUBLIC',
  'POST /api/v1/auth/logout': 'SIGNED_IN',
  'GET /api/v1/auth/me': 'SIGNED_IN',
  'GET /api/v1/users': [A],
  'POST /api/v1/users': [A],
  'GET /api/v1/users/:id': [A],
  'PATCH /api/v1/users/:id': [A],
  'GET /api/v1/tokens': [A],
  'POST /api/v1/tokens': [A],
  'POST /api/v1/tokens/:id/revoke': [A],
  // The data protection officer's export and the data subject's rights: the administrator.
  'GET /api/v1/audit': [A],
  'GET /api/v1/clients/:id/export': [A],
  'POST /api/v1/clients/:id/erase': [A],

  // The organisation: everyone signed in reads its name and rules; the administrator changes them.
  'GET /api/v1/organisation': 'SIGNED_IN',
  'PATCH /api/v1/organisation/rules': [A],
  'PUT /api/v1/organisation/boundary': [A],
  'PUT /api/v1/organisation/county-boundary': [A],
  'PUT /api/v1/organisation/client-retention': [A],

  // Booking: caseworkers and dispatchers.
  'GET /api/v1/places': [A, D, C],
  'POST /api/v1/places': [A, D, C],
  'GET /api/v1/places/:id': [A, D, C],
  'PATCH /api/v1/places/:id': [A, D, C],
  'GET /api/v1/clients': [A, D, C],
  'POST /api/v1/clients': [A, D, C],
  'GET /api/v1/clients/:id': [A, D, C],
  'PATCH /api/v1/clients/:id': [A, D, C],
  'GET /api/v1/clients/:id/policy-events': [A, D, C],
  'GET /api/v1/clients/:id/suspension/rides': [A, D, C],
  'POST /api/v1/clients/:id/suspension/cancel-rides': [A, D, C],
  'POST /api/v1/clients/:id/no-show-policy': [A, D],
  'GET /api/v1/address-points': [A, D, C],
  'GET /api/v1/address-points/search': [A, D, C],
  'POST /api/v1/address-points/import': [A],
  'POST /api/v1/imports/places': [A, D],
  'POST /api/v1/imports/clients': [A],
  'GET /api/v1/rides': [A, D, C],
  'POST /api/v1/rides': [A, D, C],
  'GET /api/v1/rides/:id': [A, D, C],
  // The booking page: the caller's own rides waiting for approval and the decisions on them.
  'GET /api/v1/rides/approval-decisions': [A, D, C],
  // The board: other days with rides waiting for approval (approving is the dispatcher's).
  'GET /api/v1/rides/approval-days': [A, D],
  'POST /api/v1/rides/:id/approve': [A, D],
  'POST /api/v1/rides/:id/turn-down': [A, D],
  'PATCH /api/v1/rides/:id': [A, D, C],
  'POST /api/v1/rides/:id/cancel': [A, D, C],
  'GET /api/v1/recurring-rides': [A, D, C],
  'POST /api/v1/recurring-rides': [A, D, C],
  'GET /api/v1/recurring-rides/:id': [A, D, C],
  'PATCH /api/v1/recurring-rides/:id': [A, D, C],

  // Fleet: vehicle names and shifts are no one's personal data; drivers pick theirs from the list.
  'GET /api/v1/vehicles': [A, D, C, R, P],
  'POST /api/v1/vehicles': [A, D],
  'GET /api/v1/vehicles/:id': [A, D, C, R, P],
  'PATCH /api/v1/vehicles/:id': [A, D],

  // Planning: dispatchers.
  'GET /api/v1/plans': [A, D],
  'POST /api/v1/plans': [A, D],
  'GET /api/v1/plans/:id': [A, D],
  'GET /api/v1/plans/:id/events': [A, D],
  'GET /api/v1/plans/:id/changes/stream': [A, D],
  // Live plan edits (issues #6, #8): dispatchers.
  'POST /api/v1/plans/:id/moves': [A, D],
  'PUT /api/v1/plans/:id/routes/:vehicleId/lock': [A, D],
  'POST /api/v1/plans/:id/publish': [A, D],
  'POST /api/v1/plans/:id/insertions': [A, D],
  'POST /api/v1/plans/:id/vehicles/:vehicleId/out-of-service': [A, D],

  // The day of service: drivers (own vehicles, today) and providers (own vehicles).
  'GET /api/v1/manifests/:date/:vehicleId': [A, D, R, P],
  // The day's manifests as a PDF: every vehicle's (dispatchers, for printing at the depot), or one
  // vehicle's (?vehicleId=; drivers and providers only their own, row-access.ts).
  'GET /api/v1/manifests/:date/pdf': [A, D, R, P],
  'POST /api/v1/manifests/:date/:vehicleId/stops/:sequence/events': [A, D, R, P],
  'GET /api/v1/manifests/:date/:vehicleId/changes/stream': [A, D, R, P],

  'GET /api/v1/reports': [A, D],
  // Notifications of pickup windows (BOOKING helper, issue #8): dispatchers follow what was sent.
  'GET /api/v1/notifications': [A, D],
  // Contracted providers (BOOKING helper, issue #5): the administrator manages them; a provider
  // reads itself and the rides on its vehicles (row limit by ctx.providerId) and confirms them.
  'GET /api/v1/providers': [A, D, P],
  'POST /api/v1/providers': [A],
  'GET /api/v1/providers/:id': [A, D, P],
  'PATCH /api/v1/providers/:id': [A],
  'PUT /api/v1/providers/:id/vehicles': [A],
  'GET /api/v1/providers/:id/rides': [A, D, P],
  'POST /api/v1/rides/:id/provider-confirmation': [A, D, P],
};

interface CompiledRule {
  readonly key: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
  /** Literal path segments: '/plans/live' wins over '/plans/:id'. */
  readonly literals: number;
  readonly rule: Rule;
}

function compile(key: string, rule: Rule): CompiledRule {
  const [method, path] = key.split(' ') as [string, string];
  const segments = path.split('/').filter(Boolean);
  const paramNames: string[] = [];
  const source = segments
    .map((s) => {
      if (s.startsWith(':')) {
        paramNames.push(s.slice(1));
        return '/([^/]+)';
      }
      return '/' + s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { key, method, pattern: new RegExp(`^${source}/?$`), paramNames, literals: segments.length - paramNames.length, rule };
}

export function compilePermissions(table: Readonly<Record<string, Rule>>): readonly CompiledRule[] {
  return Object.entries(table).map(([k, v]) => compile(k, v));
}

const COMPILED = compilePermissions(PERMISSIONS);

export interface MatchedRule {
  readonly key: string;
  readonly rule: Rule;
  readonly params: Readonly<Record<string, string>>;
}

/** The rule for a request (method and full path), or undefined when the route has none. */
export function ruleFor(method: string, path: string, rules: readonly CompiledRule[] = COMPILED): MatchedRule | undefined {
  const m = method === 'HEAD' ? 'GET' : method;
  let best: { c: CompiledRule; match: RegExpExecArray } | undefined;
  for (const c of rules) {
    if (c.method !== m) continue;
    const match = c.pattern.exec(path);
    if (match && (!best || c.literals > best.c.literals)) best = { c, match };
  }
  if (!best) return undefined;
  const params: Record<string, string> = {};
  best.c.paramNames.forEach((name, i) => {
    params[name] = decodeURIComponent(best.match[i + 1]!);
  });
  return { key: best.c.key, rule: best.c.rule, params };
}

/** Whether these roles satisfy the rule (PUBLIC is satisfied by anyone, signed in or not). */
export function allows(rule: Rule, roles: readonly Role[] | undefined): boolean {
  if (rule === 'PUBLIC') return true;
  if (!roles || roles.length === 0) return false;
  if (rule === 'SIGNED_IN') return true;
  return roles.some((r) => rule.includes(r));
}
