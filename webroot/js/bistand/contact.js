// Who to reach and when to expect an answer: the municipality's phone, opening hours and e-mail, the reply time for
// messages, and, on a case, the handläggare once one has it.
import { t } from '../i18n.js';
import { element } from './fields.js';

const line = (value) => {
  const node = element('li');
  node.textContent = value;
  return node;
};

/** Fills host (a section with a heading and an empty list .contact-lines); hidden when nothing is known. */
export function renderContact(host, contact) {
  const items = [];
  if (contact?.handlaggare) {
    items.push(line(t('contact.handlaggare', { name: contact.handlaggare })));
  }
  if (contact?.phone) {
    items.push(line(t('contact.phone', { phone: contact.phone })));
  }
  if (contact?.openingHours) {
    items.push(line(t('contact.hours', { hours: contact.openingHours })));
  }
  if (contact?.email) {
    items.push(line(t('contact.email', { email: contact.email })));
  }
  if (contact?.replyDays) {
    items.push(line(t('contact.reply', { days: contact.replyDays })));
  }
  host.querySelector('.contact-lines').replaceChildren(...items);
  host.hidden = items.length === 0;
}
