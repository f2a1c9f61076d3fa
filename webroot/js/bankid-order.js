// Follows a BankID order the server has started (login or signing) until it completes or fails. The server draws the
// QR frames (the secret never reaches the browser) and calls BankID's collect at most every two seconds whatever we
// do; we poll once a second for a fresh frame and the status text in the visitor's language.
import { send } from './api.js';

const POLL_MS = 1000;

/**
 * Starts following an order.
 * order: {orderId, autoStartUrl, simulatorUrl?}
 * view:  {qrImage?: HTMLImageElement (shown for the other-device flow), onStatus(text), onComplete(result),
 *         onFailure(text)}
 * Returns {cancel()} which stops polling and cancels the order at BankID.
 */
export function followOrder(order, view) {
  let timer = null;
  let active = true;

  async function poll() {
    if (!active) {
      return;
    }
    if (view.qrImage && !view.qrImage.hidden) {
      view.qrImage.src = `/api/v1/bankid/orders/${order.orderId}/qr?frame=${Date.now()}`;
    }
    const result = await send('POST', `/api/v1/bankid/orders/${order.orderId}/collect`, {});
    if (!active) {
      return;
    }
    if (!result.ok) {
      active = false;
      view.onFailure(result.data.message);
      return;
    }
    const state = result.data;
    if (state.status === 'complete') {
      active = false;
      view.onComplete(state);
      return;
    }
    if (state.status === 'failed' || state.status === 'cancelled') {
      active = false;
      view.onFailure(state.message);
      return;
    }
    view.onStatus(state.message);
    timer = setTimeout(poll, POLL_MS);
  }

  poll();
  return {
    async cancel() {
      active = false;
      if (timer) {
        clearTimeout(timer);
      }
      await send('POST', `/api/v1/bankid/orders/${order.orderId}/cancel`, {});
    },
  };
}
