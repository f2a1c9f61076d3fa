// The case view: everything needed to check a proposal, and the actions on it. Every change goes to the server,
// which checks delegation and state; the page then reloads the case so it always shows what the server holds.
import { api } from '../api.js';
import { requireStaffSession, el, kronor, dateTime, announce, announceError, OUTCOMES, UNITS, STATUSES } from './staff.js';

const id = new URLSearchParams(window.location.search).get('id');
const base = '/api/v1/casework/cases/' + encodeURIComponent(id || '');
const CHANNELS = { digital: 'E-tjänsten', paper: 'Pappersansökan', assisted: 'Med hjälp av personal' };
const SECTIONS = { riksnorm: 'Riksnorm', cost: 'Kostnader utöver riksnormen', income: 'Inkomster', need: 'Behov utöver försörjningsstöd' };
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

/** Register data and comparisons are objects from other systems: shown as a plain key–value list. */
function dataList(object) {
  if (!object || Object.keys(object).length === 0) {
    return el('p', {}, 'Inga uppgifter.');
  }
  return el('pre', { class: 'data' }, JSON.stringify(object, null, 2));
}

const LIVES = { full: 'bor här', partTime: 'umgänge del av månaden', placed: 'placerad (ingår inte i hushållet)' };

/** The application as the household stated it: household, housing, incomes, costs, assets and needs. */
function applicationSummary(content) {
  if (!content || !content.household) {
    return dataList(content);
  }
  const household = content.household;
  const people = [el('tr', {}, el('td', {}, 'Sökande'), el('td', {}, household.applicant.birthDate || ''), el('td', {}, ''))];
  if (household.coApplicant) {
    people.push(el('tr', {}, el('td', {}, 'Medsökande (' + household.coApplicant.relation + ')'),
      el('td', {}, household.coApplicant.birthDate), el('td', {}, '')));
  }
  (household.children || []).forEach((child) => people.push(el('tr', {}, el('td', {}, 'Barn: ' + child.firstName),
    el('td', {}, child.birthDate), el('td', {}, LIVES[child.livesHere] + (child.daysPerMonth ? ', ' + child.daysPerMonth + ' dagar' : '')))));
  (household.otherAdults || []).forEach((adult) => people.push(el('tr', {}, el('td', {}, 'Annan vuxen: ' + adult.firstName),
    el('td', {}, adult.birthDate), el('td', {}, adult.relation))));
  const money = (caption, rows) => rows.length === 0 ? el('p', {}, caption + ': inga.')
    : table(caption, ['Post', { text: 'Belopp', num: true }, 'Anteckning'], rows);
  const housing = content.housing || {};
  return el('div', {},
    table('Hushåll', ['Person', 'Födelsedatum', 'Boende'], people),
    money('Boende', [el('tr', {}, el('td', {}, 'Hyra (' + (housing.type || '') + ')'), el('td', { class: 'num' }, kronor(housing.rent)), el('td', {}, housing.note || '')),
      el('tr', {}, el('td', {}, 'Hushållsel'), el('td', { class: 'num' }, kronor(housing.householdElectricity)), el('td', {}, ''))]),
    money('Inkomster', (content.incomes || []).map((income) => el('tr', {}, el('td', {}, income.type + ' (' + income.person + ')'),
      el('td', { class: 'num' }, kronor(income.amount)), el('td', {}, income.note || '')))),
    money('Kostnader', Object.entries(content.costs || {}).map(([type, amount]) => el('tr', {}, el('td', {}, type),
      el('td', { class: 'num' }, kronor(amount)), el('td', {}, '')))),
    money('Tillgångar', (content.assets || []).map((asset) => el('tr', {}, el('td', {}, asset.type + ' (' + asset.owner + ')'),
      el('td', { class: 'num' }, kronor(asset.value)), el('td', {}, asset.description || '')))),
    money('Behov (livsföring i övrigt)', (content.needs || []).map((need) => el('tr', {}, el('td', {}, need.type),
      el('td', { class: 'num' }, kronor(need.amount)), el('td', {}, need.description || '')))),
    content.message ? el('p', {}, 'Meddelande: ', content.message) : '');
}

const STICKPROV_RESULTS = { confirmed: 'Handlingarna styrker uppgifterna', discrepancy: 'Avvikelse' };

