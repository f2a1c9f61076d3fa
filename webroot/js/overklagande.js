// Appealing a decision on Mina sidor (FL 44–46 §§): the decisions the resident may appeal with their last day, the
// appeals written and how each goes, and one appeal — what change is asked for and why, documents, BankID signature.
// A late appeal is warned about but never refused here: the nämnd decides whether it can be tried.
import { problems, send, upload } from './api.js';
import { date, dateTime, kronor, monthName } from './format.js';
import { setupLanguage, t, translate } from './i18n.js';
import { residentSession } from './session.js';
import { clearProblems, showProblems } from './bistand/errors.js';
import { element } from './bistand/fields.js';
import { refusalText, signer } from './bistand/signing.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(window.location.search);
let appealId = params.get('id');
let overview = null;
let appeal = null;

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

function decisionLine(decision) {
  return t('appeal.decisionLine', { type: t(`appeal.type.${decision.type}`), outcome: t(`appeal.outcome.${decision.outcome}`),
    amount: Number(decision.amount) > 0 ? kronor(decision.amount) : '', when: date(decision.decidedAt),
    month: monthName(decision.month) });
}

function renderOverview() {
  $('overview').hidden = false;
  $('decisions-empty').hidden = overview.decisions.length > 0;
  $('decisions').replaceChildren(...overview.decisions.map((decision) => {
    const li = element('li');
    li.append(text('p', decisionLine(decision)),
      text('p', t(decision.lateIfSentToday ? 'appeal.deadlinePassed' : 'appeal.deadlineLine',
        { deadline: date(decision.deadline) })));
    const link = text('a', t('appeal.start'), { href: `/mina-sidor/overklagande/?decision=${decision.id}`, class: 'button' });
    li.append(element('p', {}, [link]));
    return li;
  }));
  $('appeals-empty').hidden = overview.appeals.length > 0;
  $('appeals').replaceChildren(...overview.appeals.map((item) => {
    const li = element('li');
    const link = text('a', item.decision ? decisionLine(item.decision) : t('appeal.heading'),
      { href: `/mina-sidor/overklagande/?id=${item.id}` });
    li.append(element('p', {}, [link]), text('p', t(`appeal.status.${item.status}`)));
    return li;
  }));
  translate($('overview'));
}

function renderFiles() {
  $('files').replaceChildren(...appeal.attachments.map((file) => {
    const li = text('li', `${file.fileName} `);
    const remove = text('button', t('appeal.removeFile', { name: file.fileName }), { type: 'button', class: 'link-button' });
    remove.addEventListener('click', async () => {
      const result = await send('DELETE', `/api/v1/overklaganden/${appealId}/attachments/${file.id}`);
      if (result.ok) {
        appeal.attachments = appeal.attachments.filter((other) => other.id !== file.id);
        renderFiles();
        notice(t('appeal.fileRemoved', { name: file.fileName }), 'success');
      } else {
        notice(result.data.message, 'error');
      }
    });
    li.append(remove);
    return li;
  }));
}

function statusText() {
  if (appeal.status === 'received' && appeal.omprovning) {
    return t('appeal.status.changedInPart');
  }
  return t(`appeal.status.${appeal.status}`);
}

function renderAppeal() {
  $('appeal').hidden = false;
  const draft = appeal.status === 'draft';
  $('heading').textContent = t(draft ? 'appeal.heading' : 'appeal.sentHeading');
  $('appeal-decision').textContent = appeal.decision ? decisionLine(appeal.decision) : '';
  $('appeal-deadline').textContent = t('appeal.deadlineLine', { deadline: date(appeal.deadline) });
  $('appeal-late').hidden = !(draft ? appeal.lateIfSentToday : appeal.late);
  $('appeal-late').textContent = t(draft ? 'appeal.lateWarning' : 'appeal.lateReceived', { deadline: date(appeal.deadline) });
  $('appeal-form').hidden = !draft;
  $('status-section').hidden = draft;
  if (draft) {
    if (!$('f-changeRequested').value) {
      $('f-changeRequested').value = appeal.changeRequested;
    }
    if (!$('f-reasons').value) {
      $('f-reasons').value = appeal.reasons;
    }
    renderFiles();
  } else {
    $('status-text').textContent = statusText();
    const facts = [['appeal.fact.received', appeal.receivedAt && dateTime(appeal.receivedAt)],
      ['appeal.fact.forwardBy', appeal.status === 'received' && appeal.forwardBy && date(appeal.forwardBy)],
      ['appeal.fact.forwarded', appeal.forwardedAt && dateTime(appeal.forwardedAt)]];
    $('status-facts').replaceChildren(...facts.filter(([, value]) => value)
      .flatMap(([key, value]) => [text('dt', t(key)), text('dd', value)]));
  }
  translate($('appeal'));
}

