// The provräkning page: builds the household from the form, asks POST /api/v1/provrakning, and shows either the
// calculation line by line or the server's field errors (summary at the top, message at each field). What the user
// typed is never cleared. Swedish by default; the switch keeps the choice in the "lang" cookie the server reads too.
import { TEXTS } from './texts.js';
import { costFields, field, incomeRow, personRow, renumber, request, roleOf } from './form.js';
import { showResult } from './result.js';

const form = document.getElementById('provrakning-form');
const personList = document.getElementById('person-rows');
const incomeList = document.getElementById('income-rows');
const summary = document.getElementById('error-summary');
const errorList = document.getElementById('error-list');
const status = document.getElementById('form-status');
const resultSection = document.getElementById('result');
const switcher = document.getElementById('language-switch');

let language = chosenLanguage();
let incomeTypes = [];

function chosenLanguage() {
  const cookie = document.cookie.split('; ').find((part) => part.startsWith('lang='));
  const saved = cookie ? decodeURIComponent(cookie.split('=')[1]) : null;
  if (saved === 'sv' || saved === 'en') {
    return saved;
  }
  const browser = (navigator.languages || []).map((tag) => tag.toLowerCase().split('-')[0]).find((tag) => tag === 'sv' || tag === 'en');
  return browser || 'sv';
}

function t(key, params = {}) {
  const text = TEXTS[language][key] ?? TEXTS.sv[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((node) => {
    node.textContent = t(node.dataset.i18n);
  });
}

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
    row.querySelector('h3').textContent = index === 0 ? t('persons.you') : t('persons.heading', { n: index + 1 });
    row.querySelector('.child-only').hidden = roleOf(row) !== 'child';
    const remove = row.querySelector('.remove');
    if (remove) {
      remove.textContent = t('persons.remove', { n: index + 1 });
    }
  });
  const owners = people.map((row, index) => [row.dataset.key,
    t('persons.heading', { n: index + 1 }) + ': ' + t('short.' + roleOf(row))]);
  [...incomeList.children].forEach((row, index) => {
    row.querySelector('h3').textContent = t('incomes.heading', { n: index + 1 });
    row.querySelector('.remove').textContent = t('incomes.remove', { n: index + 1 });
    fill(field(row, 'type'), incomeTypes.map((type) => [type.type, type.label]), t('income.choose'));
    fill(field(row, 'person'), owners, t('income.household'));
    const type = incomeTypes.find((candidate) => candidate.type === field(row, 'type').value);
    row.querySelector('.employment-only').hidden = !(type && type.employment);
  });
  translate(form);
}

function applyLanguage() {
  document.documentElement.lang = language;
  translate(document);
  switcher.textContent = t('language.other');
  switcher.lang = t('language.otherCode');
}

async function loadOptions() {
  try {
    const response = await fetch('/api/v1/provrakning/options', { headers: { 'Accept-Language': language } });
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    incomeTypes = (await response.json()).incomeTypes;
  } catch (error) {
    status.textContent = t('errors.options');
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

function showErrors(data) {
  const problems = data && Array.isArray(data.fields) && data.fields.length > 0 ? data.fields
    : [{ message: data && data.message ? data.message : t('errors.network') }];
  for (const problem of problems) {
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
  status.textContent = t('form.calculating');
  let response;
  let data = null;
  try {
    response = await fetch('/api/v1/provrakning', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
      body: JSON.stringify(request(form, personList, incomeList))
    });
    data = await response.json().catch(() => null);
  } catch (error) {
    showErrors(null);
    return;
  }
  if (!response.ok || !data) {
    resultSection.hidden = true;
    showErrors(data);
    return;
  }
  showResult(resultSection, data, t, language);
  status.textContent = t('form.done');
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
switcher.addEventListener('click', async () => {
  language = language === 'sv' ? 'en' : 'sv';
  document.cookie = 'lang=' + language + '; path=/; max-age=31536000; SameSite=Lax';
  applyLanguage();
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
applyLanguage();
refresh();
loadOptions();
