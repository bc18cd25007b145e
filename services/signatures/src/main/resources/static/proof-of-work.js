// Solves the small proof-of-work puzzle the sign-on page asks for after a rate limit tripped. Same-origin, no
// dependencies; without JavaScript the page explains that the signer can try again later.
(function () {
  var form = document.querySelector('form[data-pow-challenge]');
  if (!form || !window.crypto || !window.crypto.subtle) { return; }
  var challenge = form.getAttribute('data-pow-challenge');
  var bits = parseInt(form.getAttribute('data-pow-bits'), 10);
  var nonceField = form.querySelector('input[name=powNonce]');
  var status = document.getElementById('pow-status');
  var encoder = new TextEncoder();

  function zeroBits(bytes) {
    var count = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { count += 8; continue; }
      for (var mask = 0x80; mask > 0 && (bytes[i] & mask) === 0; mask >>= 1) { count++; }
      break;
    }
    return count;
  }

  function attempt(nonce) {
    return crypto.subtle.digest('SHA-256', encoder.encode(challenge + ':' + nonce)).then(function (hash) {
      if (zeroBits(new Uint8Array(hash)) >= bits) {
        nonceField.value = String(nonce);
        if (status) { status.textContent = status.getAttribute('data-done'); }
        return;
      }
      return attempt(nonce + 1);
    });
  }

  attempt(0);
})();
