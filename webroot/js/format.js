// Numbers, amounts, months and dates the way people write them, in the page's language. The one place amounts in
// kronor are formatted, for every page.
import { language, locale, t } from './i18n.js';

const ZONE = 'Europe/Stockholm';

function format(iso, options) {
  return iso ? new Intl.DateTimeFormat(locale(), { timeZone: ZONE, ...options }).format(new Date(iso)) : '';
}

/** "2026-12" → "december 2026" (or the page language's words). */
export function monthName(yearMonth) {
  const [year, month] = yearMonth.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, month - 1, 1)));
}

/** "15 april 2026 10:30" — for people reading one date. */
export function dateTime(iso) {
  return format(iso, { dateStyle: 'long', timeStyle: 'short' });
}

export function date(iso) {
  return format(iso, { dateStyle: 'long' });
}

/** "måndag 20 april" — a day in a list of days. */
export function dayName(iso) {
  return format(iso, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** "måndag 20 april 2026 10:00" — a meeting's time. */
export function meetingTime(iso) {
  return format(iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "2026-04-15 10:30" — for tables, where dates are compared down a column. */
export function shortDateTime(iso) {
  return format(iso, { dateStyle: 'short', timeStyle: 'short' });
}

export function shortDate(iso) {
  return format(iso, { dateStyle: 'short' });
}

/** "10:30" — the time of day of a moment on this page (when the form was last saved, say). */
export function clockTime(date) {
  return format(date, { hour: '2-digit', minute: '2-digit' });
}

/**
 * An amount in kronor: "7 800 kr", "1 234,50 kr" (whole kronor without decimals, others with two), or only the
 * number with {unit: false} where a heading already says kronor. Nothing for a missing amount.
 */
export function kronor(amount, { unit = true } = {}) {
  if (amount === undefined || amount === null || amount === '') {
    return '';
  }
  const value = Number(amount);
  const number = new Intl.NumberFormat(locale(), { maximumFractionDigits: 2,
    minimumFractionDigits: Number.isInteger(value) ? 0 : 2 }).format(value);
  return unit ? `${number} ${t('unit.kronor')}` : number;
}

/**
 * An amount as typed ("1 250", "1250,50", "1 250 kr") → a number; anything else is returned as typed, so the server
 * can say what is wrong and the person's text is never lost.
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
