// The case view: everything needed to check a proposal, and the actions on it. Every change goes to the server,
// which checks delegation and state; the page then reloads the case so it always shows what the server holds.
import { send } from '../api.js';
import { kronor, shortDate, shortDateTime } from '../format.js';
import { t } from '../i18n.js';
import { announce, announceError, el, named, startStaffPage } from './staff.js';
import { renderParts, setupParts } from './parts.js';
import { renderCasePayments } from './case-payments.js';

const id = new URLSearchParams(window.location.search).get('id');
const base = '/api/v1/casework/cases/' + encodeURIComponent(id || '');
const SECTIONS = ['riksnorm', 'cost', 'income', 'need'];
let view = null;
let templates = [];

function table(caption, headers, rows) {
  return el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headers.map((header) => el('th', { scope: 'col', class: header.num ? 'num' : null }, header.text || header)))),
    el('tbody', {}, rows));
}

function facts(pairs) {
  return pairs.filter(([, value]) => value !== null && value !== undefined && value !== '')
    .flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]);
}

/** A small object (a trace step's output) as a list of names and values: never raw JSON. */
function dataList(object) {
  if (!object || Object.keys(object).length === 0) {
    return el('p', {}, t('staff.case.noData'));
  }
  const shown = (key, value) => key === 'decisionType' ? named('staff.automationType.', value)
    : value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
  return el('dl', { class: 'data' }, Object.entries(object).flatMap(([key, value]) => [el('dt', {}, key),
    el('dd', {}, shown(key, value))]));
}

/** Whose data: the applicant, the co-applicant, a child or another adult of the household. */
function person(ref) {
  if (!ref) return '';
  const [kind, index] = String(ref).split(':');
  return index === undefined ? named('person.', kind) : t('staff.person.' + kind, { n: Number(index) + 1 });
}

/** The register data the robot fetched, as rows: source, period, person, type, amount and what the robot did. */
function registerTable(rows) {
  if (!rows || rows.length === 0) {
    return el('p', {}, t('staff.case.noData'));
  }
  const what = (row) => row.kind === 'payment' ? named('incomeType.', row.type) + (row.label ? ' (' + row.label + ')' : '')
    : row.kind === 'status' ? t('staff.registerData.statusRow') : named('staff.registerData.fact.', row.type);
  return table(t('staff.registerData.caption'), [t('staff.registerData.source'), t('staff.registerData.period'),
    t('staff.registerData.person'), t('staff.registerData.type'), { text: t('staff.amount'), num: true },
    t('staff.registerData.handling')], rows.map((row) => el('tr', {},
    el('td', {}, row.source), el('td', {}, row.period || ''), el('td', {}, person(row.person)), el('td', {}, what(row)),
    el('td', { class: 'num' }, row.kind === 'payment' ? kronor(row.value) : row.value || ''),
    el('td', {}, t('staff.registerData.handling.' + row.handling, { declared: kronor(row.declared) })))));
}

/** The robot's comparison with the household's previous application: its note and every change. */
function comparisonTable(comparison) {
  if (!comparison || (!comparison.note && !(comparison.changes || []).length)) {
    return el('p', {}, t('staff.case.noData'));
  }
  const changes = comparison.changes || [];
  return el('div', {}, comparison.note ? el('p', {}, comparison.note) : '',
    changes.length === 0 ? '' : table(t('staff.comparison.caption'), [t('staff.comparison.change'),
      { text: t('staff.comparison.before'), num: true }, { text: t('staff.comparison.now'), num: true }],
    changes.map((change) => el('tr', {}, el('td', {}, named('staff.comparison.kind.', change.kind), ': ', change.text),
      el('td', { class: 'num' }, change.previous === null ? '' : kronor(change.previous)),
      el('td', { class: 'num' }, change.current === null ? '' : kronor(change.current))))));
}

function personRows(household) {
  const people = [el('tr', {}, el('td', {}, t('staff.application.applicant')), el('td', {}, (household.applicant || {}).birthDate || ''),
    el('td', {}, ''))];
  if (household.coApplicant) {
    people.push(el('tr', {}, el('td', {}, t('staff.application.coApplicant', { relation: named('relation.', household.coApplicant.relation) })),
      el('td', {}, household.coApplicant.birthDate), el('td', {}, '')));
  }
  (household.children || []).forEach((child) => people.push(el('tr', {},
    el('td', {}, t('staff.application.child', { name: child.firstName })), el('td', {}, child.birthDate),
    el('td', {}, named('staff.lives.', child.livesHere)
      + (child.daysPerMonth ? ', ' + t('staff.application.days', { n: child.daysPerMonth }) : '')))));
  (household.otherAdults || []).forEach((adult) => people.push(el('tr', {},
    el('td', {}, t('staff.application.otherAdult', { name: adult.firstName })), el('td', {}, adult.birthDate),
    el('td', {}, named('staff.otherAdultRelation.', adult.relation)))));
  return people;
}

