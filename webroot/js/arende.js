// One case on Mina sidor: status and what happens next, co-signing (for the co-applicant), the status timeline,
// signatures, decision and letters, payments, komplettering requests with answers and uploads, the message thread,
// attachments, the history, and withdrawal.
import { problems, send, upload } from './api.js';
import { date, dateTime, kronor, monthName } from './format.js';
import { setupLanguage, t, translate } from './i18n.js';
import { residentSession } from './session.js';
import { clearProblems, showProblems } from './bistand/errors.js';
import { element } from './bistand/fields.js';
import { refusalText, signer } from './bistand/signing.js';
import { requirementText } from './bistand/attachments-step.js';
import { renderCalculation } from './bistand/calculation.js';
import { renderReview } from './bistand/review-step.js';
import { renderContact } from './bistand/contact.js';

const $ = (id) => document.getElementById(id);
const id = new URLSearchParams(window.location.search).get('id');
let view = null;

const text = (tag, value, attributes = {}) => {
  const node = element(tag, attributes);
  node.textContent = value;
  return node;
};

function notice(message, kind = '') {
  $('notice').className = `status ${kind}`.trim();
  $('notice').textContent = message;
  $('notice').hidden = !message;
}

function fileLink(attachment) {
  const a = element('a', { href: `/api/v1/applications/${id}/attachments/${attachment.id}`, download: '' });
  a.textContent = t('file.download', { name: attachment.fileName });
  return a;
}

function renderSteps() {
  $('steps').replaceChildren(...view.steps.map((step) => {
    const li = element('li', { class: `step-${step.state}`, 'aria-current': step.state === 'current' ? 'step' : null });
    li.append(text('span', t(`stepState.${step.state}`), { class: 'step-state' }), ' ',
      text('span', t(`status.${step.status}`), { class: 'step-name' }));
    return li;
  }));
  $('history').replaceChildren(...view.history.map((event) => {
    const li = element('li');
    li.append(text('time', dateTime(event.at), { datetime: event.at }), ' ',
      text('span', t(`event.${event.type}`, { deadline: event.deadline ? dateTime(event.deadline) : '',
        dueAt: event.dueAt ? date(event.dueAt) : '', year: event.year ?? '' })));
    return li;
  }));
}

function renderSignatures() {
  const items = view.signatures.map((signature) => {
    const li = text('li', t('signature.signed', {
      who: signature.name || t(`person.${signature.role}`), when: dateTime(signature.signedAt) }));
    const receipt = element('a', { href: signature.receipt, download: '', class: 'receipt' });
    receipt.textContent = t('signature.receipt');
    li.append(' ', receipt);
    return li;
  });
  if (view.status === 'awaiting_cosignature' && view.coApplicant) {
    items.push(text('li', t('signature.waiting', { who: view.coApplicant.name || t('person.coApplicant'),
      deadline: dateTime(view.cosignDeadline) })));
  }
  if (!items.length) {
    // An application that came in some other way (registered from paper, or seeded history) has no BankID signature
    // here: saying "nobody has signed yet" about a case that has been sent in would contradict the timeline.
    const sent = !['draft', 'awaiting_cosignature'].includes(view.status);
    items.push(text('li', t(sent ? 'signature.otherWay' : 'signature.none')));
  }
  $('signatures').replaceChildren(...items);
}

function renderDecision() {
  $('decision').hidden = view.decisions.length === 0 && view.letters.length === 0;
  $('decisions').replaceChildren(...view.decisions.map((decision) => {
    const li = text('li', t('decision.line', {
      outcome: t(`outcome.${decision.outcome}`), amount: decision.amount ? kronor(decision.amount) : '',
      when: date(decision.decidedAt) }));
    li.append(' ', text('a', t('case.appealLink'), { href: `/mina-sidor/overklagande/?decision=${decision.id}` }));
    return li;
  }));
  $('letters').replaceChildren(...view.letters.map((letter) => {
    const li = element('li');
    const a = element('a', { href: `/api/v1/cases/${id}/letters/${letter.id}`, download: '' });
    a.textContent = t('decision.letter', { when: date(letter.createdAt) });
    li.append(a);
    if (letter.post) {
      li.append(' ', t(letter.post === 'sent' ? 'decision.posted' : 'decision.posting', { when: date(letter.postedAt) }));
    }
    return li;
  }));
  renderCalculation($('calculation'), view.decisions, view.previousDecisions);
  $('payments-section').hidden = view.payments.length === 0;
  // When the money comes: the payout day the payment plan chose, the day the bank paid it, or that it failed.
  $('payments').replaceChildren(...view.payments.map((payment) => text('li', t(`payment.when.${payment.status}`, {
    amount: kronor(payment.amount), date: payment.payDate ? date(payment.payDate) : '' }), {
    class: `payment-${payment.status}` })));
}

