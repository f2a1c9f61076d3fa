// Shows the calculation line by line, with subtotals, the outcome and the rule versions it used.
const SECTIONS = [['riksnorm', 'riksnormTotal'], ['cost', 'costsTotal'], ['income', 'incomesTotal']];

export function formatKronor(value, language) {
  const whole = Number.isInteger(value);
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', {
    minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2
  }).format(value);
}

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

function lineRow(line, t, language) {
  const head = cell('th', undefined, undefined, 'row');
  head.append(document.createTextNode(line.label));
  for (const flag of line.flags) {
    head.append(' ', cell('span', '(' + t(flag === 'capped' ? 'result.capped' : 'result.needsReview') + ')', 'flag'));
  }
  let note = line.note;
  if (line.entered !== undefined && line.entered !== line.amount && !note) {
    note = t('result.entered', { amount: formatKronor(line.entered, language) });
  }
  if (note) {
    head.append(cell('span', note, 'note'));
  }
  return row([head, cell('td', formatKronor(line.amount, language), 'amount')]);
}

export function showResult(section, data, t, language) {
  const amount = section.querySelector('#result-amount');
  amount.textContent = data.outcome === 'bifall'
    ? t('result.bifall', { amount: formatKronor(data.amount, language) })
    : t('result.avslag', { amount: formatKronor(data.normoverskott, language) });
  amount.classList.toggle('avslag', data.outcome !== 'bifall');

  const body = section.querySelector('#result-lines');
  body.replaceChildren();
  for (const [kind, total] of SECTIONS) {
    const lines = data.lines.filter((line) => line.kind === kind);
    if (lines.length === 0) {
      continue;
    }
    const heading = cell('th', t('result.' + kind), undefined, 'colgroup');
    heading.colSpan = 2;
    body.append(row([heading], 'section'));
    lines.forEach((line) => body.append(lineRow(line, t, language)));
    body.append(row([cell('th', t('result.sum') + ' – ' + t('result.' + kind).toLowerCase(), undefined, 'row'),
      cell('td', formatKronor(data[total], language), 'amount')], 'subtotal'));
  }
  body.append(row([cell('th', t('result.need'), undefined, 'row'), cell('td', formatKronor(data.needTotal, language), 'amount')], 'subtotal'));
  body.append(row([cell('th', t('result.exact'), undefined, 'row'), cell('td', formatKronor(data.exactAmount, language), 'amount')]));
  body.append(row([cell('th', t('result.amount'), undefined, 'row'), cell('td', formatKronor(data.amount, language), 'amount')], 'subtotal'));

  const versions = section.querySelector('#result-versions');
  versions.replaceChildren();
  for (const [kind, version] of Object.entries(data.ruleVersions)) {
    versions.append(cell('dt', t('versions.' + kind)), cell('dd', version));
  }
  section.querySelector('#result-disclaimer').textContent = data.disclaimer;
  section.hidden = false;
}
