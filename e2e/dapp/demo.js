// Buttons of the demo page. The contract and friend addresses come from the query string, which the
// demo script fills in after it deployed the contracts on anvil.
const q = new URLSearchParams(location.search);
const token = q.get('token');
const friend = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
// An address nobody knows: a plain account with no history, as drainers use.
const stranger = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const log = document.getElementById('log');

const transferData = (to, amount) =>
  '0xa9059cbb' + to.slice(2).toLowerCase().padStart(64, '0') + amount.toString(16).padStart(64, '0');

const actions = {
  'send-eth': () => window.dapp.sendTransaction('viem', { to: friend, value: '0x2386f26fc10000' }),
  'transfer-token': () => window.dapp.sendTransaction('viem', { to: token, data: transferData(friend, 5n * 10n ** 18n) }),
  'approve-unlimited': () => window.dapp.approveUnlimited('viem', token, stranger),
  'eth-sign': () => window.dapp.ethSign('viem', '0x' + 'ab'.repeat(32)),
};

for (const button of document.querySelectorAll('button[data-action]')) {
  button.addEventListener('click', async () => {
    const name = button.textContent;
    log.textContent = `${name}: waiting…`;
    const outcome = await actions[button.dataset.action]();
    log.textContent = outcome.ok
      ? `${name}: done (${String(outcome.result).slice(0, 20)}…)`
      : `${name}: refused (code ${outcome.rpcCode ?? outcome.code}: ${outcome.message})`;
    log.dataset.outcome = outcome.ok ? 'done' : 'refused';
  });
}
