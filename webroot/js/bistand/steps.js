// The application form's steps: each renders its part of the content into the page and reads it back. The page is
// the source of truth while the resident types; collect() turns it into the content document the server stores.
import { t, translate } from '../i18n.js';
import { amountText, parseAmount, parseWhole } from '../format.js';
import {
  amountField, checkbox, dateField, element, radioGroup, selectField, textarea, textField, valueOf, wholeField,
} from './fields.js';

export const STEPS = ['household', 'housing', 'incomes', 'costs', 'assets', 'needs', 'attachments', 'review'];

/** Which problem paths belong to which step (for the error summary of that step). */
export const STEP_FIELDS = {
  household: ['household', 'coApplicant'], housing: ['housing'], incomes: ['incomes'], costs: ['costs'],
  assets: ['assets'], needs: ['needs', 'message'], attachments: ['attachments'], review: ['declaration'],
};

const INCOME_TYPES = ['salary', 'unemploymentBenefit', 'sicknessBenefit', 'activitySupport', 'establishmentAllowance',
  'childAllowance', 'housingAllowance', 'maintenanceSupport', 'parentalBenefit', 'pension', 'studentAid',
  'depositsAndSwish', 'other'];
const COSTS = ['homeInsurance', 'unionAndUnemploymentFund', 'workTravel', 'childcare', 'medicalCare', 'dentalCare'];
const HOUSING_TYPES = ['rental', 'tenantOwned', 'house', 'secondHand', 'lodger', 'noFixedHome', 'other'];
const ASSET_TYPES = ['bankAccount', 'vehicle', 'property', 'other'];
const NEED_TYPES = ['glasses', 'dentalTreatment', 'medicalCare', 'furniture', 'householdGoods', 'clothing', 'moving', 'other'];
const ADULT_RELATIONS = ['adultChild', 'relative', 'lodger', 'other'];

/** Choices whose labels are the keys family + value, e.g. ('housingType.', 'rental') → housingType.rental. */
const options = (values, family) => values.map((value) => ({ value, label: `${family}${value}` }));
const list = (value) => (Array.isArray(value) ? value : []);
const object = (value) => (value && typeof value === 'object' && !Array.isArray(value) ? value : {});
const area = (name) => document.getElementById(`area-${name}`);

function removeButton(labelKey, params, onClick) {
  const button = element('button', { type: 'button', class: 'secondary small' });
  button.textContent = t(labelKey, params);
  button.addEventListener('click', onClick);
  return button;
}

function addButton(labelKey, onClick) {
  const button = element('button', { type: 'button', class: 'secondary', i18n: labelKey });
  button.addEventListener('click', onClick);
  return button;
}

function group(legendText, children) {
  const fieldset = element('fieldset', { class: 'group' });
  const legend = element('legend');
  legend.textContent = legendText;
  fieldset.append(legend, ...children);
  return fieldset;
}

/** The people of the household as incomes and assets refer to them. */
function people(content) {
  const household = object(content.household);
  const result = [{ value: 'applicant', text: t('person.applicant') }];
  if (household.coApplicant) {
    result.push({ value: 'coApplicant', text: t('person.coApplicant') });
  }
  list(household.children).forEach((child, i) => result.push({ value: `child:${i}`,
    text: t('person.child', { n: i + 1, name: child.firstName || '' }).trim() }));
  list(household.otherAdults).forEach((adult, i) => result.push({ value: `otherAdult:${i}`,
    text: t('person.otherAdult', { n: i + 1, name: adult.firstName || '' }).trim() }));
  return result;
}

