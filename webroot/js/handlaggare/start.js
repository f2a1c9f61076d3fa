// A staff member's start page: what their role does here, with a link to each page it may use. Roles without
// casework (administrators, attestants) land here instead of on a case queue they may not read.
import { t } from '../i18n.js';
import { CASE_ROLES, REPORTERS, el, hasRole, startStaffPage } from './staff.js';

const PAGES = [
  { href: '/handlaggare/', key: 'queue', roles: CASE_ROLES },
  { href: '/handlaggare/registrera/', key: 'register', roles: CASE_ROLES },
  { href: '/handlaggare/franvaro/', key: 'absences', roles: CASE_ROLES },
  { href: '/handlaggare/familjeratt/', key: 'familjeratt', roles: ['familjerattssekreterare'] },
  { href: '/handlaggare/rapporter/loggkontroll/', key: 'loggkontroll', roles: REPORTERS },
  { href: '/handlaggare/rapporter/delegationsbeslut/', key: 'delegationsbeslut', roles: REPORTERS },
  { href: '/handlaggare/rapporter/stickprov/', key: 'stickprov', roles: REPORTERS },
  { href: '/handlaggare/utskrift/', key: 'print', roles: ['admin'] },
  { href: '/admin/', key: 'live', roles: REPORTERS },
];

function render(session) {
  const pages = PAGES.filter((page) => hasRole(session, page.roles));
  document.getElementById('role-intro').textContent = pages.length === 0 ? t('staff.start.nothing') : t('staff.start.intro');
  document.getElementById('start-links').replaceChildren(...pages.map((page) => el('li', {},
    el('a', { href: page.href }, t('staff.nav.' + page.key)), ' – ', t('staff.start.about.' + page.key))));
}

document.addEventListener('DOMContentLoaded', async () => {
  const session = await startStaffPage();
  if (!session) return;
  render(session);
  document.addEventListener('languagechange', () => render(session));
});