function renderWarnings(proposal, stickprov) {
  const list = document.getElementById('warnings');
  if (!proposal || proposal.warnings.length === 0) {
    list.replaceChildren(el('p', {}, 'Inga varningar.'));
    return;
  }
  list.replaceChildren(...proposal.warnings.map((warning) => el('div', { class: 'warning' + (warning.acknowledged ? ' done' : '') },
    el('p', {}, el('strong', {}, warning.type), ': ', warning.message),
    warning.acknowledged
      ? el('p', {}, 'Kvitterad av ' + warning.acknowledgedBy + ' ' + dateTime(warning.acknowledgedAt),
        warning.type === 'STICKPROV' && stickprov && stickprov.result
          ? '. Resultat: ' + STICKPROV_RESULTS[stickprov.result] + (stickprov.resultNote ? ' – ' + stickprov.resultNote : '')
          : '')
      : warning.type === 'STICKPROV' ? stickprovCheck(warning)
        : el('button', { type: 'button', class: 'secondary', onclick: () => act(base + '/warnings/' + warning.id + '/acknowledge', {}, 'Varningen är kvitterad.') },
          'Kvittera varningen'))));
}

/** A stickprov is acknowledged with the check's result: confirmed, or a discrepancy that is described. */
function stickprovCheck(warning) {
  const name = 'stickprov-' + warning.id;
  const note = el('textarea', { id: name + '-note', rows: '2', maxlength: '2000' });
  const option = (value, label) => el('label', {}, el('input', { type: 'radio', name, value }), ' ', label);
  const form = el('form', { class: 'stickprov-check' },
    el('fieldset', {}, el('legend', {}, 'Resultat av stickprovskontrollen'),
      option('confirmed', 'Handlingarna styrker uppgifterna i ansökan'),
      option('discrepancy', 'Avvikelse mot uppgifterna i ansökan')),
    el('label', { for: name + '-note' }, 'Vad kontrollen visade (krävs vid avvikelse)'), note,
    el('button', { type: 'submit', class: 'secondary' }, 'Registrera resultatet och kvittera'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="' + name + '"]:checked');
    act(base + '/warnings/' + warning.id + '/acknowledge', { stickprovResult: chosen ? chosen.value : null, note: note.value },
      'Stickprovets resultat är registrerat.');
  });
  return form;
}

function renderCalculation(proposal, waitingForRules) {
  const target = document.getElementById('calculation');
  if (!proposal && waitingForRules) {
    target.replaceChildren(el('p', {}, waitingForRules.text, ' ',
      'Beräkningen görs automatiskt när reglerna har lästs in.'));
    document.getElementById('adjust-details').hidden = true;
    return;
  }
  if (!proposal) {
    target.replaceChildren(el('p', {}, 'Roboten har inte lämnat något beslutsförslag. Ärendet granskas manuellt.'));
    document.getElementById('adjust-details').hidden = true;
    return;
  }
  const calc = proposal.calculation;
  const rows = [];
  for (const section of Object.keys(SECTIONS)) {
    const lines = calc.lines.filter((line) => line.section === section);
    if (lines.length === 0) continue;
    rows.push(el('tr', {}, el('th', { scope: 'rowgroup', colspan: '4' }, SECTIONS[section])));
    for (const line of lines) {
      rows.push(el('tr', {},
        el('td', {}, line.label, line.note ? ' (' + line.note + ')' : ''),
        el('td', { class: 'num' }, line.entered !== null && line.entered !== undefined ? kronor(line.entered) : ''),
        el('td', { class: 'num' }, kronor(line.amount)),
        el('td', {}, line.originalAmount !== undefined ? 'Justerad från ' + kronor(line.originalAmount) + ': ' + line.adjustmentReason : '')));
    }
  }
  rows.push(el('tr', { class: 'total' }, el('td', {}, 'Försörjningsstöd för månaden'), el('td', {}),
    el('td', { class: 'num' }, kronor(calc.totals.forsorjningsstod)), el('td', {}, 'Exakt resultat ' + kronor(calc.totals.exactResult))));
  for (const [type, need] of Object.entries(calc.totals.needs)) {
    rows.push(el('tr', { class: 'total' }, el('td', {}, 'Beviljas: ' + type.replace('_', ' ')),
      el('td', { class: 'num' }, kronor(need.applied)), el('td', { class: 'num' }, kronor(need.granted)), el('td', {})));
  }
  target.replaceChildren(
    table('Beräkning, kronor per månad', ['Rad', { text: 'Angivet', num: true }, { text: 'Belopp', num: true }, 'Justering'], rows),
    el('p', {}, 'Regelversioner: ', Object.entries(proposal.ruleVersions).map(([key, value]) => key + ' ' + value).join(', ')),
    proposal.stickprov ? el('p', {}, el('span', { class: 'badge warn' }, 'Stickprov'), ' Granska underlagen fullt ut.') : '');
  const select = document.getElementById('adjust-line');
  select.replaceChildren(...calc.lines.map((line) => el('option', { value: line.key }, SECTIONS[line.section] + ': ' + line.label)),
    el('option', { value: 'need:new' }, 'Nytt behov (t.ex. skuld, begravning)'));
}

