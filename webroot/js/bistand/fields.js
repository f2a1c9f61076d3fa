// Labelled form controls for the application form. Every control has a visible label (or a fieldset legend), an
// optional hint and an error message, both tied to it with aria-describedby; ids come from the field's JSON path
// (household.children[1].birthDate → f-household-children-1-birthDate), which is also how the server names problems.
import { t } from '../i18n.js';

export function fieldId(path) {
  return 'f-' + path.replace(/[[\].]+/g, '-').replace(/-$/, '');
}

export function errorId(path) {
  return 'e-' + fieldId(path).slice(2);
}

function hintId(path) {
  return 'h-' + fieldId(path).slice(2);
}

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name === 'i18n') {
      node.dataset.i18n = value;
      node.textContent = t(value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children) {
    if (child) {
      node.append(child);
    }
  }
  return node;
}

export { element };

function wrapper(path, extraClass) {
  return element('div', { class: `field ${extraClass || ''}`.trim(), 'data-path': path });
}

function describe(path, hintKey) {
  const parts = [];
  const nodes = [];
  if (hintKey) {
    nodes.push(element('p', { class: 'hint', id: hintId(path), i18n: hintKey }));
    parts.push(hintId(path));
  }
  const error = element('p', { class: 'field-error', id: errorId(path), hidden: true });
  nodes.push(error);
  parts.push(errorId(path));
  nodes.push(element('p', { class: 'changed-note', hidden: true, 'data-changed-for': path }));
  return { nodes, describedBy: parts.join(' ') };
}

/** A one-line text input. options: {path, label, hint, value, autocomplete, inputmode, width, maxlength} */
export function textField(options) {
  const id = fieldId(options.path);
  const { nodes, describedBy } = describe(options.path, options.hint);
  const input = element('input', {
    id, name: options.path, type: 'text', value: options.value ?? '', autocomplete: options.autocomplete || 'off',
    inputmode: options.inputmode, maxlength: options.maxlength, class: options.width ? `width-${options.width}` : null,
    'aria-describedby': describedBy, spellcheck: options.spellcheck === false ? 'false' : null,
    'data-kind': options.kind || 'text', dir: options.dir,
  });
  const label = element('label', { for: id, i18n: options.label });
  if (options.labelText) {
    label.removeAttribute('data-i18n');
    label.textContent = options.labelText;
  }
  const field = wrapper(options.path);
  field.append(label, ...nodes.slice(0, 1).filter((n) => n.classList.contains('hint')));
  const suffix = options.suffix ? element('span', { class: 'suffix', i18n: options.suffix, 'aria-hidden': 'true' }) : null;
  field.append(element('div', { class: 'input-row' }, [input, suffix]));
  field.append(...nodes.filter((n) => !n.classList.contains('hint')));
  return field;
}

export function amountField(options) {
  return textField({ ...options, inputmode: 'decimal', width: 'amount', kind: 'amount', suffix: 'unit.kronor',
    hint: options.hint || 'hint.amount' });
}

export function dateField(options) {
  return textField({ ...options, inputmode: 'numeric', width: 'date', kind: 'date', hint: options.hint || 'hint.date',
    maxlength: 10, dir: 'ltr' });
}

export function wholeField(options) {
  return textField({ ...options, inputmode: 'numeric', width: 'short', kind: 'whole', maxlength: 2 });
}

/** options: {path, label, hint, options: [{value, label}], value} — label keys are translated. */
export function selectField(options) {
  const id = fieldId(options.path);
  const { nodes, describedBy } = describe(options.path, options.hint);
  const select = element('select', { id, name: options.path, 'aria-describedby': describedBy, 'data-kind': 'select' });
  select.append(element('option', { value: '', i18n: 'form.choose' }));
  for (const option of options.options) {
    const node = element('option', { value: option.value });
    if (option.text) {
      node.textContent = option.text;
    } else {
      node.dataset.i18n = option.label;
      node.textContent = t(option.label);
    }
    if (String(option.value) === String(options.value ?? '')) {
      node.selected = true;
    }
    select.append(node);
  }
  const field = wrapper(options.path);
  field.append(element('label', { for: id, i18n: options.label }), ...nodes.filter((n) => n.classList.contains('hint')),
    select, ...nodes.filter((n) => !n.classList.contains('hint')));
  return field;
}

/** A group of radio buttons in a fieldset with a legend. The first radio carries the field's id. */
export function radioGroup(options) {
  const { nodes, describedBy } = describe(options.path, options.hint);
  const fieldset = element('fieldset', { class: 'field radios', 'data-path': options.path,
    'aria-describedby': describedBy });
  fieldset.append(element('legend', { i18n: options.legend }), ...nodes.filter((n) => n.classList.contains('hint')));
  options.options.forEach((option, index) => {
    const id = index === 0 ? fieldId(options.path) : `${fieldId(options.path)}-${option.value}`;
    const input = element('input', { type: 'radio', id, name: options.name || options.path, value: option.value,
      'data-kind': 'radio', 'data-path': options.path });
    input.checked = String(options.value) === String(option.value);
    fieldset.append(element('div', { class: 'choice' }, [input, element('label', { for: id, i18n: option.label })]));
  });
  fieldset.append(...nodes.filter((n) => !n.classList.contains('hint')));
  return fieldset;
}

export function checkbox(options) {
  const id = fieldId(options.path);
  const { nodes, describedBy } = describe(options.path, options.hint);
  const input = element('input', { type: 'checkbox', id, name: options.path, 'aria-describedby': describedBy,
    'data-kind': 'checkbox' });
  input.checked = options.checked === true;
  const field = wrapper(options.path, 'checkbox');
  field.append(element('div', { class: 'choice' }, [input, element('label', { for: id, i18n: options.label })]),
    ...nodes);
  return field;
}

export function textarea(options) {
  const id = fieldId(options.path);
  const { nodes, describedBy } = describe(options.path, options.hint);
  const area = element('textarea', { id, name: options.path, rows: options.rows || 4, maxlength: options.maxlength,
    'aria-describedby': describedBy, 'data-kind': 'text' });
  area.value = options.value ?? '';
  const field = wrapper(options.path);
  field.append(element('label', { for: id, i18n: options.label }), ...nodes.filter((n) => n.classList.contains('hint')),
    area, ...nodes.filter((n) => !n.classList.contains('hint')));
  return field;
}

/** The value of the control for a path inside root, or undefined when there is no such control. */
export function valueOf(root, path) {
  const radios = root.querySelectorAll(`input[type=radio][data-path="${CSS.escape(path)}"]`);
  if (radios.length) {
    const checked = Array.from(radios).find((radio) => radio.checked);
    return checked ? checked.value : undefined;
  }
  const control = root.querySelector(`#${CSS.escape(fieldId(path))}`);
  if (!control) {
    return undefined;
  }
  if (control.type === 'checkbox') {
    return control.checked;
  }
  return control.value;
}
