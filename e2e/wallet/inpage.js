// Test wallet: an EIP-1193 provider announced as window.ethereum and through EIP-6963. It signs and
// sends whatever it receives (anvil's dev accounts are unlocked), as a user who clicks "confirm"
// would, and first reports each request to the test server so tests can see what reached it.
// The harness replaces __SERVER__ with the test server's URL when it copies this extension.
(() => {
  const SERVER = '__SERVER__';
  // An about:srcdoc frame has no query of its own: it takes its parent's.
  const query = new URLSearchParams(location.href === 'about:srcdoc' ? parent.location.search : location.search);
  const mode = query.get('wallet') || 'normal';
  let nextId = 1;
  const CHAIN_READS = new Set(['eth_getCode', 'eth_getTransactionCount', 'eth_getStorageAt', 'eth_getBalance', 'eth_call', 'eth_simulateV1', 'debug_traceCall']);
  const listeners = new Map();

  async function post(path, body) {
    const response = await fetch(SERVER + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response.json();
  }

  async function rpc(method, params) {
    const answer = await post('/rpc', { jsonrpc: '2.0', id: nextId++, method, params: params ?? [] });
    if (answer.error) {
      const error = new Error(answer.error.message);
      error.code = answer.error.code;
      error.data = answer.error.data;
      throw error;
    }
    return answer.result;
  }

  function emit(event, ...args) {
    // As EventEmitter does: listeners run with the emitter (the raw provider) as `this`.
    for (const fn of listeners.get(event) ?? []) fn.apply(provider, args);
  }

  async function handle(method, params) {
    await post('/wallet-log', { method, params, page: location.href });
    // A wallet that is slow to say which chain it is on (a busy browser does this to any wallet).
    if (mode === 'slow-chain' && method === 'eth_chainId') await new Promise((r) => setTimeout(r, 700));
    // A wallet whose own node is down: it knows its chain, but no read of the chain ever comes back.
    if (mode === 'no-reads' && CHAIN_READS.has(method)) return new Promise(() => {});
    switch (method) {
      case 'eth_requestAccounts':
      case 'eth_accounts':
        return (await rpc('eth_accounts')).slice(0, 1);
      case 'wallet_switchEthereumChain':
      case 'wallet_addEthereumChain':
        return null;
      case 'wallet_sendCalls': {
        const [{ from, calls }] = params;
        const hashes = [];
        for (const call of calls) hashes.push(await rpc('eth_sendTransaction', [{ from, ...call }]));
        return { id: hashes[hashes.length - 1] };
      }
      default:
        return rpc(method, params);
    }
  }

  const methods = {
    request(args) {
      return handle(args.method, args.params);
    },
    send(methodOrPayload, paramsOrCallback) {
      if (typeof methodOrPayload === 'string') return handle(methodOrPayload, paramsOrCallback);
      if (typeof paramsOrCallback === 'function') return this.sendAsync(methodOrPayload, paramsOrCallback);
      if (methodOrPayload.method === 'eth_chainId') return { id: methodOrPayload.id, jsonrpc: '2.0', result: '0x7a69' };
      throw new Error(`Test wallet: synchronous ${methodOrPayload.method} is not supported`);
    },
    sendAsync(payload, callback) {
      handle(payload.method, payload.params).then(
        (result) => callback(null, { id: payload.id, jsonrpc: '2.0', result }),
        (error) => callback(error, { id: payload.id, jsonrpc: '2.0', error: { code: error.code, message: error.message } }),
      );
    },
    enable() {
      return handle('eth_requestAccounts');
    },
    on(event, fn) {
      if (!listeners.has(event)) listeners.set(event, []);
      listeners.get(event).push(fn);
      return this;
    },
    removeListener(event, fn) {
      listeners.set(event, (listeners.get(event) ?? []).filter((f) => f !== fn));
      return this;
    },
    // MetaMask's callback entry point beneath request(), which its forks keep too.
    _rpcRequest(payload, callback) {
      return this.sendAsync(payload, callback);
    },
  };

  // ?wallet=plain and ?wallet=es5: the methods are plain `function`s (constructible, with a
  // `prototype`), as wallets compiled to ES5 have them, on the object or on a constructor's prototype;
  // plain also exposes `request` a second time as `_request` and an internal `_handle(method, params)`.
  const plainMethods = {};
  for (const [name, fn] of Object.entries(methods)) {
    plainMethods[name] = function () {
      return fn.apply(this, arguments);
    };
  }
  plainMethods._request = plainMethods.request;
  plainMethods._handle = function (method, params) {
    return handle(method, params);
  };

  // ?wallet=class: the methods live on a class prototype, as in MetaMask's provider, not on the object.
  class TestWalletProvider {}
  Object.assign(TestWalletProvider.prototype, methods);
  function Es5WalletProvider() {}
  Object.assign(Es5WalletProvider.prototype, plainMethods);
  const flags = { isMetaMask: true, isTestWallet: true };
  const provider =
    mode === 'class'
      ? Object.assign(new TestWalletProvider(), flags)
      : mode === 'es5'
        ? Object.assign(new Es5WalletProvider(), flags)
        : mode === 'plain'
          ? { ...flags, ...plainMethods }
          : { ...flags, ...methods };

  // Tests make the wallet emit its events with a DOM event, as a real wallet does when the user acts.
  window.addEventListener('testwallet:emit', (e) => emit(e.detail.event, ...e.detail.args));

  const info = Object.freeze({
    uuid: '6f1b1d3c-8b5e-4a43-9f5e-6c1b7c1e2a10',
    name: 'Test Wallet',
    icon: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32" fill="%23555"/></svg>',
    rdns: 'org.example.testwallet',
  });

  function inject() {
    if (mode === 'frozen') {
      Object.freeze(provider);
      Object.defineProperty(window, 'ethereum', { value: provider, writable: false, enumerable: true, configurable: true });
    } else {
      window.ethereum = provider;
    }
    const announce = () =>
      window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
    window.addEventListener('eip6963:requestProvider', announce);
    announce();
    window.dispatchEvent(new Event('ethereum#initialized'));
  }

  // ?late=1 (with any mode): the wallet starts after the page's first scripts, and after the firewall,
  // whichever of the two extensions the browser happens to run first.
  if (mode === 'late' || query.has('late')) setTimeout(inject, 400);
  else inject();
})();
