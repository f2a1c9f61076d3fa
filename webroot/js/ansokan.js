// The application form: start a month (eligibility decided by the server), then step by step, saved on the server as
// the resident goes (so it resumes on any device), checked step by step with messages next to the fields and an
// error summary, changes since last month marked, and signed with BankID at the end.
import { newIdempotencyKey, problems, send } from './api.js';
import { clockTime, monthName } from './format.js';
import { setupLanguage, t, translate } from './i18n.js';
import { residentSession } from './session.js';
import { renderAttachments } from './bistand/attachments-step.js';
import { clearProblems, showProblems } from './bistand/errors.js';
import { fieldId } from './bistand/fields.js';
import { renderReview } from './bistand/review-step.js';
import { refusalText, signer } from './bistand/signing.js';
import { STEPS, STEP_FIELDS, collect, renderAll } from './bistand/steps.js';

const $ = (id) => document.getElementById(id);
let view = null;
let step = 'household';
let saveTimer = null;
let saving = Promise.resolve();
let startKey = null;

function announce(text) {
  $('live').textContent = '';
  window.setTimeout(() => { $('live').textContent = text; }, 50);
}

function base() {
  return `/api/v1/applications/${view.id}`;
}

function inStep(name, path) {
  return STEP_FIELDS[name].some((prefix) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`));
}

// ---- starting -------------------------------------------------------------------------------------------------

async function showStart() {
  $('start').hidden = false;
  const first = await send('GET', `/api/v1/applications/eligibility?month=${currentMonth()}`);
  if (!first.ok) {
    $('start-existing').hidden = false;
    $('start-existing').textContent = first.data.message;
    return;
  }
  const choices = $('month-choices');
  choices.replaceChildren();
  for (const [index, month] of first.data.openMonths.entries()) {
    const answer = month === first.data.month ? first.data
      : (await send('GET', `/api/v1/applications/eligibility?month=${month}`)).data;
    const id = index === 0 ? 'f-month' : `f-month-${month}`;
    const wrapper = document.createElement('div');
    wrapper.className = 'choice';
    const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'month', id, value: month });
    input.dataset.existing = answer.existing ? JSON.stringify(answer.existing) : '';
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = answer.existing
      ? t('start.monthTaken', { month: monthName(month) })
      : t(answer.kind === 'reapplication' ? 'start.monthReapply' : 'start.monthNew', { month: monthName(month) });
    wrapper.append(input, label);
    choices.append(wrapper);
    input.addEventListener('change', () => explainMonth(input));
  }
  $('start-heading').focus();
}

function currentMonth() {
  const now = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit' })
    .format(new Date());
  return now.slice(0, 7);
}

function explainMonth(input) {
  const box = $('start-existing');
  box.replaceChildren();
  box.hidden = !input.dataset.existing;
  $('start-button').hidden = Boolean(input.dataset.existing);
  if (input.dataset.existing) {
    const existing = JSON.parse(input.dataset.existing);
    const text = document.createElement('p');
    text.textContent = t(existing.role === 'coApplicant' ? 'start.existingCo' : 'start.existing');
    const link = document.createElement('a');
    link.href = existing.status === 'draft' && existing.role === 'applicant'
      ? `/ansokan/?id=${existing.id}` : `/mina-sidor/arende/?id=${existing.id}`;
    link.textContent = t(existing.status === 'draft' ? 'start.continue' : 'start.show');
    box.append(text, link);
  }
}

async function start(event) {
  event.preventDefault();
  const chosen = document.querySelector('input[name=month]:checked');
  const summary = $('start-summary');
  if (!chosen) {
    showProblems($('start-form'), summary, [{ field: 'month', error: 'month_invalid', message: t('field.month_invalid') }], 'f-month');
    return;
  }
  startKey = startKey || newIdempotencyKey();
  $('start-button').disabled = true;
  const result = await send('POST', '/api/v1/applications', { month: chosen.value }, { 'Idempotency-Key': startKey });
  $('start-button').disabled = false;
  if (result.ok) {
    window.location.assign(`/ansokan/?id=${result.data.id}`);
    return;
  }
  startKey = null;
  showProblems($('start-form'), summary, problems(result, 'month'), 'f-month');
}

// ---- the form -------------------------------------------------------------------------------------------------

const form = () => $('form');

function itemsAt(content, path) {
  return path.split('.').reduce((node, key) => node[key], content);
}

const handlers = {
  addItem(path, item) {
    const content = collect(form());
    itemsAt(content, path).push(item);
    redraw(content);
    const list = itemsAt(content, path);
    const prefix = `${path}[${list.length - 1}]`;
    const first = form().querySelector(`[data-path^="${CSS.escape(prefix)}"] input, [data-path^="${CSS.escape(prefix)}"] select`);
    first?.focus();
    scheduleSave();
  },
  removeItem(path, index) {
    const content = collect(form());
    itemsAt(content, path).splice(index, 1);
    redraw(content);
    announce(t('form.removed'));
    $(`h-${step}`).focus();
    scheduleSave();
  },
};

function redraw(content) {
  renderAll(content, { ...handlers, coApplicant: view.coApplicant });
  markChanged();
}

function markChanged() {
  form().querySelectorAll('.changed').forEach((node) => node.classList.remove('changed'));
  form().querySelectorAll('.changed-note').forEach((node) => { node.hidden = true; });
  for (const path of view.changedPaths || []) {
    const note = form().querySelector(`[data-changed-for="${CSS.escape(path)}"]`);
    if (note) {
      note.textContent = t('form.changed');
      note.hidden = false;
      note.closest('.field')?.classList.add('changed');
    }
  }
}

function showStep(name, focus = true) {
  step = name;
  document.querySelectorAll('.step').forEach((section) => { section.hidden = section.dataset.step !== name; });
  const index = STEPS.indexOf(name);
  $('back').hidden = index === 0;
  $('next').hidden = name === 'review';
  document.querySelectorAll('#step-list button').forEach((button) => {
    if (button.dataset.step === name) {
      button.setAttribute('aria-current', 'step');
    } else {
      button.removeAttribute('aria-current');
    }
  });
  document.title = `${t(`step.${name}`)} – ${t('app.title')}`;
  if (name === 'attachments') {
    renderAttachments($('area-attachments'), view, reload, announce);
  }
  if (name === 'review') {
    renderReview($('area-review'), view, collect(form()), (target) => go(target));
  }
  if (focus) {
    $(`h-${name}`).focus();
  }
}

function buildStepList() {
  const list = $('step-list');
  list.replaceChildren();
  STEPS.forEach((name, index) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button';
    button.dataset.step = name;
    button.textContent = t('steps.item', { n: index + 1, total: STEPS.length, name: t(`step.${name}`) });
    button.addEventListener('click', () => go(name));
    item.append(button);
    list.append(item);
  });
}

async function save() {
  window.clearTimeout(saveTimer);
  saving = saving.then(async () => {
    $('save-status').textContent = t('form.saving');
    const result = await send('PUT', `${base()}/content`, { content: collect(form()), step });
    if (!result.ok) {
      $('save-status').textContent = result.status === 0 ? t('form.saveFailed') : result.data.message;
      return false;
    }
    Object.assign(view, result.data);
    markChanged();
    $('save-status').textContent = t('form.saved', { time: clockTime(new Date()) });
    return true;
  });
  return saving;
}

function scheduleSave() {
  window.clearTimeout(saveTimer);
  saveTimer = window.setTimeout(save, 1500);
}

/** The full check, filtered to one step (or all for the review step). */
async function problemsFor(name) {
  const result = await send('POST', `${base()}/review`, {});
  if (result.ok) {
    return [];
  }
  const fields = problems(result, 'review');
  return name === 'review' ? fields : fields.filter((problem) => inStep(name, problem.field));
}

async function go(name) {
  await save();
  clearProblems(form());
  document.querySelectorAll('.error-summary').forEach((summary) => { summary.hidden = true; });
  showStep(name);
}

async function next() {
  if (!(await save())) {
    return;
  }
  const problems = await problemsFor(step);
  if (problems.length) {
    showProblems(form(), $(`summary-${step}`), problems, `h-${step}`);
    return;
  }
  clearProblems(form());
  $(`summary-${step}`).hidden = true;
  showStep(STEPS[STEPS.indexOf(step) + 1]);
}

async function reload(focusId) {
  const result = await send('GET', base());
  if (result.ok) {
    view = result.data;
    if (step === 'attachments') {
      renderAttachments($('area-attachments'), view, reload, announce);
    }
    if (focusId) {
      $(focusId)?.focus();
    }
  }
}

async function coApplicantChanged(event) {
  const target = event.target;
  if (target.name === 'together') {
    $('co-applicant-fields').hidden = target.value !== 'yes';
    if (target.value === 'no' && view.coApplicant) {
      const result = await send('PUT', `${base()}/co-applicant`, { personnummer: null });
      if (result.ok) {
        view.coApplicant = null;
      }
    }
    return true;
  }
  if (target.id === fieldId('coApplicant.personnummer')) {
    const value = target.value.trim();
    if (!value) {
      return true;
    }
    const result = await send('PUT', `${base()}/co-applicant`, { personnummer: value });
    if (!result.ok) {
      showProblems(form(), $('summary-household'), problems(result, 'coApplicant.personnummer'), 'h-household');
      return true;
    }
    target.value = '';
    view.coApplicant = result.data.coApplicant;
    const content = collect(form());
    redraw(content);
    announce(t('household.coSaved', { personnummer: view.coApplicant.personnummer }));
    $(fieldId('household.coApplicant.relation'))?.focus();
    return true;
  }
  return false;
}

async function openApplication(id) {
  const result = await send('GET', `/api/v1/applications/${id}`);
  if (!result.ok) {
    $('not-draft').hidden = false;
    $('not-draft').textContent = result.data.message;
    return;
  }
  view = result.data;
  if (view.status !== 'draft') {
    const box = $('not-draft');
    box.hidden = false;
    box.replaceChildren(Object.assign(document.createElement('p'), { textContent: t('app.notDraft') }),
      Object.assign(document.createElement('a'), { href: `/mina-sidor/arende/?id=${view.id}`, textContent: t('start.show') }));
    return;
  }
  $('application-form').hidden = false;
  $('month-line').textContent = t(view.kind === 'reapplication' ? 'app.monthReapply' : 'app.monthNew',
    { month: monthName(view.month) });
  if (view.previous) {
    $('reapplication-note').hidden = false;
    $('reapplication-note').textContent = t('app.prefilled', { month: monthName(view.previous.month) });
  }
  buildStepList();
  redraw(view.content);
  showStep(STEPS.includes(view.draftStep) ? view.draftStep : 'household', false);
  $('page-heading').focus();
}

function wireForm() {
  form().addEventListener('submit', (event) => event.preventDefault());
  form().addEventListener('change', async (event) => {
    if (await coApplicantChanged(event)) {
      scheduleSave();
      return;
    }
    if (event.target.dataset.kind === 'radio' && event.target.dataset.path?.endsWith('.livesHere')) {
      const days = event.target.closest('fieldset.group')?.querySelector('.days-field');
      if (days) {
        days.hidden = event.target.value !== 'partTime';
      }
    }
    if (event.target.type !== 'file') {
      scheduleSave();
    }
  });
  for (const name of ['incomes', 'assets', 'needs']) {
    $(`area-${name}`).addEventListener('additem', () => handlers.addItem(name, {}));
  }
  $('next').addEventListener('click', next);
  $('back').addEventListener('click', () => go(STEPS[Math.max(0, STEPS.indexOf(step) - 1)]));
  $('save-now').addEventListener('click', async () => {
    if (await save()) {
      window.location.assign('/mina-sidor/');
    }
  });
  const signing = signer(`/api/v1/applications/${view?.id}/sign`, {
    qrArea: $('qr-area'), qr: $('qr'), openAppArea: $('open-app-area'), openApp: $('open-app'),
    simulatorArea: $('simulator-area'), simulatorLink: $('simulator-link'), status: $('sign-status'),
    cancel: $('sign-cancel'), choices: $('sign-choices'),
  }, {
    onComplete(state) {
      if (state.outcome === 'refused') {
        signing.status(refusalText(state.reason), 'error');
        $('sign-choices').hidden = false;
        return;
      }
      signing.status(t(state.outcome === 'awaiting_cosignature' ? 'sign.awaitingCo' : 'sign.submitted'), 'success');
      window.location.assign(state.redirect);
    },
    onFailure(data) {
      if (data.fields.length) {
        showProblems(form(), $('summary-review'), data.fields, 'h-review');
      } else {
        signing.status(data.message, 'error');
      }
    },
  });
  const sign = async (device) => {
    if (!(await save())) {
      return;
    }
    const problems = await problemsFor('review');
    if (problems.length) {
      showProblems(form(), $('summary-review'), problems, 'h-review');
      return;
    }
    $('summary-review').hidden = true;
    signing.start(device);
  };
  $('sign-same').addEventListener('click', () => sign('same'));
  $('sign-other').addEventListener('click', () => sign('other'));
  // Links in an error summary may point into another step: show that step first, then the field gets focus.
  document.addEventListener('reveal', (event) => {
    const section = event.target.closest?.('.step');
    if (section && section.hidden) {
      showStep(section.dataset.step, false);
    }
  });
}

document.addEventListener('DOMContentLoaded', async () => {
  await setupLanguage();
  if (!(await residentSession())) {
    return;
  }
  $('loading').hidden = true;
  const id = new URLSearchParams(window.location.search).get('id');
  if (!id) {
    $('start-form').addEventListener('submit', start);
    await showStart();
  } else {
    await openApplication(id);
    if (view && view.status === 'draft') {
      wireForm();
    }
  }
  document.addEventListener('languagechange', async () => {
    if (view && !$('application-form').hidden) {
      const content = collect(form());
      const summaryShown = !$(`summary-${step}`).hidden;
      buildStepList();
      redraw(content);
      showStep(step, false);
      $('save-status').textContent = '';
      if (summaryShown) {
        // The messages come again, in the new language (the server reads the same language choice).
        const problems = await problemsFor(step);
        showProblems(form(), $(`summary-${step}`), problems, `h-${step}`);
      }
      $('month-line').textContent = t(view.kind === 'reapplication' ? 'app.monthReapply' : 'app.monthNew',
        { month: monthName(view.month) });
      if (view.previous) {
        $('reapplication-note').textContent = t('app.prefilled', { month: monthName(view.previous.month) });
      }
    } else if (!$('start').hidden) {
      showStart();
    }
    translate(document.body);
  });
});