function renderDelegation(proposal) {
  const target = document.getElementById('delegation');
  // Approving and rejecting decide on a proposal; without one only closing the investigation is possible.
  document.getElementById('approve').hidden = !proposal;
  document.getElementById('reject-details').hidden = !proposal;
  if (!proposal) {
    target.replaceChildren(el('p', {}, 'Utan beslutsförslag kan ärendet bara avslutas utan åtgärd här.'));
    return;
  }
  target.replaceChildren(el('ul', {}, proposal.delegation.map((part) => el('li', { class: part.allowed ? 'delegation-ok' : 'delegation-no' },
    part.label + ' ' + kronor(part.amount) + ': ',
    part.allowed ? 'inom din delegation' : 'utanför din delegation – kan beslutas av ' + part.whoMay))));
  const approveButton = document.getElementById('approve-button');
  approveButton.disabled = !proposal.allWarningsAcknowledged || proposal.status !== 'awaiting_review';
  approveButton.setAttribute('aria-describedby', 'warnings-heading');
  document.getElementById('approve-motivering').value = proposal.motivering;
}

function renderDecisions() {
  const target = document.getElementById('decisions');
  const letters = view.letters.map((letter) => el('li', {},
    el('a', { href: '/api/v1/casework/letters/' + letter.id + '/pdf' }, 'Beslutsbrev ' + dateTime(letter.createdAt)),
    ' (digital brevlåda: ' + letter.mailboxStatus + ')'));
  target.replaceChildren(
    view.decisions.length === 0 ? el('p', {}, 'Inga beslut ännu.') : table('Beslut', ['Beslut', 'Utfall', { text: 'Belopp', num: true }, 'Beslutsfattare', 'Delegation', 'Datum'],
      view.decisions.map((decision) => el('tr', {}, el('td', {}, decision.type.replace('_', ' ')), el('td', {}, OUTCOMES[decision.outcome] || decision.outcome),
        el('td', { class: 'num' }, kronor(decision.amount)), el('td', {}, decision.decidedBy + ', ' + decision.title),
        el('td', {}, decision.delegationSource), el('td', {}, dateTime(decision.decidedAt))))),
    letters.length ? el('ul', {}, letters) : '');
}

function renderConversation() {
  document.getElementById('kompletteringar').replaceChildren(view.kompletteringar.length === 0
    ? el('p', {}, 'Ingen komplettering begärd.')
    : table('Begärda kompletteringar', ['Begärt', 'Senast', 'Status', 'Svar'], view.kompletteringar.map((request) => el('tr', {},
      el('td', {}, request.message), el('td', {}, dateTime(request.dueAt)),
      el('td', {}, request.status === 'open' ? (request.overdue ? 'Försenad' : 'Väntar på svar') : request.status === 'answered' ? 'Besvarad' : 'Avbruten'),
      el('td', {}, request.answerText || '')))));
  document.getElementById('messages').replaceChildren(view.messages.length === 0 ? el('p', {}, 'Inga meddelanden.')
    : table('Meddelanden', ['Tid', 'Från', 'Meddelande'], view.messages.map((message) => el('tr', {},
      el('td', {}, dateTime(message.createdAt)), el('td', {}, message.authorName + (message.unread ? ' (nytt)' : '')),
      el('td', {}, message.body)))));
  document.getElementById('attachments').replaceChildren(view.attachments.length === 0 ? el('p', {}, 'Inga bilagor.')
    : el('ul', {}, view.attachments.map((attachment) => el('li', {},
      el('a', { href: base + '/attachments/' + attachment.id }, attachment.fileName), ' (' + attachment.category + ')'))));
}