async function loadAppeal() {
  const result = await send('GET', `/api/v1/overklaganden/${appealId}`);
  $('loading').hidden = true;
  if (!result.ok) {
    notice(result.data.message, 'error');
    return false;
  }
  appeal = result.data;
  renderAppeal();
  return true;
}

async function save() {
  const form = $('appeal-form');
  clearProblems(form);
  const result = await send('PUT', `/api/v1/overklaganden/${appealId}`,
    { changeRequested: $('f-changeRequested').value, reasons: $('f-reasons').value });
  if (!result.ok) {
    showProblems(form, $('appeal-summary'), problems(result), 'f-changeRequested');
    $('appeal-summary').focus();
    return false;
  }
  $('appeal-summary').hidden = true;
  appeal = { ...result.data, changeRequested: $('f-changeRequested').value, reasons: $('f-reasons').value };
  return true;
}

function wire() {
  const signing = signer(`/api/v1/overklaganden/${appealId}/sign`, {
    qrArea: $('qr-area'), qr: $('qr'), openAppArea: $('open-app-area'), openApp: $('open-app'),
    simulatorArea: $('simulator-area'), simulatorLink: $('simulator-link'), status: $('sign-status'),
    cancel: $('sign-cancel'), choices: $('sign-choices'),
  }, {
    async onComplete(state) {
      if (state.outcome === 'refused') {
        signing.status(refusalText(state.reason), 'error');
        return;
      }
      await loadAppeal();
      notice(t('appeal.sent'), 'success');
      $('heading').focus();
    },
    onFailure(data) {
      const form = $('appeal-form');
      const found = problems({ ok: false, data });
      if (found.length && found.some((problem) => problem.field)) {
        showProblems(form, $('appeal-summary'), found, 'f-changeRequested');
        $('appeal-summary').focus();
      } else {
        signing.status(data.message, 'error');
      }
    },
  });
  const start = async (device) => {
    if (await save()) {
      signing.start(device);
    }
  };
  $('sign-same').addEventListener('click', () => start('same'));
  $('sign-other').addEventListener('click', () => start('other'));
  $('appeal-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await save()) {
      notice(t('appeal.saved'), 'success');
    }
  });
  $('f-file').addEventListener('change', async () => {
    const form = $('appeal-form');
    const file = $('f-file');
    if (!file.files.length) {
      return;
    }
    const sent = await upload(`/api/v1/overklaganden/${appealId}/attachments`, file.files[0]);
    if (!sent.ok) {
      showProblems(form, $('appeal-summary'), problems(sent).map((p) => ({ ...p, field: 'file' })), 'f-file');
      return;
    }
    clearProblems(form);
    $('appeal-summary').hidden = true;
    file.value = '';
    appeal.attachments = [...appeal.attachments, sent.data];
    renderFiles();
    notice(t('appeal.fileAdded', { name: sent.data.fileName }), 'success');
  });
}

async function startFromDecision(decisionId) {
  const result = await send('POST', '/api/v1/overklaganden', { decisionId });
  if (!result.ok) {
    $('loading').hidden = true;
    notice(result.data.message, 'error');
    return false;
  }
  appealId = result.data.id;
  window.history.replaceState(null, '', `/mina-sidor/overklagande/?id=${appealId}`);
  return true;
}

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage();
  if (!(await residentSession())) {
    return;
  }
  const decisionId = params.get('decision');
  if (!appealId && decisionId && !(await startFromDecision(decisionId))) {
    return;
  }
  if (appealId) {
    if (await loadAppeal()) {
      wire();
    }
    document.addEventListener('languagechange', () => appeal && renderAppeal());
    return;
  }
  const result = await send('GET', '/api/v1/overklaganden');
  $('loading').hidden = true;
  if (!result.ok) {
    notice(result.data.message, 'error');
    return;
  }
  overview = result.data;
  renderOverview();
  document.addEventListener('languagechange', () => overview && renderOverview());
});
