// What the familjerätt pages share: a service's name in the page's language, times grouped by day, and the words for
// statuses and meeting places.
import { language, t } from '../i18n.js';
import { dayName, clockTime } from '../format.js';

export const $ = (id) => document.getElementById(id);

/** {sv, en} → the text in the page's language (Swedish when the language has none). */
export function label(labels) {
  return labels ? (labels[language()] || labels.sv) : '';
}

/** ISO instants grouped by day in Stockholm: [{day, times: [iso]}], in order. */
export function byDay(times) {
  const days = [];
  for (const time of times) {
    const day = dayName(time);
    if (!days.length || days[days.length - 1].day !== day) {
      days.push({ day, times: [] });
    }
    days[days.length - 1].times.push(time);
  }
  return days;
}

/**
 * Radio buttons for free times, one fieldset per day; the first day's fieldset open. name: the radio group's name.
 * Returns the element; the chosen time is the checked radio's value.
 */
export function timePicker(times, name, onChoose) {
  const wrapper = document.createElement('div');
  wrapper.className = 'times';
  if (!times.length) {
    wrapper.append(Object.assign(document.createElement('p'), { textContent: t('familjeratt.noTimes') }));
    return wrapper;
  }
  byDay(times).forEach((group, index) => {
    const details = document.createElement('details');
    details.open = index === 0;
    const summary = document.createElement('summary');
    summary.textContent = t('familjeratt.dayTimes', { day: group.day, n: group.times.length });
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = group.day;
    fieldset.append(legend);
    for (const time of group.times) {
      const id = `${name}-${time.replace(/[^0-9]/g, '')}`;
      const row = document.createElement('div');
      row.className = 'choice';
      const input = Object.assign(document.createElement('input'), { type: 'radio', name, id, value: time });
      input.addEventListener('change', () => onChoose && onChoose(time));
      const text = Object.assign(document.createElement('label'), { htmlFor: id, textContent: clockTime(time) });
      row.append(input, text);
      fieldset.append(row);
    }
    details.append(summary, fieldset);
    wrapper.append(details);
  });
  return wrapper;
}

export function chosen(name) {
  const input = document.querySelector(`input[name="${name}"]:checked`);
  return input ? input.value : null;
}

export function status(element, text, kind = '') {
  element.className = `status ${kind}`.trim();
  element.textContent = text;
  element.hidden = !text;
}
