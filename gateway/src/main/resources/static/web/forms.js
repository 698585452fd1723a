// Forms that talk to the APIs: a labelled field, and the API's field errors shown next to their fields.
import { h } from './dom.js';

let fieldCount = 0;

/**
 * A labelled field: field({label, name, type, required, hint, value, options: [[value, label]], rows, ...}).
 * The hint and the error are tied to the control with aria-describedby.
 */
export function field({ label, name, type = 'text', hint, options, rows, value, ...attributes }) {
  const id = `field-${name}-${++fieldCount}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  let control;
  const common = { id, name, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' '), ...attributes };
  if (options) {
    control = h('select', common, options.map(([optionValue, optionLabel]) =>
      h('option', { value: optionValue, selected: String(optionValue) === String(value ?? '') }, optionLabel)));
  } else if (type === 'textarea') {
    control = h('textarea', { ...common, rows: rows || 6 });
    control.value = value ?? '';
  } else if (type === 'checkbox') {
    control = h('input', { ...common, type, checked: Boolean(value) });
    return h('div', { class: 'field checkbox' }, control, h('label', { for: id }, label),
      hint && h('p', { id: hintId, class: 'hint' }, hint), h('p', { id: errorId, class: 'error', hidden: true }));
  } else {
    control = h('input', { ...common, type });
    if (value !== undefined && value !== null) {
      control.value = value;
    }
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), hint && h('p', { id: hintId, class: 'hint' }, hint),
    h('p', { id: errorId, class: 'error', hidden: true }), control);
}

/** Clears what showErrors() showed. */
export function clearErrors(form) {
  form.querySelectorAll('.error').forEach((error) => {
    error.hidden = true;
    error.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
  form.querySelector('.error-summary')?.remove();
}

/**
 * Shows an API error on a form: each field error next to its field (matched by name, also for nested names such as
 * "dateline.place"), the rest and a summary on top, then moves the focus to the summary so it is read out.
 */
export function showErrors(form, error, texts) {
  clearErrors(form);
  const unplaced = [];
  for (const { field: name, message } of error.fieldErrors || []) {
    const control = form.querySelector(`[name="${CSS.escape(name)}"]`)
      || form.querySelector(`[name="${CSS.escape(String(name).split(/[.[]/)[0])}"]`);
    const errorElement = control && document.getElementById(`${control.id}-error`);
    if (errorElement) {
      control.setAttribute('aria-invalid', 'true');
      errorElement.hidden = false;
      errorElement.textContent = message;
    } else {
      unplaced.push(`${name}: ${message}`);
    }
  }
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
    h('p', {}, error.fieldErrors?.length ? texts.fixFields : (error.message || texts.failed)),
    unplaced.length > 0 && h('ul', {}, unplaced.map((line) => h('li', {}, line))));
  form.prepend(summary);
  summary.focus();
}

/** The form's values as an object of strings (checkboxes as booleans). */
export function values(form) {
  const result = {};
  for (const control of form.elements) {
    if (!control.name) {
      continue;
    }
    result[control.name] = control.type === 'checkbox' ? control.checked : control.value.trim();
  }
  return result;
}
