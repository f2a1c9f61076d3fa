// The calculation a decision rests on, in plain words for the resident: the riksnorm lines, the approved costs, the
// incomes deducted and the result, and at a re-application what changed since last month's decision.
import { kronor } from '../format.js';
import { t } from '../i18n.js';
import { element } from './fields.js';

const SECTIONS = ['riksnorm', 'cost', 'income', 'need'];
const NEED_TYPES = ['livsforing_ovrigt', 'skulder', 'begravning'];

const text = (tag, value, attributes = {}) => {
  const node = element(tag, attributes);
  node.textContent = value;
  return node;
};

const sum = (lines) => lines.reduce((total, line) => total + Number(line.amount || 0), 0);

/** The lines of the latest decision on försörjningsstöd, with the need lines decided beside it. */
export function decidedLines(decisions) {
  const main = (decisions || []).find((decision) => decision.type === 'forsorjningsstod');
  if (!main) {
    return null;
  }
  const needs = decisions.filter((decision) => NEED_TYPES.includes(decision.type)
    && decision.decidedAt === main.decidedAt).flatMap((decision) => decision.lines || []);
  return [...(main.lines || []), ...needs];
}

function section(name, lines) {
  const list = element('ul', { class: 'calc-lines' }, lines.map((line) => {
    const li = element('li');
    li.append(text('span', line.label, { class: 'calc-label' }), ' ', text('span', kronor(line.amount), { class: 'calc-amount' }));
    if (line.entered !== null && line.entered !== undefined && Number(line.entered) !== Number(line.amount)) {
      li.append(' ', text('span', t('calc.stated', { amount: kronor(line.entered) }), { class: 'hint' }));
    }
    return li;
  }));
  return element('div', { class: 'calc-section' }, [
    text('h3', t(`calc.section.${name}`)), list,
    text('p', t('calc.sectionTotal', { amount: kronor(sum(lines)) }), { class: 'calc-total' })]);
}

/** Renders the calculation into host; hidden when there is no decided calculation. */
export function renderCalculation(host, decisions, previousDecisions) {
  const lines = decidedLines(decisions);
  host.hidden = !lines;
  if (!lines) {
    host.querySelector('.calc-body')?.replaceChildren();
    return;
  }
  const by = (name) => lines.filter((line) => line.section === name);
  const parts = SECTIONS.filter((name) => by(name).length).map((name) => section(name, by(name)));
  const riksnorm = sum(by('riksnorm'));
  const costs = sum(by('cost'));
  const incomes = sum(by('income'));
  const result = riksnorm + costs - incomes;
  parts.push(text('p', t('calc.result', { riksnorm: kronor(riksnorm), costs: kronor(costs), incomes: kronor(incomes),
    result: kronor(Math.max(result, 0)) }), { class: 'calc-result' }));
  if (result <= 0) {
    parts.push(text('p', t('calc.surplus', { amount: kronor(-result) })));
  }
  const before = decidedLines(previousDecisions);
  if (before) {
    parts.push(text('h3', t('calc.changes')), changes(before, lines));
  }
  host.querySelector('.calc-body').replaceChildren(...parts);
}

/** Line by line against last month's decision: what is new, gone or has another amount. */
function changes(before, after) {
  const key = (line) => line.key || `${line.section}:${line.label}`;
  const old = new Map(before.map((line) => [key(line), line]));
  const now = new Map(after.map((line) => [key(line), line]));
  const items = [];
  for (const [id, line] of now) {
    const was = old.get(id);
    if (!was) {
      items.push(t('calc.added', { label: line.label, after: kronor(line.amount) }));
    } else if (Number(was.amount) !== Number(line.amount)) {
      items.push(t('calc.changed', { label: line.label, before: kronor(was.amount), after: kronor(line.amount) }));
    }
  }
  for (const [id, line] of old) {
    if (!now.has(id)) {
      items.push(t('calc.removed', { label: line.label, before: kronor(line.amount) }));
    }
  }
  if (!items.length) {
    return text('p', t('calc.noChanges'));
  }
  return element('ul', { class: 'calc-changes' }, items.map((item) => text('li', item)));
}
