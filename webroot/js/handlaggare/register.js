// Registering a paper or assisted application. The household, housing, incomes, costs, assets and needs are the
// e-tjänst's own form parts (bistand/steps.js), so a paper applicant is asked exactly what a digital one is and the
// server checks the content with the same rules (Norrtälje's review found paper and digital applicants treated
// differently; docs/sources.md#likabehandling-and-stickprov). Only the identity part is the staff page's own: the
// personnummer of both adults, which in the e-tjänst come from BankID.
import { problems, send } from '../api.js';
import { monthName } from '../format.js';
import { t } from '../i18n.js';
import { clearProblems, showProblems } from '../bistand/errors.js';
import { collect, renderAll } from '../bistand/steps.js';
import { CASE_ROLES, announce, el, hasRole, startStaffPage } from './staff.js';

const form = () => document.getElementById('application-form');

function itemsAt(content, path) {
  return path.split('.').reduce((node, key) => node[key], content);
}

const view = {
  coApplicant: null,
  addItem(path, item) {
    const content = collect(form());
    itemsAt(content, path).push(item);
    render(content);
    const prefix = `${path}[${itemsAt(content, path).length - 1}]`;
    form().querySelector(`[data-path^="${CSS.escape(prefix)}"] input, [data-path^="${CSS.escape(prefix)}"] select`)
      ?.focus();
  },
  removeItem(path, index) {
    const content = collect(form());
    itemsAt(content, path).splice(index, 1);
    render(content);
  },
};

function render(content) {
  renderAll(content, view);
  // The co-applicant's personnummer is asked above, with the names (the e-tjänst asks it for the co-signing).
  const own = form().querySelector('[data-path="coApplicant.personnummer"]');
  if (own) {
    own.hidden = true;
  }
}

function emptyContent() {
  return { household: { applicant: {}, coApplicant: null, children: [], otherAdults: [] }, housing: {}, incomes: [],
    costs: {}, assets: [], needs: [] };
}

/** A co-applicant named above is the sambo/make of the household part: the two are kept in step. */
function showCoApplicant(yes) {
  const radio = form().querySelector(`input[name="together"][value="${yes ? 'yes' : 'no'}"]`);
  if (radio && !radio.checked) {
    radio.checked = true;
  }
  const fields = document.getElementById('co-applicant-fields');
  if (fields) {
    fields.hidden = !yes;
  }
}

function request() {
  const content = collect(form());
  const co = form().cPnr.value.trim();
  const body = {
    channel: form().channel.value, month: form().month.value, content,
    applicant: { personnummer: form().aPnr.value, givenName: form().aGiven.value, surname: form().aSurname.value },
  };
  if (co) {
    body.coApplicant = { personnummer: co, givenName: form().cGiven.value, surname: form().cSurname.value };
  }
  return body;
}

function wire() {
  form().addEventListener('change', (event) => {
    if (event.target.name === 'together') {
      showCoApplicant(event.target.value === 'yes');
    }
    if (event.target.dataset.kind === 'radio' && event.target.dataset.path?.endsWith('.livesHere')) {
      const days = event.target.closest('fieldset.group')?.querySelector('.days-field');
      if (days) {
        days.hidden = event.target.value !== 'partTime';
      }
    }
  });
  form().cPnr.addEventListener('input', () => {
    if (form().cPnr.value.trim()) {
      showCoApplicant(true);
    }
  });
  for (const name of ['incomes', 'assets', 'needs']) {
    document.getElementById(`area-${name}`).addEventListener('additem', () => view.addItem(name, {}));
  }
  form().addEventListener('submit', async (event) => {
    event.preventDefault();
    const status = document.getElementById('status');
    status.hidden = true;
    const summary = document.getElementById('error-summary');
    const result = await send('POST', '/api/v1/casework/registrations', request());
    if (!result.ok) {
      // Everything typed stays in the form; each problem is shown at its field and in the summary.
      showProblems(form(), summary, problems(result), 'a-pnr');
      return;
    }
    clearProblems(form());
    summary.hidden = true;
    form().reset();
    render(emptyContent());
    announce(t('staff.register.done'));
    status.append(' ', el('a', { href: '/handlaggare/arende/?id=' + result.data.applicationId }, t('staff.register.open')));
  });
}

/** This month and the next, the months a paper application can be for. */
function renderMonths() {
  const select = document.getElementById('month');
  const chosen = select.value;
  const now = new Date();
  const months = [0, 1].map((offset) => new Date(now.getFullYear(), now.getMonth() + offset, 1))
    .map((month) => month.getFullYear() + '-' + String(month.getMonth() + 1).padStart(2, '0'));
  select.replaceChildren(...months.map((month) => el('option', { value: month }, monthName(month))));
  if (chosen) select.value = chosen;
}

document.addEventListener('DOMContentLoaded', async () => {
  const session = await startStaffPage();
  if (!session) return;
  if (!hasRole(session, CASE_ROLES)) {
    // A role without casework cannot register an application: say so instead of offering a form that fails.
    form().hidden = true;
    announce(t('staff.register.notForRole'), 'error');
    return;
  }
  renderMonths();
  render(emptyContent());
  wire();
  // What was typed stays: the form is drawn again from itself, in the new language.
  document.addEventListener('languagechange', () => {
    renderMonths();
    render(collect(form()));
  });
});
