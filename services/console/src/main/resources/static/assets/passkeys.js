// Passkeys, through Spring Security's WebAuthn endpoints: sign in with one (login page), register one (account page).
// Without JavaScript or WebAuthn the buttons stay hidden and password with code works as before.
(function () {
  "use strict";
  if (!window.PublicKeyCredential || !window.fetch) return;

  function bytes(base64url) {
    var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    var out = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out.buffer;
  }

  function text(buffer) {
    var view = new Uint8Array(buffer), binary = "";
    for (var i = 0; i < view.length; i++) binary += String.fromCharCode(view[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // the element carries the page's CSRF token for Spring Security's JSON endpoints
  function post(element, url, body) {
    var headers = { "Content-Type": "application/json" };
    headers[element.getAttribute("data-csrf-header")] = element.getAttribute("data-csrf");
    return fetch(url, { method: "POST", credentials: "same-origin", headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body) }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  function descriptors(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: bytes(c.id) }); });
  }

  function show(element, message) {
    element.textContent = message;
    element.hidden = false;
    element.focus();
  }

  var signIn = document.getElementById("passkey-sign-in");
  if (signIn) {
    signIn.hidden = false;
    signIn.querySelector("button").addEventListener("click", function () {
      var refused = document.getElementById("passkey-refused");
      refused.hidden = true;
      post(signIn, signIn.getAttribute("data-options")).then(function (options) {
        return navigator.credentials.get({ publicKey: Object.assign({}, options, {
          challenge: bytes(options.challenge), allowCredentials: descriptors(options.allowCredentials) }) });
      }).then(function (credential) {
        var r = credential.response;
        return post(signIn, signIn.getAttribute("data-login"), {
          id: credential.id, rawId: text(credential.rawId), credType: credential.type,
          response: { authenticatorData: text(r.authenticatorData), clientDataJSON: text(r.clientDataJSON),
            signature: text(r.signature), userHandle: r.userHandle ? text(r.userHandle) : undefined },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment });
      }).then(function (answer) {
        if (!answer.authenticated || !answer.redirectUrl) throw new Error("refused");
        window.location.assign(answer.redirectUrl);
      }).catch(function () { show(refused, refused.getAttribute("data-text")); });
    });
  }

  var register = document.getElementById("passkey-register");
  if (register) {
    register.hidden = false;
    register.addEventListener("submit", function (event) {
      event.preventDefault();
      var refused = document.getElementById("passkey-register-refused");
      refused.hidden = true;
      var label = register.querySelector("input[name=label]").value.trim();
      if (!label) { show(refused, register.getAttribute("data-no-label")); return; }
      post(register, register.getAttribute("data-options")).then(function (options) {
        return navigator.credentials.create({ publicKey: Object.assign({}, options, {
          challenge: bytes(options.challenge),
          user: Object.assign({}, options.user, { id: bytes(options.user.id) }),
          excludeCredentials: descriptors(options.excludeCredentials) }) });
      }).then(function (credential) {
        var r = credential.response;
        return post(register, register.getAttribute("action"), { publicKey: { label: label, credential: {
          id: credential.id, rawId: text(credential.rawId), type: credential.type,
          response: { attestationObject: text(r.attestationObject), clientDataJSON: text(r.clientDataJSON),
            transports: r.getTransports ? r.getTransports() : [] },
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment } } });
      }).then(function (answer) {
        if (!answer.success) throw new Error("refused");
        window.location.assign(register.getAttribute("data-done"));
      }).catch(function () { show(refused, refused.getAttribute("data-text")); });
    });
  }
})();