function render() {
  const c = view.case;
  document.getElementById('heading').textContent = 'Ärende ' + c.reference + ': ' + c.household;
  document.title = 'Ärende ' + c.reference + ' – Socialportalen handläggning';
  document.getElementById('facts').replaceChildren(...facts([
    ['Status', STATUSES[c.status] || c.status], ['Månad', c.month], ['Enhet', UNITS[c.unit]], ['Kanal', CHANNELS[c.channel] || c.channel],
    ['Inkommen', dateTime(c.submittedAt)], ['Skyddade personuppgifter', c.protected ? 'Ja – ingen adress visas' : 'Nej'],
    ['Förslag', view.proposal ? (OUTCOMES[view.proposal.outcome] + ' ' + kronor(view.proposal.amount)) : 'Inget'],
    ['Förra månaden', view.previousMonth ? view.previousMonth.month + ': ' + kronor(view.previousMonth.amount) : 'Inget beslut'],
  ]));
  renderWarnings(view.proposal, view.stickprov);
  renderCalculation(view.proposal, view.waitingForRules);
  renderDelegation(view.proposal);
  renderDecisions();
  renderConversation();
  document.getElementById('register').replaceChildren(dataList(view.proposal && view.proposal.registerData));
  document.getElementById('comparison').replaceChildren(dataList(view.proposal && view.proposal.comparison));
  document.getElementById('application').replaceChildren(applicationSummary(view.application));
  document.getElementById('history').replaceChildren(table('Händelser', ['Tid', 'Händelse', 'Status', 'Av'],
    view.history.map((event) => el('tr', {}, el('td', {}, dateTime(event.at)), el('td', {}, event.type),
      el('td', {}, STATUSES[event.status] || event.status || ''), el('td', {}, event.staff || event.actor)))));
  document.getElementById('trace').replaceChildren(table('Pipeline-steg', ['Steg', 'Start', { text: 'Tid (ms)', num: true }, 'Utfall', 'Utdata'],
    view.trace.map((step) => el('tr', {}, el('td', {}, step.step), el('td', {}, dateTime(step.startedAt)),
      el('td', { class: 'num' }, (step.durationMicros / 1000).toFixed(1)), el('td', {}, step.outcome),
      el('td', {}, dataList(step.output))))));
}

async function load() {
  const result = await api('GET', base);
  if (!result.ok) {
    announceError(result);
    return;
  }
  view = result.data;
  render();
}

async function act(path, body, message) {
  const result = await api('POST', path, body);
  if (!result.ok) {
    announceError(result);
    return false;
  }
  await load();
  announce(message);
  return true;
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
    if (await act(base + '/adjustments', body, 'Justeringen är sparad och beräkningen uppdaterad.')) adjust.reset();
  });
  document.getElementById('approve').addEventListener('submit', (event) => {
    event.preventDefault();
    const motivering = event.target.motivering.value;
    act(base + '/approve', { proposalId: view.proposal.id, motivering: motivering === view.proposal.motivering ? null : motivering },
      'Beslutet är fattat. Beslutsbrevet finns på Mina sidor och har skickats till den digitala brevlådan.');
  });
  const reject = document.getElementById('reject');
  reject.templateId.addEventListener('change', () => {
    const template = templates.find((candidate) => candidate.id === reject.templateId.value);
    reject.motivering.value = template ? template.text.replace('{month}', view.case.month).replace('{amount}', '0 kr') : '';
  });
  reject.addEventListener('submit', (event) => {
    event.preventDefault();
    act(base + '/reject', { proposalId: view.proposal && view.proposal.id, templateId: reject.templateId.value, motivering: reject.motivering.value },
      'Avslagsbeslutet är fattat och beslutsbrevet expedierat.');
  });
  document.getElementById('komplettering').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    if (await act(base + '/komplettering', { message: form.message.value, dueDate: form.dueDate.value },
      'Begäran om komplettering är skickad. Hushållet ser den på Mina sidor.')) form.reset();
  });
  document.getElementById('message').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await act(base + '/messages', { body: event.target.body.value }, 'Meddelandet är skickat.')) event.target.reset();
  });
  document.getElementById('close').addEventListener('submit', (event) => {
    event.preventDefault();
    act(base + '/close', { motivering: event.target.motivering.value }, 'Utredningen är avslutad utan åtgärd.');
  });
}

document.addEventListener('DOMContentLoaded', async () => {
  if (!(await requireStaffSession())) return;
  const result = await api('GET', '/api/v1/casework/templates');
  templates = result.ok ? result.data.templates : [];
  const select = document.getElementById('reject-template');
  select.replaceChildren(el('option', { value: '' }, 'Välj mall'),
    ...templates.filter((template) => template.outcome === 'avslag').map((template) => el('option', { value: template.id }, template.label)));
  setupForms();
  await load();
});
