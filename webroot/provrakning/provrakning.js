// The provräkning page: builds the household from the form, asks POST /api/v1/provrakning, and shows either the
// calculation line by line or the server's field errors (summary at the top, message at each field). What the user
// typed is never cleared, also when the language is switched.
import { problems, send } from '../js/api.js';
import { setupLanguage, t, translate } from '../js/i18n.js';
import { problemText } from '../js/bistand/errors.js';
import { optionalResidentSession } from '../js/session.js';
import { costFields, field, incomeRow, personRow, renumber, request, roleOf } from './form.js';
import { showResult } from './result.js';

const form = document.getElementById('provrakning-form');
const personList = document.getElementById('person-rows');
const incomeList = document.getElementById('income-rows');
const summary = document.getElementById('error-summary');
const errorList = document.getElementById('error-list');
const status = document.getElementById('form-status');
const resultSection = document.getElementById('result');

let incomeTypes = [];

function fill(select, entries, placeholder) {
  const chosen = select.value;
  select.replaceChildren();
  if (placeholder !== undefined) {
    select.append(new Option(placeholder, ''));
  }
  entries.forEach(([value, label]) => select.append(new Option(label, value)));
  if ([...select.options].some((option) => option.value === chosen)) {
    select.value = chosen;
  }
}

/** Re-labels and re-numbers everything after rows, roles or the language changed. */
function refresh() {
  renumber(personList, 'persons');
  renumber(incomeList, 'incomes');
  const people = [...personList.children];
  people.forEach((row, index) => {
    row.querySelector('h3').textContent = index === 0 ? t('provrakning.persons.you')
      : t('provrakning.persons.heading', { n: index + 1 });
    row.querySelector('.child-only').hidden = roleOf(row) !== 'child';
    const remove = row.querySelector('.remove');
    if (remove) {
      remove.textContent = t('provrakning.persons.remove', { n: index + 1 });
    }
  });
  const owners = people.map((row, index) => [row.dataset.key,
    t('provrakning.persons.heading', { n: index + 1 }) + ': ' + t('provrakning.short.' + roleOf(row))]);
  [...incomeList.children].forEach((row, index) => {
    row.querySelector('h3').textContent = t('provrakning.incomes.heading', { n: index + 1 });
    row.querySelector('.remove').textContent = t('provrakning.incomes.remove', { n: index + 1 });
    fill(field(row, 'type'), incomeTypes.map((type) => [type.type, type.label]), t('provrakning.income.choose'));
    fill(field(row, 'person'), owners, t('provrakning.income.household'));
    const type = incomeTypes.find((candidate) => candidate.type === field(row, 'type').value);
    row.querySelector('.employment-only').hidden = !(type && type.employment);
  });
  translate(form);
}

/** The income types and their names, in the page's language, come from the server. */
async function loadOptions() {
  const result = await send('GET', '/api/v1/provrakning/options');
  if (result.ok) {
    incomeTypes = result.data.incomeTypes;
  } else {
    status.textContent = t('provrakning.errors.options');
  }
  refresh();
}

function clearErrors() {
  summary.hidden = true;
  errorList.replaceChildren();
  document.querySelectorAll('.field-error').forEach((node) => node.remove());
  document.querySelectorAll('[aria-invalid]').forEach((node) => {
    node.removeAttribute('aria-invalid');
    const described = (node.getAttribute('aria-describedby') || '').split(' ')
      .filter((id) => id && id !== node.id + '-error').join(' ');
    if (described) {
      node.setAttribute('aria-describedby', described);
    } else {
      node.removeAttribute('aria-describedby');
    }
  });
}

/** persons[2].birthDate → #persons-2-birthDate, or the nearest enclosing row or group that exists. */
function elementFor(path) {
  let id = path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-');
  while (id) {
    const found = document.getElementById(id);
    if (found && form.contains(found)) {
      return found;
    }
    const cut = id.lastIndexOf('-');
    id = cut > 0 ? id.slice(0, cut) : '';
  }
  return null;
}

function nameOf(target) {
  if (target.matches('li, fieldset')) {
    const title = target.querySelector('h3, legend');
    return title ? title.textContent : '';
  }
  const label = document.querySelector('label[for="' + target.id + '"]') || target.closest('label');
  return label ? label.textContent : '';
}

function markField(target, message) {
  const note = document.createElement('p');
  note.className = 'field-error';
  note.id = target.id + '-error';
  note.textContent = message;
  if (target.matches('li, fieldset')) {
    target.querySelector('h3, legend').after(note);
    return;
  }
  (target.closest('label') || target).after(note);
  target.setAttribute('aria-invalid', 'true');
  const described = target.getAttribute('aria-describedby');
  target.setAttribute('aria-describedby', described ? described + ' ' + note.id : note.id);
}

function showErrors(result) {
  for (const found of problems(result)) {
    // Arabic has its own text for each code: the server answers it in Swedish.
    const problem = { ...found, message: problemText(found) };
    const item = document.createElement('li');
    const target = problem.field ? elementFor(problem.field) : null;
    if (target && !document.getElementById(target.id + '-error')) {
      const link = document.createElement('a');
      link.href = '#' + target.id;
      const name = nameOf(target);
      link.textContent = name ? name + ': ' + problem.message : problem.message;
      item.append(link);
      markField(target, problem.message);
    } else {
      item.textContent = problem.message;
    }
    errorList.append(item);
  }
  status.textContent = '';
  summary.hidden = false;
  summary.focus();
}

async function calculate() {
  clearErrors();
  status.textContent = t('provrakning.form.calculating');
  const result = await send('POST', '/api/v1/provrakning', request(form, personList, incomeList));
  if (!result.ok) {
    resultSection.hidden = true;
    showErrors(result);
    return;
  }
  showResult(resultSection, result.data);
  status.textContent = t('provrakning.form.done');
  document.getElementById('result-title').focus();
}

function removeRow(row, list, fallback) {
  const previous = row.previousElementSibling;
  row.remove();
  refresh();
  (previous || fallback).focus();
}

personList.addEventListener('click', (event) => {
  if (event.target.matches('.remove')) {
    removeRow(event.target.closest('li'), personList, document.getElementById('add-person'));
  }
});
incomeList.addEventListener('click', (event) => {
  if (event.target.matches('.remove')) {
    removeRow(event.target.closest('li'), incomeList, document.getElementById('add-income'));
  }
});
personList.addEventListener('change', (event) => {
  if (event.target.matches('[data-field="role"]')) {
    refresh();
  }
});
incomeList.addEventListener('change', (event) => {
  if (event.target.matches('[data-field="type"]')) {
    refresh();
  }
});
document.getElementById('add-person').addEventListener('click', () => {
  const row = personRow('child');
  personList.append(row);
  refresh();
  field(row, 'role').focus();
});
document.getElementById('add-income').addEventListener('click', () => {
  const row = incomeRow();
  incomeList.append(row);
  refresh();
  field(row, 'type').focus();
});
// The server's words (income types, the calculation's lines) come again in the new language.
document.addEventListener('languagechange', async () => {
  await loadOptions();
  if (!resultSection.hidden) {
    await calculate();
  }
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  calculate();
});

const now = new Date();
form.querySelector('#month').value = now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0');
costFields(document.getElementById('cost-fields'));
personList.append(personRow('applicant'));
await setupLanguage();
optionalResidentSession();
refresh();
loadOptions();