function answerForm(request) {
  const form = element('form', { novalidate: true, class: 'answer' });
  const summary = element('div', { class: 'error-summary', id: `summary-${request.id}`, tabindex: '-1', hidden: true });
  const textId = `f-answer-${request.id}`;
  const fileId = `f-answer-file-${request.id}`;
  const area = element('textarea', { id: textId, rows: 3, maxlength: 4000, 'aria-describedby': `e-answer-${request.id}` });
  const file = element('input', { type: 'file', id: fileId, accept: 'application/pdf,image/jpeg,image/png',
    'aria-describedby': `e-answer-file-${request.id}` });
  form.append(summary,
    element('div', { class: 'field' }, [text('label', t('komplettering.answer'), { for: textId }), area,
      element('p', { class: 'field-error', id: `e-answer-${request.id}`, hidden: true })]),
    element('div', { class: 'field upload' }, [text('label', t('komplettering.file'), { for: fileId }),
      text('p', t('docs.formats'), { class: 'hint' }), file,
      element('p', { class: 'field-error', id: `e-answer-file-${request.id}`, hidden: true })]),
    text('button', t('komplettering.send'), { type: 'submit' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearProblems(form);
    const ids = [];
    if (file.files.length) {
      const sent = await upload(`/api/v1/applications/${id}/attachments`, file.files[0], { purpose: 'komplettering' });
      if (!sent.ok) {
        showProblems(form, summary, problems(sent).map((p) => ({ ...p, field: `answer-file-${request.id}` })), fileId);
        return;
      }
      ids.push(sent.data.id);
    }
    const result = await send('POST', `/api/v1/cases/${id}/kompletteringar/${request.id}/answer`,
      { text: area.value, attachmentIds: ids });
    if (!result.ok) {
      showProblems(form, summary, problems(result).map((p) => ({ ...p, field: `answer-${request.id}` })), textId);
      return;
    }
    await load();
    notice(t('komplettering.sent'), 'success');
    $('komplettering-heading').focus();
  });
  return form;
}

function renderKomplettering() {
  $('komplettering').hidden = view.kompletteringar.length === 0;
  $('komplettering-list').replaceChildren(...view.kompletteringar.map((request) => {
    const box = element('article', { class: `request request-${request.status}` });
    box.append(text('h3', t('komplettering.title', { when: date(request.createdAt) })),
      text('p', request.message, { dir: 'auto' }),
      text('p', t(request.status === 'open' ? (request.overdue ? 'komplettering.overdue' : 'komplettering.due')
        : 'komplettering.answered', { due: date(request.dueAt), when: request.answeredAt ? date(request.answeredAt) : '' }),
      { class: 'request-state' }));
    if (request.items.length) {
      box.append(element('ul', {}, request.items.map((item) => text('li', requirementText({
        category: item.split('.')[0], subject: item.split('.')[1] || '' })))));
    }
    if (request.status === 'open') {
      box.append(answerForm(request));
    } else if (request.answerText) {
      box.append(text('p', t('komplettering.yourAnswer', { answer: request.answerText }), { dir: 'auto' }));
    }
    return box;
  }));
}

function renderThread() {
  $('thread').replaceChildren(...view.messages.map((message) => {
    const li = element('li', { class: message.mine ? 'mine' : message.authorKind });
    li.append(text('p', t(message.authorKind === 'staff' ? 'message.fromStaff' : 'message.fromHousehold',
      { name: message.authorName || t('person.coApplicant'), when: dateTime(message.createdAt) }), { class: 'message-meta' }),
    text('p', message.body, { class: 'message-body', dir: 'auto' }));
    message.attachments.forEach((attachment) => li.append(element('p', {}, [fileLink(attachment)])));
    return li;
  }));
  $('message-form').hidden = !view.actions.message;
}

function render() {
  $('case').hidden = false;
  $('case-heading').textContent = t('case.title', { month: monthName(view.month) });
  document.title = `${t('case.title', { month: monthName(view.month) })} – ${t('mine.title')}`;
  $('case-status').textContent = t('case.statusLine', { status: t(`status.${view.status}`) });
  // A calculation that waits for next year's amounts says so instead of the usual next step.
  $('case-next').textContent = view.waitingForRules
    ? t('case.waitingForRules', { year: view.waitingForRules.year }) : t(`next.${view.status}`);
  $('case-due').hidden = !view.contact?.decisionDue;
  $('case-due').textContent = view.contact?.decisionDue ? t('case.decisionDue', { date: date(view.contact.decisionDue) }) : '';
  renderContact($('contact'), view.contact);
  renderSteps();
  renderSignatures();
  renderDecision();
  renderKomplettering();
  renderThread();
  $('attachments').replaceChildren(...(view.attachments.length
    ? view.attachments.map((attachment) => element('li', {}, [fileLink(attachment)]))
    : [text('li', t('case.noAttachments'))]));
  $('withdraw').hidden = !view.actions.withdraw;
  $('cosign').hidden = !view.actions.cosign;
  if (view.actions.cosign) {
    $('cosign-text').textContent = t('cosign.text', { name: view.applicant.name || t('person.applicant'),
      month: monthName(view.month), deadline: dateTime(view.cosignDeadline) });
    const facts = [['cosign.incomes', view.totals.incomes], ['cosign.housing', view.totals.housing],
      ['cosign.costs', view.totals.costs], ['cosign.needs', view.totals.needs]];
    $('cosign-summary').replaceChildren(...facts.flatMap(([key, value]) => [text('dt', t(key)), text('dd', kronor(value))]));
    // Every figure and every document of what the co-applicant is about to sign, not only the totals.
    if (view.content) {
      renderReview($('cosign-details'), view, view.content, null);
    }
  }
  translate($('case'));
}

async function load() {
  const result = await send('GET', `/api/v1/cases/${id}`);
  $('loading').hidden = true;
  if (!result.ok) {
    notice(result.data.message, 'error');
    return false;
  }
  view = result.data;
  render();
  return true;
}

function wire() {
  const signing = signer(`/api/v1/applications/${id}/cosign`, {
    qrArea: $('qr-area'), qr: $('qr'), openAppArea: $('open-app-area'), openApp: $('open-app'),
    simulatorArea: $('simulator-area'), simulatorLink: $('simulator-link'), status: $('sign-status'),
    cancel: $('sign-cancel'), choices: $('cosign-choices'),
  }, {
    async onComplete(state) {
      if (state.outcome === 'refused') {
        signing.status(refusalText(state.reason), 'error');
        return;
      }
      await load();
      notice(t('sign.submitted'), 'success');
      $('case-heading').focus();
    },
    onFailure(data) {
      signing.status(data.message, 'error');
    },
  });
  $('cosign-same').addEventListener('click', () => signing.start('same'));
  $('cosign-other').addEventListener('click', () => signing.start('other'));
  $('cosign-decline').addEventListener('click', async () => {
    const result = await send('POST', `/api/v1/applications/${id}/cosign/decline`, {});
    if (result.ok) {
      window.location.assign('/mina-sidor/');
    } else {
      notice(result.data.message, 'error');
    }
  });
  $('withdraw-ask').addEventListener('click', () => {
    $('withdraw-confirm').hidden = false;
    $('withdraw-question').focus();
  });
  $('withdraw-no').addEventListener('click', () => {
    $('withdraw-confirm').hidden = true;
    $('withdraw-ask').focus();
  });
  $('withdraw-yes').addEventListener('click', async () => {
    const result = await send('POST', `/api/v1/cases/${id}/withdraw`, {});
    $('withdraw-confirm').hidden = true;
    if (result.ok) {
      await load();
      notice(t('withdraw.done'), 'success');
    } else {
      notice(result.data.message, 'error');
    }
    $('case-heading').focus();
  });
  $('message-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = $('message-form');
    clearProblems(form);
    const ids = [];
    const file = $('f-message-file');
    if (file.files.length) {
      const sent = await upload(`/api/v1/applications/${id}/attachments`, file.files[0], { purpose: 'message' });
      if (!sent.ok) {
        showProblems(form, $('message-summary'), problems(sent).map((p) => ({ ...p, field: 'message-file' })),
          'f-message-file');
        return;
      }
      ids.push(sent.data.id);
    }
    const result = await send('POST', `/api/v1/cases/${id}/messages`, { body: $('f-body').value, attachmentIds: ids });
    if (!result.ok) {
      showProblems(form, $('message-summary'), problems(result, 'body'), 'f-body');
      return;
    }
    $('f-body').value = '';
    file.value = '';
    $('message-summary').hidden = true;
    await load();
    notice(t('message.sent'), 'success');
    $('messages-heading').focus();
  });
}

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage();
  if (!(await residentSession())) {
    return;
  }
  if (await load()) {
    wire();
    if (window.location.hash) {
      document.querySelector(window.location.hash)?.querySelector('h2')?.focus();
    }
  }
  document.addEventListener('languagechange', () => view && render());
});