/** The application as the household stated it: household, housing, incomes, costs, assets and needs. */
function applicationSummary(content) {
  if (!content || !content.household) {
    return dataList(content);
  }
  const money = (caption, rows) => rows.length === 0 ? el('p', {}, t('staff.application.none', { what: caption }))
    : table(caption, [t('staff.application.item'), { text: t('staff.amount'), num: true }, t('staff.application.note')], rows);
  const line = (label, amount, note) => el('tr', {}, el('td', {}, label), el('td', { class: 'num' }, kronor(amount)),
    el('td', {}, note || ''));
  const housing = content.housing || {};
  return el('div', {},
    table(t('staff.application.household'), [t('staff.application.person'), t('staff.application.birthDate'),
      t('staff.application.living')], personRows(content.household)),
    el('p', {}, t('staff.application.housingType', { type: named('housingType.', housing.type) })),
    money(t('staff.application.housing'), [
      housing.rent !== undefined && housing.rent !== null ? line(t('staff.application.rent'), housing.rent, housing.note) : null,
      housing.householdElectricity !== undefined && housing.householdElectricity !== null
        ? line(t('staff.application.electricity'), housing.householdElectricity) : null].filter(Boolean)),
    money(t('staff.application.incomes'), (content.incomes || []).map((income) =>
      line(named('incomeType.', income.type) + ' (' + person(income.person) + ')', income.amount, income.note))),
    money(t('staff.application.costs'), Object.entries(content.costs || {}).map(([type, amount]) => line(named('cost.', type), amount))),
    money(t('staff.application.assets'), (content.assets || []).map((asset) =>
      line(named('assetType.', asset.type) + ' (' + person(asset.owner) + ')', asset.value, asset.description))),
    money(t('staff.application.needs'), (content.needs || []).map((need) => line(named('needType.', need.type), need.amount, need.description))),
    content.message ? el('p', {}, t('staff.application.message'), ' ', content.message) : '');
}

function renderWarnings(proposal, stickprov) {
  const list = document.getElementById('warnings');
  if (!proposal || proposal.warnings.length === 0) {
    list.replaceChildren(el('p', {}, t('staff.case.noWarnings')));
    return;
  }
  list.replaceChildren(...proposal.warnings.map((warning) => el('div', { class: 'warning' + (warning.acknowledged ? ' done' : '') },
    el('p', {}, el('strong', {}, named('staff.warningType.', warning.type)), ': ', warning.message),
    warning.acknowledged
      ? el('p', {}, t('staff.warning.acknowledged', { who: warning.acknowledgedBy, when: shortDateTime(warning.acknowledgedAt) }),
        warning.type === 'STICKPROV' && stickprov && stickprov.result
          ? t('staff.warning.stickprovResult', { result: named('staff.stickprovResult.', stickprov.result) })
            + (stickprov.resultNote ? ' – ' + stickprov.resultNote : '')
          : '')
      : warning.type === 'STICKPROV' ? stickprovCheck(warning)
        : el('button', { type: 'button', class: 'secondary',
          onclick: (event) => once(event.currentTarget,
            () => act(base + '/warnings/' + warning.id + '/acknowledge', {}, t('staff.warning.done'))) },
        t('staff.warning.acknowledge')))));
}

/** A stickprov is acknowledged with the check's result: confirmed, or a discrepancy that is described. */
function stickprovCheck(warning) {
  const name = 'stickprov-' + warning.id;
  const note = el('textarea', { id: name + '-note', rows: '2', maxlength: '2000' });
  const option = (value, label) => el('label', {}, el('input', { type: 'radio', name, value }), ' ', label);
  const form = el('form', { class: 'stickprov-check' },
    el('fieldset', {}, el('legend', {}, t('staff.stickprovCheck.legend')),
      option('confirmed', t('staff.stickprovCheck.confirmed')),
      option('discrepancy', t('staff.stickprovCheck.discrepancy'))),
    el('label', { for: name + '-note' }, t('staff.stickprovCheck.note')), note,
    el('button', { type: 'submit', class: 'secondary' }, t('staff.stickprovCheck.submit')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="' + name + '"]:checked');
    act(base + '/warnings/' + warning.id + '/acknowledge', { stickprovResult: chosen ? chosen.value : null, note: note.value },
      t('staff.stickprovCheck.done'));
  });
  return form;
}

