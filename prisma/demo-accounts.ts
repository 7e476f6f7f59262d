/**
 * The demo's accounts (demo only): an administrator, a dispatcher, a caseworker and one driver per
 * vehicle. Each start gives them fresh random passwords, printed once to the console and stored
 * nowhere in clear; a real installation makes its first administrator with npm run create-admin.
 */
import type { Db } from '../src/db/client.js';
import type { Role } from '../src/domain/organisation/organisation-context.js';
import { hashPassword } from '../src/auth/password.js';
import { newPassword } from '../src/auth/secrets.js';

export interface DemoCredential {
  readonly login: string;
  readonly password: string;
  readonly roles: readonly Role[];
  readonly displayName: string;
}

export async function seedDemoAccounts(db: Db, organisationId: string, slug: string): Promise<DemoCredential[]> {
  const vehicles = await db.vehicle.findMany({ where: { organisationId }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true } });
  const wanted: { login: string; displayName: string; roles: Role[]; vehicleId?: string }[] = [
    { login: `admin.${slug}`, displayName: 'Administrator (demo)', roles: ['ADMIN'] },
    { login: `dyspozytor.${slug}`, displayName: 'Dyspozytor (demo)', roles: ['DISPATCHER'] },
    { login: `opiekun.${slug}`, displayName: 'Pracownik socjalny (demo)', roles: ['CASEWORKER'] },
    ...vehicles.map((v, i) => ({ login: `kierowca${i + 1}.${slug}`, displayName: `Kierowca: ${v.name} (demo)`, roles: ['DRIVER'] as Role[], vehicleId: v.id })),
  ];
  const out: DemoCredential[] = [];
  for (const w of wanted) {
    const password = newPassword();
    const passwordHash = await hashPassword(password);
    const user = await db.user.upsert({
      where: { login: w.login },
      create: { organisationId, login: w.login, displayName: w.displayName, passwordHash, roles: w.roles },
      update: { passwordHash, failedLogins: 0, lockedUntil: null, active: true },
    });
    if (w.vehicleId) {
      await db.driverVehicle.upsert({
        where: { userId_vehicleId: { userId: user.id, vehicleId: w.vehicleId } },
        create: { organisationId, userId: user.id, vehicleId: w.vehicleId },
        update: {},
      });
    }
    // Old sessions ended: the printed passwords are the only way in.
    await db.session.deleteMany({ where: { userId: user.id } });
    out.push({ login: w.login, password, roles: w.roles, displayName: w.displayName });
  }
  return out;
}

export function formatDemoCredentials(credentials: readonly DemoCredential[]): string {
  const width = Math.max(...credentials.map((c) => c.login.length));
  return [
    'Konta demonstracyjne (TYLKO DEMO; nowe hasła przy każdym uruchomieniu, nigdzie niezapisane) /',
    'demo accounts (DEMO ONLY; new passwords at every start, stored nowhere):',
    ...credentials.map((c) => `  ${c.login.padEnd(width)}  ${c.password}  ${c.roles.join(',')}`),
  ].join('\n');
}
