// The last step's summary: what will be signed, section by section, each with a way back to change it.
import { t } from '../i18n.js';
import { element } from './fields.js';
import { kronor, monthName } from '../format.js';

const list = (value) => (Array.isArray(value) ? value : []);

function row(dl, labelText, valueText) {
  const dt = element('dt');
  dt.textContent = labelText;
  const dd = element('dd', { dir: 'auto' });
  dd.textContent = valueText;
  dl.append(dt, dd);
}

function section(root, step, headingKey, fill, goTo) {
  const box = element('section', { class: 'summary-section', 'aria-labelledby': `sum-${step}` });
  const heading = element('h3', { id: `sum-${step}`, i18n: headingKey });
  const dl = element('dl');
  fill(dl);
  box.append(heading, dl);
  // Read-only where the reader cannot change it (the co-applicant reading before signing).
  if (goTo) {
    const change = element('button', { type: 'button', class: 'link-button change' });
    change.textContent = t('review.change', { section: t(headingKey) });
    change.addEventListener('click', () => goTo(step));
    box.append(change);
  }
  root.append(box);
}

/**
 * Whose an income is, in words: "Du", "Medsökande", "Barn 1 Kim", "Vuxen 1" — seen from the reader: to the co-applicant
 * their own income is "Du" and the applicant's is "Sökande".
 */
function whose(reference, household, readerRole) {
  const [role, index] = String(reference || '').split(':');
  if (readerRole === 'coApplicant' && (role === 'applicant' || role === 'coApplicant')) {
    return role === 'coApplicant' ? t('person.applicant') : t('review.theApplicant');
  }
  if (role === 'child' || role === 'otherAdult') {
    const people = list(role === 'child' ? household.children : household.otherAdults);
    const n = Number(index);
    return t(`person.${role}`, { n: n + 1, name: people[n]?.firstName || '' }).trim();
  }
  return role ? t(`person.${role}`) : '—';
}

const amount = (value) => (typeof value === 'number' ? kronor(value) : (value ?? '—'));

export function renderReview(root, view, content, goTo) {
  root.replaceChildren();
  const household = content.household || {};
  const intro = element('p');
  intro.textContent = t('review.intro', { month: monthName(view.month) });
  root.append(intro);
  section(root, 'household', 'step.household', (dl) => {
    row(dl, t('review.adults'), household.coApplicant ? '2' : '1');
    row(dl, t('review.children'), String(list(household.children).length));
    if (view.coApplicant) {
      row(dl, t('person.coApplicant'), view.coApplicant.personnummer || view.coApplicant.name || '');
    }
    row(dl, t('household.otherAdults'), String(list(household.otherAdults).length));
  }, goTo);
  section(root, 'housing', 'step.housing', (dl) => {
    const housing = content.housing || {};
    row(dl, t('housing.type'), housing.type ? t(`housingType.${housing.type}`) : '—');
    row(dl, t('housing.rent'), amount(housing.rent));
    row(dl, t('housing.electricity'), amount(housing.householdElectricity));
  }, goTo);
  section(root, 'incomes', 'step.incomes', (dl) => {
    if (!list(content.incomes).length) {
      row(dl, t('step.incomes'), t('income.none'));
    }
    list(content.incomes).forEach((income) => row(dl, t('review.income', {
      type: income.type ? t(`incomeType.${income.type}`) : '—', who: whose(income.person, household, view.role) }),
    amount(income.amount)));
  }, goTo);
  section(root, 'costs', 'step.costs', (dl) => {
    const costs = content.costs || {};
    const given = Object.entries(costs).filter(([, value]) => value !== undefined && value !== null);
    if (!given.length) {
      row(dl, t('step.costs'), t('review.none'));
    }
    given.forEach(([key, value]) => row(dl, t(`cost.${key}`), amount(value)));
  }, goTo);
  section(root, 'assets', 'step.assets', (dl) => {
    if (!list(content.assets).length) {
      row(dl, t('step.assets'), t('asset.none'));
    }
    list(content.assets).forEach((asset) => row(dl, asset.type ? t(`assetType.${asset.type}`) : '—', amount(asset.value)));
  }, goTo);
  section(root, 'needs', 'step.needs', (dl) => {
    if (!list(content.needs).length) {
      row(dl, t('step.needs'), t('need.none'));
    }
    list(content.needs).forEach((need) => row(dl, need.type ? t(`needType.${need.type}`) : '—', amount(need.amount)));
    if (content.message) {
      row(dl, t('needs.message'), content.message);
    }
  }, goTo);
  section(root, 'attachments', 'step.attachments', (dl) => {
    const documents = list(view.attachments).filter((a) => a.purpose === 'application');
    row(dl, t('review.documents'), String(documents.length));
    documents.forEach((document) => row(dl, t('review.document'), document.fileName));
    if (view.missingAttachments) {
      row(dl, t('review.missingDocuments'), String(view.missingAttachments.length));
    }
  }, goTo);
}
