// The form's rows: people and incomes can be added and removed; ids follow the request's JSON paths
// (persons[2].birthDate → #persons-2-birthDate) so the server's field errors land next to the right field. Labels
// carry their text keys (data-i18n) and are translated with the rest of the page.
import { parseAmount } from '../js/format.js';

export const COST_TYPES = ['rent', 'householdElectricity', 'workTravel', 'homeInsurance', 'unionAndUnemploymentFund',
  'childcare', 'medicalCare', 'dentalCare'];
const ROLES = ['sambo', 'child', 'otherAdult', 'otherChild'];

let nextKey = 1;

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  }
  children.forEach((child) => node.append(child));
  return node;
}

function labelled(field, input, i18n) {
  return [element('label', { 'data-field-label': field, 'data-i18n': i18n }), input];
}

function checkbox(field, i18n) {
  const input = element('input', { type: 'checkbox', 'data-field': field });
  const label = element('label', { class: 'check', 'data-field-label': field }, [input, element('span', { 'data-i18n': i18n })]);
  return label;
}

export function personRow(role) {
  const row = element('li', { class: 'row', 'data-key': String(nextKey++), tabindex: '-1' });
  row.append(element('h3'));
  if (role !== 'applicant') {
    const select = element('select', { 'data-field': 'role' });
    ROLES.forEach((value) => select.append(element('option', { value, 'data-i18n': 'provrakning.role.' + value })));
    select.value = role;
    row.append(...labelled('role', select, 'provrakning.role.label'));
  } else {
    row.dataset.role = 'applicant';
  }
  const birth = element('input', { type: 'date', 'data-field': 'birthDate', autocomplete: 'off' });
  row.append(...labelled('birthDate', birth, 'provrakning.birthDate.label'));
  const childOnly = element('div', { class: 'child-only' });
  childOnly.append(checkbox('lunchOutsideHome', 'provrakning.child.lunch'), checkbox('placed', 'provrakning.child.placed'),
    ...labelled('umgangeDays', element('input', { type: 'text', inputmode: 'numeric', 'data-field': 'umgangeDays' }),
      'provrakning.child.umgange'),
    ...labelled('workIncomeEarlierThisYear', element('input', { type: 'text', inputmode: 'decimal',
      'data-field': 'workIncomeEarlierThisYear' }), 'provrakning.child.workIncome'));
  row.append(childOnly);
  if (role !== 'applicant') {
    row.append(element('button', { type: 'button', class: 'secondary remove' }));
  }
  return row;
}

export function incomeRow() {
  const row = element('li', { class: 'row', 'data-key': String(nextKey++), tabindex: '-1' });
  row.append(element('h3'));
  row.append(...labelled('type', element('select', { 'data-field': 'type' }), 'provrakning.income.type'));
  row.append(...labelled('person', element('select', { 'data-field': 'person' }), 'provrakning.income.person'));
  row.append(...labelled('amount', element('input', { type: 'text', inputmode: 'decimal', 'data-field': 'amount' }),
    'provrakning.income.amount'));
  const jobbstimulans = checkbox('jobbstimulans', 'provrakning.income.jobbstimulans');
  jobbstimulans.classList.add('employment-only');
  row.append(jobbstimulans, element('button', { type: 'button', class: 'secondary remove' }));
  return row;
}

export function costFields(container) {
  COST_TYPES.forEach((type) => {
    const id = 'costs-' + type;
    container.append(element('div', {}, [
      element('label', { for: id, 'data-i18n': 'provrakning.cost.' + type }),
      element('input', { type: 'text', inputmode: 'decimal', id, name: type, autocomplete: 'off' })]));
  });
}

export function field(row, name) {
  return row.querySelector('[data-field="' + name + '"]');
}

export function roleOf(row) {
  return row.dataset.role || field(row, 'role').value;
}

/** Gives every field the id of its JSON path and connects labels, after rows were added or removed. */
export function renumber(list, prefix) {
  [...list.children].forEach((row, index) => {
    row.id = prefix + '-' + index;
    row.querySelectorAll('[data-field]').forEach((input) => {
      input.id = prefix + '-' + index + '-' + input.dataset.field;
    });
    row.querySelectorAll('label[data-field-label]').forEach((label) => {
      const input = field(row, label.dataset.fieldLabel);
      if (label.contains(input)) {
        label.removeAttribute('for');
      } else {
        label.setAttribute('for', input.id);
      }
    });
  });
}

export function request(form, personList, incomeList) {
  const body = { persons: [] };
  const month = form.querySelector('#month').value.trim();
  if (month) {
    body.month = month;
  }
  const keys = [...personList.children].map((row) => row.dataset.key);
  for (const row of personList.children) {
    const person = { role: roleOf(row) };
    const birthDate = field(row, 'birthDate').value;
    if (birthDate) {
      person.birthDate = birthDate;
    }
    if (person.role === 'child') {
      if (field(row, 'lunchOutsideHome').checked) {
        person.lunchOutsideHome = true;
      }
      if (field(row, 'placed').checked) {
        person.placed = true;
      }
      const days = field(row, 'umgangeDays').value.trim();
      if (days) {
        person.umgangeDays = /^\d+$/.test(days) ? Number(days) : days;
      }
      const earned = field(row, 'workIncomeEarlierThisYear').value.trim();
      if (earned) {
        person.workIncomeEarlierThisYear = parseAmount(earned);
      }
    }
    body.persons.push(person);
  }
  const costs = {};
  for (const type of COST_TYPES) {
    const raw = form.querySelector('#costs-' + type).value.trim();
    if (raw) {
      costs[type] = parseAmount(raw);
    }
  }
  body.costs = costs;
  body.incomes = [...incomeList.children].map((row) => {
    // Left empty, a field is left out, so the answer is "this is required" rather than "wrong type".
    const income = {};
    if (field(row, 'type').value) {
      income.type = field(row, 'type').value;
    }
    if (field(row, 'amount').value.trim()) {
      income.amount = parseAmount(field(row, 'amount').value);
    }
    const owner = field(row, 'person').value;
    if (owner) {
      income.person = keys.indexOf(owner);
    }
    if (field(row, 'jobbstimulans').checked && !field(row, 'jobbstimulans').closest('[hidden]')) {
      income.jobbstimulans = true;
    }
    return income;
  });
  return body;
}
