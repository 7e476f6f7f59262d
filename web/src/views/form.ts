/**
 * Labelled fields with an error line each, and the API's field errors put next to their input
 * (aria-invalid + aria-describedby), as the booking form does.
 */
import { ApiError } from '../api.js';
import { h } from '../dom.js';
import { lang, t } from '../i18n.js';

export type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A field: label, input, error line. `path` is the API's name of the field (e.g. maxRide.factor). */
export function field(label: string, input: Input, path: string): HTMLElement {
  input.dataset.path = path;
  const checkbox = input instanceof HTMLInputElement && input.type === 'checkbox';
  const error = h('small', { class: 'field-error', id: `${input.id}-error` });
  return checkbox
    ? h('div', { class: 'field check' }, input, h('label', { for: input.id }, label), error)
    : h('div', { class: 'field' }, h('label', { for: input.id }, label), input, error);
}

export function clearErrors(form: HTMLElement): void {
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('aria-describedby');
  }
}

/**
 * Shows an API error: each field's message next to its input (matched by the end of its path,
 * since the API may prefix it, e.g. rules.maxRide.factor), the rest in `summary`. Focus goes to
 * the first bad field.
 */
export function showErrors(form: HTMLElement, summary: HTMLElement, err: unknown): void {
  clearErrors(form);
  if (!(err instanceof ApiError)) {
    summary.textContent = `${t('error')}: ${String(err)}`;
    return;
  }
  const inputs = [...form.querySelectorAll<Input>('[data-path]')];
  let first: Input | null = null;
  const unplaced: string[] = [];
  for (const f of err.fields) {
    const text = lang() === 'en' && f.messageEn ? f.messageEn : f.message;
    const input = inputs.find((i) => f.path === i.dataset.path || f.path.endsWith(`.${i.dataset.path}`));
    if (!input) {
      unplaced.push(`${f.path}: ${text}`);
      continue;
    }
    const line = document.getElementById(`${input.id}-error`);
    if (line) line.textContent = text;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `${input.id}-error`);
    first ??= input;
  }
  summary.textContent = [err.text(), ...unplaced].join(' ');
  first?.focus();
}