function renderHousehold(content, view, changed) {
  const household = object(content.household);
  const applicant = object(household.applicant);
  const root = area('household');
  root.replaceChildren();
  root.append(group(t('household.you'), [
    dateField({ path: 'household.applicant.birthDate', label: 'household.birthDate', value: applicant.birthDate }),
    textField({ path: 'household.applicant.phone', label: 'household.phone', value: applicant.phone,
      autocomplete: 'tel', inputmode: 'tel', maxlength: 30, dir: 'ltr' }),
    textField({ path: 'household.applicant.email', label: 'household.email', value: applicant.email,
      autocomplete: 'email', inputmode: 'email', maxlength: 200, dir: 'ltr' }),
    checkbox({ path: 'household.applicant.lunchOutsideHome', label: 'household.lunch',
      checked: applicant.lunchOutsideHome }),
  ]));

  const co = household.coApplicant ? object(household.coApplicant) : null;
  const together = radioGroup({ path: 'together', legend: 'household.together', hint: 'household.togetherHint',
    value: co ? 'yes' : 'no', options: [{ value: 'no', label: 'answer.no' }, { value: 'yes', label: 'answer.yes' }] });
  const coFields = element('div', { id: 'co-applicant-fields', class: 'conditional' });
  coFields.hidden = !co;
  if (view.coApplicant) {
    const named = element('p', { class: 'named-person' });
    named.textContent = t('household.coNamed', { personnummer: view.coApplicant.personnummer });
    coFields.append(named);
  }
  coFields.append(
    textField({ path: 'coApplicant.personnummer', label: view.coApplicant ? 'household.coPersonnummerChange'
      : 'household.coPersonnummer', hint: 'hint.personnummer', inputmode: 'numeric', maxlength: 13, width: 'date',
      autocomplete: 'off', dir: 'ltr', spellcheck: false }),
    selectField({ path: 'household.coApplicant.relation', label: 'household.relation',
      options: options(['sambo', 'make', 'registreradPartner'], 'relation.'), value: co?.relation }),
    dateField({ path: 'household.coApplicant.birthDate', label: 'household.coBirthDate', value: co?.birthDate }),
    checkbox({ path: 'household.coApplicant.lunchOutsideHome', label: 'household.coLunch',
      checked: co?.lunchOutsideHome }));
  root.append(together, coFields);

  const children = element('div', { class: 'repeat', id: 'children-list' });
  list(household.children).forEach((child, i) => {
    const base = `household.children[${i}]`;
    const days = wholeField({ path: `${base}.daysPerMonth`, label: 'child.days', hint: 'child.daysHint',
      value: child.daysPerMonth });
    days.hidden = child.livesHere !== 'partTime';
    days.classList.add('days-field');
    children.append(group(t('child.legend', { n: i + 1 }), [
      textField({ path: `${base}.firstName`, label: 'child.firstName', value: child.firstName, maxlength: 200,
        autocomplete: 'off', dir: 'auto' }),
      dateField({ path: `${base}.birthDate`, label: 'child.birthDate', value: child.birthDate }),
      radioGroup({ path: `${base}.livesHere`, legend: 'child.livesHere', value: child.livesHere,
        options: options(['full', 'partTime', 'placed'], 'livesHere.') }),
      days,
      checkbox({ path: `${base}.lunchOutsideHome`, label: 'child.lunch', checked: child.lunchOutsideHome }),
      removeButton('child.remove', { n: i + 1 }, () => view.removeItem('household.children', i)),
    ]));
  });
  root.append(element('h3', { i18n: 'household.children' }), children,
    addButton('child.add', () => view.addItem('household.children', { livesHere: 'full' })));

  const adults = element('div', { class: 'repeat' });
  list(household.otherAdults).forEach((adult, i) => {
    const base = `household.otherAdults[${i}]`;
    adults.append(group(t('adult.legend', { n: i + 1 }), [
      textField({ path: `${base}.firstName`, label: 'adult.firstName', value: adult.firstName, maxlength: 200,
        dir: 'auto' }),
      dateField({ path: `${base}.birthDate`, label: 'adult.birthDate', value: adult.birthDate }),
      selectField({ path: `${base}.relation`, label: 'adult.relation', options: options(ADULT_RELATIONS, 'adultRelation.'),
        value: adult.relation }),
      removeButton('adult.remove', { n: i + 1 }, () => view.removeItem('household.otherAdults', i)),
    ]));
  });
  root.append(element('h3', { i18n: 'household.otherAdults' }), element('p', { class: 'hint', i18n: 'household.otherAdultsHint' }),
    adults, addButton('adult.add', () => view.addItem('household.otherAdults', {})));
}

function renderHousing(content) {
  const housing = object(content.housing);
  area('housing').replaceChildren(
    selectField({ path: 'housing.type', label: 'housing.type', options: options(HOUSING_TYPES, 'housingType.'),
      value: housing.type }),
    amountField({ path: 'housing.rent', label: 'housing.rent', hint: 'housing.rentHint', value: amountText(housing.rent) }),
    amountField({ path: 'housing.householdElectricity', label: 'housing.electricity', hint: 'housing.electricityHint',
      value: amountText(housing.householdElectricity) }),
    textarea({ path: 'housing.note', label: 'housing.note', value: housing.note, maxlength: 1000, rows: 3 }));
}

function renderRows(name, items, build, addKey, empty) {
  const root = area(name);
  root.replaceChildren();
  const rows = element('div', { class: 'repeat' });
  items.forEach((item, i) => rows.append(build(item, i)));
  if (!items.length) {
    rows.append(element('p', { class: 'empty', i18n: empty }));
  }
  root.append(rows, addButton(addKey, () => root.dispatchEvent(new CustomEvent('additem'))));
}

