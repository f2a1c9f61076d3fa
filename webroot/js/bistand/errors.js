// Showing problems: an error summary at the top of the step (focused, with a link to each field) and the message
// next to each field (aria-invalid, described by the message). The message text is marked with a visible "Fel:"
// and an icon, so nothing depends on colour alone.
import { hasOwnText, t } from '../i18n.js';
import { fieldId, errorId } from './fields.js';

/**
 * The text for a problem: the page language's own text for the code when it has one (a language the server does not
 * speak, such as Arabic), else the server's message, which is in the page's language when the server speaks it.
 */
export function problemText(problem) {
  const key = `field.${problem.error}`;
  return hasOwnText(key) ? t(key) : (problem.message || t(key));
}

export function clearProblems(root) {
  root.querySelectorAll('.field-error').forEach((node) => {
    node.hidden = true;
    node.textContent = '';
  });
  root.querySelectorAll('[aria-invalid]').forEach((node) => node.removeAttribute('aria-invalid'));
  root.querySelectorAll('.field.has-error').forEach((node) => node.classList.remove('has-error'));
}

function target(path) {
  return document.getElementById(fieldId(path));
}

/**
 * Shows the problems inside root and in the summary element; returns how many could be shown. Problems whose field is
 * not on the page are listed in the summary with a link to fallbackId.
 */
export function showProblems(root, summary, problems, fallbackId) {
  clearProblems(root);
  summary.replaceChildren();
  if (!problems.length) {
    summary.hidden = true;
    return 0;
  }
  const heading = document.createElement('h2');
  heading.id = `${summary.id}-heading`;
  heading.textContent = t('errors.heading');
  const list = document.createElement('ul');
  for (const problem of problems) {
    const text = problemText(problem);
    const control = target(problem.field);
    const message = document.getElementById(errorId(problem.field));
    if (control && message) {
      message.replaceChildren();
      const prefix = document.createElement('span');
      prefix.className = 'error-prefix';
      prefix.textContent = t('errors.prefix') + ' ';
      message.append(prefix, document.createTextNode(text));
      message.hidden = false;
      control.setAttribute('aria-invalid', 'true');
      control.closest('.field')?.classList.add('has-error');
    }
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#${control ? control.id : fallbackId}`;
    // A document's message is the same for every document ("upload this document"), so the summary names which.
    const label = control && problem.field.startsWith('attachments.')
      ? (control.closest('.document')?.querySelector('h3') || document.querySelector(`label[for="${CSS.escape(control.id)}"]`))
        ?.textContent.trim() : null;
    link.textContent = label ? t('errors.named', { name: label, problem: text }) : text;
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const focusTarget = control || document.getElementById(fallbackId);
      if (focusTarget) {
        focusTarget.dispatchEvent(new CustomEvent('reveal', { bubbles: true }));
        focusTarget.focus();
        focusTarget.scrollIntoView({ block: 'center' });
      }
    });
    item.append(link);
    list.append(item);
  }
  summary.append(heading, list);
  summary.setAttribute('aria-labelledby', heading.id);
  summary.hidden = false;
  summary.focus();
  return problems.length;
}
