// Numbers, months and dates the way people write them, in the page's language.
import { language } from '../i18n.js';

const LOCALES = { sv: 'sv-SE', en: 'en-GB', ar: 'ar-u-nu-latn' };

function locale() {
  return LOCALES[language()] || 'sv-SE';
}

/** "2026-12" → "december 2026" (or the page language's words). */
export function monthName(yearMonth) {
  const [year, month] = yearMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, month - 1, 1)));
}

export function dateTime(iso) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' })
    .format(new Date(iso));
}

export function date(iso) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}

export function kronor(amount) {
  const value = typeof amount === 'string' ? Number(amount) : amount;
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'SEK', maximumFractionDigits: 2,
    minimumFractionDigits: Number.isInteger(value) ? 0 : 2 }).format(value || 0);
}

/**
 * An amount as typed ("1 250", "1250,50", "1 250 kr") → a number; anything else is returned as typed, so the server
 * can say what is wrong and the resident's text is never lost.
 */
export function parseAmount(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') {
    return undefined;
  }
  const cleaned = trimmed.replace(/\s|\u00a0|kr\.?$/gi, '').replace(',', '.');
  if (/^-?\d+(\.\d+)?$/.test(cleaned)) {
    return Number(cleaned);
  }
  return trimmed;
}

/** A number from the server as the person would type it ("1250,5" in Swedish). */
export function amountText(value) {
  if (value === undefined || value === null) {
    return '';
  }
  if (typeof value !== 'number') {
    return String(value);
  }
  return language() === 'sv' ? String(value).replace('.', ',') : String(value);
}

export function parseWhole(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') {
    return undefined;
  }
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}
