// The BankID simulator's phone page: open an order with a QR payload or an autostart token, then approve or
// cancel it as a test identity. Everything the service sent is shown with textContent, never as HTML.

const api = (path) => new URL(`api/${path}`, window.location.href).toString();

const elements = {
  identity: document.getElementById('identity'),
  openForm: document.getElementById('open-form'),
  code: document.getElementById('code'),
  openPhone: document.getElementById('open-phone'),
  order: document.getElementById('order'),
  orderRp: document.getElementById('order-rp'),
  orderType: document.getElementById('order-type'),
  orderText: document.getElementById('order-text'),
  approve: document.getElementById('approve'),
  cancel: document.getElementById('cancel'),
  status: document.getElementById('status'),
};

let currentOrder = null;

function say(message, isError = false) {
  elements.status.textContent = message;
  elements.status.classList.toggle('error', isError);
}

async function call(method, path, body) {
  const options = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(api(path), options);
  const json = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(json.message || `Simulatorn svarade ${response.status}.`);
  }
  return json;
}

function describeType(order) {
  const what = order.signing ? 'Underskrift' : 'Legitimering';
  return order.phone ? `${what} (telefonsamtal)` : what;
}

function showOrder(order) {
  currentOrder = order;
  elements.orderRp.textContent = order.rpName || 'Okänd tjänst';
  elements.orderType.textContent = describeType(order);
  elements.orderText.textContent = order.userVisibleData || 'Ingen text från tjänsten.';
  elements.approve.textContent = order.signing ? 'Skriv under' : 'Legitimera';
  elements.order.hidden = false;
  elements.approve.focus();
}

function closeOrder() {
  currentOrder = null;
  elements.order.hidden = true;
}

async function loadIdentities() {
  const { identities } = await call('GET', 'identities');
  for (const identity of identities) {
    const option = document.createElement('option');
    option.value = identity.id;
    const protectedNote = identity.skyddadFolkbokforing ? ' (skyddad folkbokföring)' : '';
    option.textContent = `${identity.name}, ${identity.personalNumber}${protectedNote}`;
    elements.identity.append(option);
  }
}

async function open(body) {
  try {
    const order = await call('POST', 'orders/open', body);
    showOrder(order);
    say('Beställningen är öppnad. Granska texten och välj.');
  } catch (error) {
    closeOrder();
    say(error.message, true);
  }
}

elements.openForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const code = elements.code.value.trim();
  if (!code) {
    say('Klistra in QR-kodens innehåll eller autostarttoken först.', true);
    elements.code.focus();
    return;
  }
  open(code.startsWith('bankid.') ? { qrData: code } : { autoStartToken: code });
});

elements.openPhone.addEventListener('click', () => open({ identityId: elements.identity.value }));

elements.approve.addEventListener('click', async () => {
  if (!currentOrder) {
    return;
  }
  try {
    await call('POST', `orders/${encodeURIComponent(currentOrder.orderRef)}/complete`,
      { identityId: elements.identity.value });
    closeOrder();
    say('Klart. Gå tillbaka till tjänsten.');
  } catch (error) {
    say(error.message, true);
  }
});

elements.cancel.addEventListener('click', async () => {
  if (!currentOrder) {
    return;
  }
  try {
    await call('POST', `orders/${encodeURIComponent(currentOrder.orderRef)}/cancel`, {});
    closeOrder();
    say('Avbrutet.');
  } catch (error) {
    say(error.message, true);
  }
});

const parameters = new URLSearchParams(window.location.search);
const prefilled = parameters.get('autostarttoken') || parameters.get('qr');
if (prefilled) {
  elements.code.value = prefilled;
}

loadIdentities().catch((error) => say(`Kunde inte hämta testpersonerna: ${error.message}`, true));
