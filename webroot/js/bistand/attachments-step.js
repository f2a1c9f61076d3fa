// The form's documents step: which documents the rules ask for (the same rules for every way of applying), an upload
// for each, other documents, and the files already uploaded (removable until the application is sent).
import { t, translate } from '../i18n.js';
import { element, errorId, fieldId } from './fields.js';
import { problemText } from './errors.js';
import { problems, send, upload } from '../api.js';

/** The words for a document asked for ({category, subject}, e.g. costReceipt + dentalCare). */
export function requirementText(requirement) {
  const subject = requirement.category === 'costReceipt' ? t(`cost.${requirement.subject}`)
    : requirement.category === 'incomeStatement' ? t(`incomeType.${requirement.subject}`)
      : requirement.category === 'needQuote' ? String(Number(requirement.subject) + 1)
        : t(`docSubject.${requirement.subject}`);
  return t(`doc.${requirement.category}`, { subject });
}

function fileRow(attachment, removable, onRemove) {
  const item = element('li');
  const name = element('span', { class: 'file-name', dir: 'auto' });
  name.textContent = attachment.fileName;
  item.append(name);
  if (removable) {
    const remove = element('button', { type: 'button', class: 'secondary small' });
    remove.textContent = t('docs.remove', { name: attachment.fileName });
    remove.addEventListener('click', () => onRemove(attachment));
    item.append(' ', remove);
  }
  return item;
}

function uploadControl(path, labelText, hintText, onFile) {
  const id = fieldId(path);
  const field = element('div', { class: 'field upload', 'data-path': path });
  const label = element('label', { for: id });
  label.textContent = labelText;
  const hint = element('p', { class: 'hint', id: `h-${id.slice(2)}` });
  hint.textContent = hintText;
  const input = element('input', { type: 'file', id, accept: 'application/pdf,image/jpeg,image/png',
    'aria-describedby': `h-${id.slice(2)} ${errorId(path)}` });
  const error = element('p', { class: 'field-error', id: errorId(path), hidden: true });
  input.addEventListener('change', () => {
    if (input.files.length) {
      onFile(input.files[0], input, error);
    }
  });
  field.append(label, hint, input, error);
  return field;
}

function showError(input, error, problem) {
  error.replaceChildren();
  const prefix = element('span', { class: 'error-prefix' });
  prefix.textContent = t('errors.prefix') + ' ';
  error.append(prefix, document.createTextNode(problem));
  error.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.closest('.field')?.classList.add('has-error');
}

/** Renders the step into root; reload() is called after every change so the view (and requirements) are current. */
export function renderAttachments(root, view, reload, announce) {
  root.replaceChildren();
  const base = `/api/v1/applications/${view.id}/attachments`;
  const byCategory = (category) => view.attachments.filter((a) => a.purpose === 'application' && a.category === category);

  async function send_(file, category, input, error) {
    announce(t('docs.uploading', { name: file.name }));
    const result = await upload(base, file, { purpose: 'application', category });
    input.value = '';
    if (!result.ok) {
      const problem = problemText(problems(result)[0]);
      showError(input, error, problem);
      announce(problem);
      input.focus();
      return;
    }
    announce(t('docs.uploaded', { name: file.name }));
    await reload(fieldId(`attachments.${category}`));
  }

  async function remove(attachment) {
    const result = await send('DELETE', `${base}/${attachment.id}`);
    announce(result.ok ? t('docs.removed', { name: attachment.fileName }) : result.data.message);
    await reload('docs-heading');
  }

  const required = element('ul', { class: 'documents' });
  if (!view.requiredAttachments.length) {
    root.append(element('p', { i18n: 'docs.noneRequired' }));
  }
  for (const requirement of view.requiredAttachments) {
    const files = byCategory(requirement.id);
    const item = element('li', { class: files.length ? 'document done' : 'document missing' });
    const title = element('h3');
    title.textContent = requirementText(requirement);
    const state = element('p', { class: 'document-state' });
    state.textContent = files.length ? t('docs.stateUploaded') : t('docs.stateMissing');
    const reason = element('p', { class: 'hint' });
    reason.textContent = t(`docs.reason.${requirement.reason}`);
    const list = element('ul', { class: 'files' });
    files.forEach((file) => list.append(fileRow(file, !file.sent, remove)));
    item.append(title, state, reason, list, uploadControl(`attachments.${requirement.id}`,
      files.length ? t('docs.addMore') : t('docs.choose'), t('docs.formats'),
      (file, input, error) => send_(file, requirement.id, input, error)));
    required.append(item);
  }
  root.append(required);

  const others = byCategory('other');
  const otherList = element('ul', { class: 'files' });
  others.forEach((file) => otherList.append(fileRow(file, !file.sent, remove)));
  root.append(element('h3', { i18n: 'docs.otherHeading' }), element('p', { class: 'hint', i18n: 'docs.otherHint' }),
    otherList, uploadControl('attachments.other', t('docs.choose'), t('docs.formats'),
      (file, input, error) => send_(file, 'other', input, error)));
  translate(root);
}
