// Registering a paper or assisted application: the page builds the same content document as the e-tjänst's form and
// the server validates it with the e-tjänst's rules. Errors come back per field and are listed in the status region.
import { api } from '../api.js';
import { requireStaffSession, el, announce } from './staff.js';

const INCOME_TYPES = {
  salary: 'Lön', unemploymentBenefit: 'A-kassa', sicknessBenefit: 'Sjukpenning', activitySupport: 'Aktivitetsstöd',
  establishmentAllowance: 'Etableringsersättning', childAllowance: 'Barnbidrag', housingAllowance: 'Bostadsbidrag',
  maintenanceSupport: 'Underhållsstöd', parentalBenefit: 'Föräldrapenning', pension: 'Pension', studentAid: 'Studiemedel',
  depositsAndSwish: 'Insättningar och Swish', other: 'Annat',
};
const NEED_TYPES = {
  glasses: 'Glasögon', dentalTreatment: 'Tandvård', medicalCare: 'Läkarvård', furniture: 'Möbler',
  householdGoods: 'Husgeråd', clothing: 'Kläder', moving: 'Flytt', other: 'Annat',
};

function options(map) {
  return Object.entries(map).map(([value, label]) => el('option', { value }, label));
}

function amount(value) {
  const number = Number(String(value || '0').replace(',', '.').replace(/\s/g, ''));
  return Number.isFinite(number) ? number : -1;
}

function addIncome() {
  const body = document.querySelector('#incomes tbody');
  const n = body.children.length + 1;
  body.append(el('tr', {},
    el('td', {}, el('select', { 'aria-label': 'Person, inkomst ' + n, name: 'person' },
      el('option', { value: 'applicant' }, 'Sökande'), el('option', { value: 'coApplicant' }, 'Medsökande'))),
    el('td', {}, el('select', { 'aria-label': 'Slag, inkomst ' + n, name: 'type' }, options(INCOME_TYPES))),
    el('td', {}, el('input', { 'aria-label': 'Belopp, inkomst ' + n, name: 'amount', inputmode: 'decimal' }))));
}

function addNeed() {
  const body = document.querySelector('#needs tbody');
  const n = body.children.length + 1;
  body.append(el('tr', {},
    el('td', {}, el('select', { 'aria-label': 'Slag, behov ' + n, name: 'type' }, options(NEED_TYPES))),
    el('td', {}, el('input', { 'aria-label': 'Beskrivning, behov ' + n, name: 'description', maxlength: '200' })),
    el('td', {}, el('input', { 'aria-label': 'Belopp, behov ' + n, name: 'amount', inputmode: 'decimal' }))));
}

function rows(selector, read) {
  return [...document.querySelectorAll(selector + ' tbody tr')].map(read).filter((row) => row.amount > 0);
}

function request(form) {
  const co = form.cPnr.value.trim();
  const household = {
    applicant: { birthDate: form.aBirth.value },
    coApplicant: co ? { relation: form.cRelation.value, birthDate: form.cBirth.value } : null,
    children: [],
    otherAdults: [],
  };
  const content = {
    household,
    housing: { type: form.housingType.value, rent: amount(form.rent.value), householdElectricity: amount(form.electricity.value) },
    incomes: rows('#incomes', (tr) => ({ person: tr.querySelector('[name=person]').value,
      type: tr.querySelector('[name=type]').value, amount: amount(tr.querySelector('[name=amount]').value) })),
    costs: {},
    assets: [],
    needs: rows('#needs', (tr) => ({ type: tr.querySelector('[name=type]').value,
      description: tr.querySelector('[name=description]').value, amount: amount(tr.querySelector('[name=amount]').value) })),
    declaration: form.declaration.checked,
  };
  if (form.message.value.trim()) content.message = form.message.value.trim();
  const body = {
    channel: form.channel.value, month: form.month.value, content,
    applicant: { personnummer: form.aPnr.value, givenName: form.aGiven.value, surname: form.aSurname.value },
  };
  if (co) body.coApplicant = { personnummer: co, givenName: form.cGiven.value, surname: form.cSurname.value };
  return body;
}

function showErrors(result) {
  const status = document.getElementById('status');
  const fields = (result.data && result.data.fields) || [];
  status.className = 'status error';
  status.replaceChildren(el('p', {}, (result.data && result.data.message) || 'Något gick fel.'),
    fields.length ? el('ul', {}, fields.map((field) => el('li', {}, field.field + ': ' + field.message))) : '');
  status.hidden = false;
  status.focus();
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!(await requireStaffSession())) return;
  const now = new Date();
  const months = [0, 1].map((offset) => new Date(now.getFullYear(), now.getMonth() + offset, 1));
  document.getElementById('month').replaceChildren(...months.map((month) => {
    const value = month.getFullYear() + '-' + String(month.getMonth() + 1).padStart(2, '0');
    return el('option', { value }, month.toLocaleDateString('sv-SE', { year: 'numeric', month: 'long' }));
  }));
  document.getElementById('add-income').addEventListener('click', addIncome);
  document.getElementById('add-need').addEventListener('click', addNeed);
  addIncome();
  document.getElementById('register').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await api('POST', '/api/v1/casework/registrations', request(event.target));
    if (!result.ok) {
      showErrors(result);
      return;
    }
    announce('Ansökan är registrerad och inskickad. Roboten tar fram ett beslutsförslag.');
    event.target.reset();
    const link = el('a', { href: '/handlaggare/arende/?id=' + result.data.applicationId }, 'Öppna ärendet');
    document.getElementById('status').append(' ', link);
  });
});