export function renderAll(content, view) {
  renderHousehold(content, view);
  renderHousing(content);
  const who = people(content);
  renderRows('incomes', list(content.incomes), (income, i) => group(t('income.legend', { n: i + 1 }), [
    selectField({ path: `incomes[${i}].person`, label: 'income.person', options: who, value: income.person }),
    selectField({ path: `incomes[${i}].type`, label: 'income.type', options: options(INCOME_TYPES, 'incomeType.'),
      value: income.type }),
    amountField({ path: `incomes[${i}].amount`, label: 'income.amount', value: amountText(income.amount) }),
    textField({ path: `incomes[${i}].note`, label: 'income.note', value: income.note, maxlength: 500, dir: 'auto' }),
    removeButton('income.remove', { n: i + 1 }, () => view.removeItem('incomes', i)),
  ]), 'income.add', 'income.none');
  const costs = object(content.costs);
  area('costs').replaceChildren(...COSTS.map((cost) => amountField({ path: `costs.${cost}`, label: `cost.${cost}`,
    hint: `cost.${cost}Hint`, value: amountText(costs[cost]) })));
  renderRows('assets', list(content.assets), (asset, i) => group(t('asset.legend', { n: i + 1 }), [
    selectField({ path: `assets[${i}].owner`, label: 'asset.owner', options: who, value: asset.owner }),
    selectField({ path: `assets[${i}].type`, label: 'asset.type', options: options(ASSET_TYPES, 'assetType.'),
      value: asset.type }),
    textField({ path: `assets[${i}].description`, label: 'asset.description', value: asset.description, maxlength: 200,
      dir: 'auto' }),
    amountField({ path: `assets[${i}].value`, label: 'asset.value', value: amountText(asset.value) }),
    removeButton('asset.remove', { n: i + 1 }, () => view.removeItem('assets', i)),
  ]), 'asset.add', 'asset.none');
  renderRows('needs', list(content.needs), (need, i) => group(t('need.legend', { n: i + 1 }), [
    selectField({ path: `needs[${i}].type`, label: 'need.type', options: options(NEED_TYPES, 'needType.'),
      value: need.type }),
    textField({ path: `needs[${i}].description`, label: 'need.description', value: need.description, maxlength: 200,
      dir: 'auto' }),
    amountField({ path: `needs[${i}].amount`, label: 'need.amount', value: amountText(need.amount) }),
    removeButton('need.remove', { n: i + 1 }, () => view.removeItem('needs', i)),
  ]), 'need.add', 'need.none');
  area('needs').append(textarea({ path: 'message', label: 'needs.message', hint: 'needs.messageHint',
    value: content.message, maxlength: 4000, rows: 5 }));
  const declaration = document.getElementById('f-declaration');
  if (declaration) {
    declaration.checked = content.declaration === true;
  }
  translate(document.getElementById('application-form'));
}

function count(root, prefix) {
  let n = 0;
  while (root.querySelector(`[data-path^="${prefix}[${n}]"]`)) {
    n += 1;
  }
  return n;
}

function amount(root, path) {
  return parseAmount(valueOf(root, path));
}

function text(root, path) {
  const value = valueOf(root, path);
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Reads the whole form back into a content document (empty optional fields are left out). */
export function collect(root) {
  const co = valueOf(root, 'together') === 'yes';
  const children = [];
  for (let i = 0; i < count(root, 'household.children'); i += 1) {
    const base = `household.children[${i}]`;
    const livesHere = valueOf(root, `${base}.livesHere`);
    children.push({ firstName: text(root, `${base}.firstName`), birthDate: text(root, `${base}.birthDate`), livesHere,
      daysPerMonth: livesHere === 'partTime' ? parseWhole(valueOf(root, `${base}.daysPerMonth`)) : undefined,
      lunchOutsideHome: valueOf(root, `${base}.lunchOutsideHome`) });
  }
  const otherAdults = [];
  for (let i = 0; i < count(root, 'household.otherAdults'); i += 1) {
    const base = `household.otherAdults[${i}]`;
    otherAdults.push({ firstName: text(root, `${base}.firstName`), birthDate: text(root, `${base}.birthDate`),
      relation: text(root, `${base}.relation`) });
  }
  const rows = (prefix, read) => Array.from({ length: count(root, prefix) }, (_, i) => read(`${prefix}[${i}]`));
  const costs = {};
  for (const cost of COSTS) {
    costs[cost] = amount(root, `costs.${cost}`);
  }
  return {
    household: {
      applicant: { birthDate: text(root, 'household.applicant.birthDate'), phone: text(root, 'household.applicant.phone'),
        email: text(root, 'household.applicant.email'),
        lunchOutsideHome: valueOf(root, 'household.applicant.lunchOutsideHome') },
      coApplicant: co ? { relation: text(root, 'household.coApplicant.relation'),
        birthDate: text(root, 'household.coApplicant.birthDate'),
        lunchOutsideHome: valueOf(root, 'household.coApplicant.lunchOutsideHome') } : null,
      children,
      otherAdults,
    },
    housing: { type: text(root, 'housing.type'), rent: amount(root, 'housing.rent'),
      householdElectricity: amount(root, 'housing.householdElectricity'), note: text(root, 'housing.note') },
    incomes: rows('incomes', (base) => ({ person: text(root, `${base}.person`), type: text(root, `${base}.type`),
      amount: amount(root, `${base}.amount`), note: text(root, `${base}.note`) })),
    costs,
    assets: rows('assets', (base) => ({ owner: text(root, `${base}.owner`), type: text(root, `${base}.type`),
      description: text(root, `${base}.description`), value: amount(root, `${base}.value`) })),
    needs: rows('needs', (base) => ({ type: text(root, `${base}.type`), description: text(root, `${base}.description`),
      amount: amount(root, `${base}.amount`) })),
    message: text(root, 'message'),
    declaration: valueOf(root, 'declaration') === true ? true : undefined,
  };
}
