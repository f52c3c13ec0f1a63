// Every call of the page goes through apiFetch: the one place that knows about access control. When a key is held
// for this tab (sessionStorage, never localStorage) it is sent as a bearer token; a 401 asks for a key once and
// retries. Nothing else about access control lives in the page.
const KEY = 'storemon.apiKey';

export async function apiFetch(url, options = {}, retried = false) {
  const headers = new Headers(options.headers || {});
  const key = sessionStorage.getItem(KEY);
  if (key) {
    headers.set('Authorization', `Bearer ${key}`);
  }
  const response = await fetch(url, { ...options, headers });
  if (response.status === 401 && !retried) {
    const entered = await askForKey();
    if (entered) {
      sessionStorage.setItem(KEY, entered);
      return apiFetch(url, options, true);
    }
  }
  return response;
}

function askForKey() {
  const dialog = document.getElementById('key-dialog');
  const input = document.getElementById('key-input');
  input.value = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'ok' && input.value.trim() ? input.value.trim() : null);
    }, { once: true });
    dialog.showModal();
  });
}

/** The problem an error answer names: Problem Details' detail, or the older {"error"} form. */
export async function problemOf(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    return body.detail || body.error || `${response.status} ${response.statusText}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}