function calculationRows(calc) {
  const rows = [];
  for (const section of SECTIONS) {
    const lines = calc.lines.filter((line) => line.section === section);
    if (lines.length === 0) continue;
    rows.push(el('tr', {}, el('th', { scope: 'rowgroup', colspan: '4' }, named('staff.section.', section))));
    for (const line of lines) {
      rows.push(el('tr', {},
        el('td', {}, line.label, line.note ? ' (' + line.note + ')' : ''),
        el('td', { class: 'num' }, kronor(line.entered)),
        el('td', { class: 'num' }, kronor(line.amount)),
        el('td', {}, line.originalAmount !== undefined
          ? t('staff.calculation.adjusted', { amount: kronor(line.originalAmount), reason: line.adjustmentReason }) : '')));
    }
  }
  rows.push(el('tr', { class: 'total' }, el('td', {}, t('staff.calculation.total')), el('td', {}),
    el('td', { class: 'num' }, kronor(calc.totals.forsorjningsstod)),
    el('td', {}, t('staff.calculation.exact', { amount: kronor(calc.totals.exactResult) }))));
  for (const [type, need] of Object.entries(calc.totals.needs)) {
    rows.push(el('tr', { class: 'total' }, el('td', {}, t('staff.calculation.granted', { type: named('staff.decisionType.', type) })),
      el('td', { class: 'num' }, kronor(need.applied)), el('td', { class: 'num' }, kronor(need.granted)), el('td', {})));
  }
  return rows;
}

function renderCalculation(proposal, waitingForRules) {
  const target = document.getElementById('calculation');
  if (!proposal) {
    target.replaceChildren(waitingForRules
      ? el('p', {}, waitingForRules.text, ' ', t('staff.calculation.waitingForRules'))
      : el('p', {}, t('staff.calculation.none')));
    document.getElementById('adjust-details').hidden = true;
    return;
  }
  const calc = proposal.calculation;
  target.replaceChildren(
    table(t('staff.calculation.caption'), [t('staff.calculation.line'), { text: t('staff.calculation.entered'), num: true },
      { text: t('staff.amount'), num: true }, t('staff.calculation.adjustment')], calculationRows(calc)),
    el('p', {}, t('staff.calculation.ruleVersions'), ' ',
      Object.entries(proposal.ruleVersions).map(([key, value]) => key + ' ' + value).join(', ')),
    proposal.stickprov ? el('p', {}, el('span', { class: 'badge warn' }, t('staff.stickprov')), ' ', t('staff.calculation.stickprov')) : '');
  const select = document.getElementById('adjust-line');
  const chosen = select.value;
  select.replaceChildren(...calc.lines.map((line) => el('option', { value: line.key },
    named('staff.section.', line.section) + ': ' + line.label)),
  el('option', { value: 'need:new' }, t('staff.adjust.newNeed')));
  if (chosen) select.value = chosen;
}

function renderDelegation(proposal) {
  const target = document.getElementById('delegation');
  // Approving and rejecting decide on a proposal; without one only closing the investigation is possible.
  document.getElementById('approve').hidden = !proposal;
  document.getElementById('reject-details').hidden = !proposal;
  if (!proposal) {
    target.replaceChildren(el('p', {}, t('staff.decision.onlyClose')));
    return;
  }
  target.replaceChildren(el('ul', {}, proposal.delegation.map((part) => el('li', { class: part.allowed ? 'delegation-ok' : 'delegation-no' },
    part.label + ' ' + kronor(part.amount) + ': ',
    part.allowed ? t('staff.delegation.within') : t('staff.delegation.outside', { who: part.whoMay })))));
  const approveButton = document.getElementById('approve-button');
  approveButton.disabled = !proposal.allWarningsAcknowledged || proposal.status !== 'awaiting_review';
  approveButton.setAttribute('aria-describedby', 'warnings-heading');
  document.getElementById('approve-motivering').value = proposal.motivering;
}

