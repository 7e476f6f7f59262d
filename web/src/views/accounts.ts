/**
 * The administrator's accounts and data-protection screens (issue #7), one tab each: accounts,
 * API tokens, the access log, and a client's data rights with the retention period.
 */
import { h } from '../dom.js';
import type { View } from '../types.js';
import { ta, type AccountsKey } from './accounts-i18n.js';
import { auditSection } from './audit.js';
import { clientDataSection } from './client-data.js';
import { tokensSection } from './tokens.js';
import { usersSection } from './users.js';

type Section = () => Promise<HTMLElement | { element: HTMLElement; dispose(): void }>;
const TABS: Record<string, { label: AccountsKey; section: Section }> = {
  users: { label: 'tabUsers', section: usersSection },
  tokens: { label: 'tabTokens', section: tokensSection },
  audit: { label: 'tabAudit', section: async () => auditSection() },
  'client-data': { label: 'tabClientData', section: clientDataSection },
};

export const renderAccounts: View = async (root, params) => {
  const asked = params.get('tab') ?? 'users';
  const tab = asked in TABS ? asked : 'users';
  const made = await TABS[tab]!.section();
  const content = made instanceof HTMLElement ? made : made.element;
  root.replaceChildren(
    h('h1', {}, ta('accTitle')),
    h('nav', { 'aria-label': ta('accTabs'), class: 'tabs' },
      h('ul', {}, ...Object.entries(TABS).map(([k, v]) =>
        h('li', {}, h('a', { href: `#/accounts?tab=${k}`, 'aria-current': k === tab ? 'page' : null }, ta(v.label)))))),
    content,
  );
  return made instanceof HTMLElement ? undefined : made.dispose;
};
