// Signing with BankID, for the applicant (the form's last step) and the co-applicant (the case page): start the order
// on our server, then follow it with bankid-order.js (QR for another device, the app link for this device, the
// simulator link in demo mode) until BankID says it is done.
import { followOrder } from '../bankid-order.js';
import { t } from '../i18n.js';
import { newIdempotencyKey, send } from '../api.js';

/**
 * ui: {qrArea, qr, openAppArea, openApp, simulatorArea, simulatorLink, status, cancel, choices}
 * handlers: {onComplete(state), onFailure(message)}
 */
export function signer(startPath, ui, handlers) {
  let following = null;
  let key = null;

  function status(text, kind = '') {
    ui.status.className = `status ${kind}`.trim();
    ui.status.textContent = text;
    ui.status.hidden = !text;
  }

  function reset() {
    following = null;
    ui.qrArea.hidden = true;
    ui.openAppArea.hidden = true;
    ui.simulatorArea.hidden = true;
    ui.cancel.hidden = true;
    ui.choices.hidden = false;
  }

  async function start(device) {
    // One key per attempt: a double click or a retry of the same attempt returns the same order.
    key = key || newIdempotencyKey();
    ui.choices.hidden = true;
    status(t('sign.starting'));
    const result = await send('POST', `${startPath}?device=${device === 'other' ? 'qr' : 'same'}`, {},
      { 'Idempotency-Key': key });
    if (!result.ok) {
      key = null;
      reset();
      handlers.onFailure(result.data, result.status);
      return;
    }
    const order = result.data;
    ui.qrArea.hidden = device !== 'other';
    ui.qr.hidden = device !== 'other';
    ui.openAppArea.hidden = device !== 'same';
    ui.openApp.href = order.autoStartUrl;
    if (order.simulatorUrl) {
      ui.simulatorArea.hidden = false;
      ui.simulatorLink.href = order.simulatorUrl;
    }
    ui.cancel.hidden = false;
    // The button that was pressed is hidden now: without a new place for focus a keyboard user would be sent back
    // to the top of the page. The next thing to press is the app link on this device, or Cancel while a QR is shown.
    (device === 'same' ? ui.openApp : ui.cancel).focus();
    following = followOrder(order, {
      qrImage: ui.qr,
      onStatus: (text) => status(text),
      onComplete: (state) => {
        key = null;
        reset();
        ui.choices.hidden = true;
        handlers.onComplete(state);
      },
      onFailure: (text) => {
        key = null;
        reset();
        status(text || t('sign.failed'), 'error');
        handlers.onFailure({ message: text || t('sign.failed'), fields: [] }, 200);
      },
    });
  }

  ui.cancel.addEventListener('click', async () => {
    if (following) {
      await following.cancel();
    }
    key = null;
    reset();
    status(t('sign.cancelled'));
  });
  return { start, status, reset };
}

/** The words for a signature that BankID completed but we could not use. */
export function refusalText(reason) {
  const key = `sign.refused.${reason}`;
  const text = t(key);
  return text === key ? t('sign.refused.other') : text;
}