function renderDecisions() {
  const target = document.getElementById('decisions');
  const letters = view.letters.map((letter) => el('li', {},
    el('a', { href: '/api/v1/casework/letters/' + letter.id + '/pdf' }, t('staff.decision.letter', { when: shortDateTime(letter.createdAt) })),
    ' ', t('staff.decision.mailbox', { status: letter.mailboxStatus === 'posted' && letter.mailboxAt
      ? t('staff.mailboxStatus.postedOn', { date: shortDate(letter.mailboxAt) })
      : named('staff.mailboxStatus.', letter.mailboxStatus) })));
  target.replaceChildren(
    view.decisions.length === 0 ? el('p', {}, t('staff.decision.none')) : table(t('staff.decision.heading'),
      [t('staff.decision.type'), t('staff.decision.outcome'), { text: t('staff.amount'), num: true }, t('staff.decision.decidedBy'),
        t('staff.decision.delegation'), t('staff.decision.date')],
      view.decisions.map((decision) => el('tr', {}, el('td', {}, named('staff.decisionType.', decision.type)),
        el('td', {}, named('staff.outcome.', decision.outcome)),
        el('td', { class: 'num' }, kronor(decision.amount)), el('td', {}, decision.decidedBy + ', ' + decision.title),
        el('td', {}, decision.delegationSource), el('td', {}, shortDateTime(decision.decidedAt))))),
    letters.length ? el('ul', {}, letters) : '');
}

function kompletteringState(request) {
  if (request.status === 'open') {
    return request.overdue ? t('staff.komplettering.overdue') : t('staff.komplettering.waiting');
  }
  return named('staff.komplettering.', request.status);
}

function renderConversation() {
  document.getElementById('kompletteringar').replaceChildren(view.kompletteringar.length === 0
    ? el('p', {}, t('staff.komplettering.none'))
    : table(t('staff.komplettering.caption'), [t('staff.komplettering.asked'), t('staff.komplettering.due'),
      t('staff.komplettering.status'), t('staff.komplettering.answer')], view.kompletteringar.map((request) => el('tr', {},
      el('td', {}, request.message), el('td', {}, shortDateTime(request.dueAt)),
      el('td', {}, kompletteringState(request)), el('td', {}, request.answerText || '')))));
  document.getElementById('messages').replaceChildren(view.messages.length === 0 ? el('p', {}, t('staff.messages.none'))
    : table(t('staff.messages.caption'), [t('staff.messages.time'), t('staff.messages.from'), t('staff.messages.message')],
      view.messages.map((message) => el('tr', {},
        el('td', {}, shortDateTime(message.createdAt)),
        el('td', {}, message.authorName + (message.unread ? ' ' + t('staff.messages.unread') : '')),
        el('td', {}, message.body)))));
  document.getElementById('attachments').replaceChildren(view.attachments.length === 0 ? el('p', {}, t('staff.attachments.none'))
    : el('ul', {}, view.attachments.map((attachment) => el('li', {},
      el('a', { href: base + '/attachments/' + attachment.id }, attachment.fileName), ' (' + attachment.category + ')'))));
}

/** The household's previous application (the one the comparison is made with) and what was decided on it. */
function previousMonth(previous) {
  if (!previous) return t('staff.case.noPreviousApplication');
  return previous.outcome
    ? t('staff.case.previousDecided', { month: previous.month, outcome: named('staff.outcome.', previous.outcome), amount: kronor(previous.amount) })
    : t('staff.case.previousUndecided', { month: previous.month, status: named('staff.status.', previous.status) });
}

function renderFacts(c) {
  const proposal = view.proposal;
  const previous = view.previousMonth;
  document.getElementById('facts').replaceChildren(...facts([
    [t('staff.status'), named('staff.status.', c.status)], [t('staff.month'), c.month],
    [t('staff.queue.unit'), named('staff.unit.', c.unit)], [t('staff.channel'), named('staff.channel.', c.channel)],
    [t('staff.submitted'), shortDateTime(c.submittedAt)],
    [t('staff.protected'), c.protected ? t('staff.case.protectedYes') : t('staff.no')],
    [t('staff.proposal'), proposal ? named('staff.outcome.', proposal.outcome) + ' ' + kronor(proposal.amount) : t('staff.case.noProposal')],
    [t('staff.case.previousMonth'), previousMonth(previous)],
  ]));
}

