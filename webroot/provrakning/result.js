// Shows the calculation line by line, with subtotals, the outcome and the rule versions it used. The table's
// amounts are plain numbers under the heading "Kronor".
import { kronor } from '../js/format.js';
import { t } from '../js/i18n.js';

const SECTIONS = [['riksnorm', 'riksnormTotal'], ['cost', 'costsTotal'], ['income', 'incomesTotal']];
const number = (value) => kronor(value, { unit: false });

function row(cells, className) {
  const tr = document.createElement('tr');
  if (className) {
    tr.className = className;
  }
  cells.forEach((cell) => tr.append(cell));
  return tr;
}

function cell(tag, text, className, scope) {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  if (scope) {
    node.scope = scope;
  }
  return node;
}

function lineRow(line) {
  const head = cell('th', undefined, undefined, 'row');
  head.append(document.createTextNode(line.label));
  for (const flag of line.flags) {
    const text = flag === 'capped' ? t('provrakning.result.capped') : t('provrakning.result.needsReview');
    head.append(' ', cell('span', '(' + text + ')', 'flag'));
  }
  let note = line.note;
  if (line.entered !== undefined && line.entered !== line.amount && !note) {
    note = t('provrakning.result.entered', { amount: kronor(line.entered) });
  }
  if (note) {
    head.append(cell('span', note, 'note'));
  }
  return row([head, cell('td', number(line.amount), 'amount')]);
}

export function showResult(section, data) {
  const amount = section.querySelector('#result-amount');
  amount.textContent = data.outcome === 'bifall'
    ? t('provrakning.result.bifall', { amount: kronor(data.amount) })
    : t('provrakning.result.avslag', { amount: kronor(data.normoverskott) });
  amount.classList.toggle('avslag', data.outcome !== 'bifall');

  const body = section.querySelector('#result-lines');
  body.replaceChildren();
  for (const [kind, total] of SECTIONS) {
    const lines = data.lines.filter((line) => line.kind === kind);
    if (lines.length === 0) {
      continue;
    }
    const heading = cell('th', t('provrakning.result.' + kind), undefined, 'colgroup');
    heading.colSpan = 2;
    body.append(row([heading], 'section'));
    lines.forEach((line) => body.append(lineRow(line)));
    body.append(row([cell('th', t('provrakning.result.sum') + ' – ' + t('provrakning.result.' + kind).toLowerCase(),
      undefined, 'row'), cell('td', number(data[total]), 'amount')], 'subtotal'));
  }
  body.append(row([cell('th', t('provrakning.result.need'), undefined, 'row'), cell('td', number(data.needTotal), 'amount')],
    'subtotal'));
  body.append(row([cell('th', t('provrakning.result.exact'), undefined, 'row'), cell('td', number(data.exactAmount), 'amount')]));
  body.append(row([cell('th', t('provrakning.result.amount'), undefined, 'row'), cell('td', number(data.amount), 'amount')],
    'subtotal'));

  const versions = section.querySelector('#result-versions');
  versions.replaceChildren();
  for (const [kind, version] of Object.entries(data.ruleVersions)) {
    versions.append(cell('dt', t('provrakning.versions.' + kind)), cell('dd', version));
  }
  section.querySelector('#result-disclaimer').textContent = data.disclaimer;
  section.hidden = false;
}