function render() {
  const c = view.case;
  document.getElementById('heading').textContent = t('staff.case.headingFor', { reference: c.reference, household: c.household });
  document.title = t('staff.case.titleFor', { reference: c.reference });
  renderFacts(c);
  renderWarnings(view.proposal, view.stickprov);
  renderCalculation(view.proposal, view.waitingForRules);
  renderDelegation(view.proposal);
  renderDecisions();
  renderParts(view);
  renderConversation();
  document.getElementById('register').replaceChildren(registerTable(view.proposal && view.proposal.registerTable));
  document.getElementById('comparison').replaceChildren(comparisonTable(view.proposal && view.proposal.comparison));
  document.getElementById('application').replaceChildren(applicationSummary(view.application));
  document.getElementById('history').replaceChildren(table(t('staff.history.caption'),
    [t('staff.history.time'), t('staff.history.event'), t('staff.status'), t('staff.history.by')],
    view.history.map((event) => el('tr', {}, el('td', {}, shortDateTime(event.at)), el('td', {}, named('staff.event.', event.type)),
      el('td', {}, named('staff.status.', event.status)), el('td', {}, event.staff || named('staff.actor.', event.actor))))));
  document.getElementById('trace').replaceChildren(table(t('staff.trace.caption'),
    [t('staff.trace.step'), t('staff.trace.start'), { text: t('staff.trace.duration'), num: true }, t('staff.trace.outcome'),
      t('staff.trace.output')],
    view.trace.map((step) => el('tr', {}, el('td', {}, named('staff.traceStep.', step.step)), el('td', {}, shortDateTime(step.startedAt)),
      el('td', { class: 'num' }, (step.durationMicros / 1000).toFixed(1)), el('td', {}, named('staff.traceOutcome.', step.outcome)),
      el('td', {}, dataList(step.output))))));
}

async function load() {
  const result = await send('GET', base);
  if (!result.ok) {
    announceError(result);
    return;
  }
  view = result.data;
  render();
  await renderCasePayments();
}

/** A second click while the first is on its way would act twice (the second answered 404): the button waits. */
async function once(button, action) {
  button.disabled = true;
  const done = await action();
  if (!done) {
    button.disabled = false;
  }
  return done;
}

async function act(path, body, message) {
  const result = await send('POST', path, body);
  if (!result.ok) {
    announceError(result);
    return false;
  }
  await load();
  announce(message);
  return true;
}

function renderTemplates() {
  const select = document.getElementById('reject-template');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, t('staff.decision.chooseTemplate')),
    ...templates.filter((template) => template.outcome === 'avslag').map((template) => el('option', { value: template.id }, template.label)));
  select.value = chosen;
}

function setupForms() {
  const adjust = document.getElementById('adjust');
  adjust.lineKey.addEventListener('change', () => {
    document.getElementById('new-need').hidden = adjust.lineKey.value !== 'need:new';
  });
  adjust.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { lineKey: adjust.lineKey.value, amount: adjust.amount.value.replace(',', '.').replace(/\s/g, ''), reason: adjust.reason.value };
    if (body.lineKey === 'need:new') {
      body.decisionType = adjust.decisionType.value;
      body.label = adjust.label.value;
    }
    if (await act(base + '/adjustments', body, t('staff.adjust.done'))) adjust.reset();
  });
  document.getElementById('approve').addEventListener('submit', (event) => {
    event.preventDefault();
    const motivering = event.target.motivering.value;
    act(base + '/approve', { proposalId: view.proposal.id, motivering: motivering === view.proposal.motivering ? null : motivering },
      t('staff.decision.approved'));
  });
  setupParts(() => view, act, base);
  const reject = document.getElementById('reject');
  reject.templateId.addEventListener('change', () => {
    const template = templates.find((candidate) => candidate.id === reject.templateId.value);
    reject.motivering.value = template ? template.text.replace('{month}', view.case.month).replace('{amount}', kronor(0)) : '';
  });
  reject.addEventListener('submit', (event) => {
    event.preventDefault();
    act(base + '/reject', { proposalId: view.proposal && view.proposal.id, templateId: reject.templateId.value, motivering: reject.motivering.value },
      t('staff.decision.rejected'));
  });
  document.getElementById('komplettering').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    if (await act(base + '/komplettering', { message: form.message.value, dueDate: form.dueDate.value },
      t('staff.komplettering.sent'))) form.reset();
  });
  document.getElementById('message').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await act(base + '/messages', { body: event.target.body.value }, t('staff.messages.sent'))) event.target.reset();
  });
  document.getElementById('close').addEventListener('submit', (event) => {
    event.preventDefault();
    act(base + '/close', { motivering: event.target.motivering.value }, t('staff.decision.closed'));
  });
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!(await startStaffPage())) return;
  const result = await send('GET', '/api/v1/casework/templates');
  templates = result.ok ? result.data.templates : [];
  renderTemplates();
  setupForms();
  document.addEventListener('languagechange', () => {
    renderTemplates();
    if (view) render();
  });
  await load();
});
