// Wrappers that carry calls inside a call: router multicalls, Multicall3, smart-account batches and
// Safe's MultiSend. Each hands its calls back to the aggregate, which decodes them in turn.
import { parseAbi } from 'viem';
import { MAX_NESTED_CALLS, callFamily } from './call-family';
import { decodeMultiSend, safeLibrary } from './safe';

export const multicall = callFamily(
  'Multicall',
  parseAbi([
    'function multicall(bytes[] data) payable returns (bytes[] results)',
    'function multicall(uint256 deadline, bytes[] data) payable returns (bytes[] results)',
    'function multicall(bytes32 previousBlockhash, bytes[] data) payable returns (bytes[] results)',
  ] as const),
  (c, s) => {
    // Router multicalls delegatecall into themselves: nested calls keep the signer as sender.
    const data = c.args.length === 1 ? c.args[0] : c.args[1];
    s.nested(
      data.map((d) => ({ to: s.to, value: 0n, data: d })),
      { actsAsSigner: true, label: 'multicall' },
    );
  },
);

export const multicall3 = callFamily(
  'Multicall3',
  parseAbi([
    'function aggregate((address target, bytes callData)[] calls) payable',
    'function tryAggregate(bool requireSuccess, (address target, bytes callData)[] calls) payable',
    'function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable',
    'function aggregate3Value((address target, bool allowFailure, uint256 value, bytes callData)[] calls) payable',
  ] as const),
  (c, s) => {
    const calls =
      c.functionName === 'aggregate3Value'
        ? c.args[0].map((call) => ({ to: call.target, value: call.value, data: call.callData }))
        : (c.functionName === 'tryAggregate' ? c.args[1] : c.args[0]).map((call) => ({ to: call.target, value: 0n, data: call.callData }));
    // The nested calls run as Multicall3, not as the signer.
    s.nested(calls, { actsAsSigner: false, label: 'Multicall3 call', account: s.to });
  },
);

export const smartAccount = callFamily(
  'Smart account',
  parseAbi([
    'function execute(address dest, uint256 value, bytes func)',
    'function executeBatch(address[] dest, uint256[] value, bytes[] func)',
    'function executeBatch((address target, uint256 value, bytes data)[] calls)',
    'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool)',
  ] as const),
  (c, s) => {
    const account = { actsAsSigner: true, account: s.to };
    switch (c.functionName) {
      case 'execute': {
        const [to, value, data] = c.args;
        return s.nested([{ to, value, data }], { ...account, label: 'execute' });
      }
      case 'execTransaction': {
        const [to, value, data, operation] = c.args;
        return s.safeTransaction(s.to, { to, value, data, operation });
      }
      case 'executeBatch': {
        const a = c.args;
        if (a.length === 3) {
          const [targets, values, datas] = a;
          return s.nested(
            targets.map((to, i) => ({ to, value: values[i] ?? 0n, data: datas[i] ?? '0x' })),
            { ...account, label: 'batch call' },
          );
        }
        return s.nested(
          a[0].map((call) => ({ to: call.target, value: call.value, data: call.data })),
          { ...account, label: 'batch call' },
        );
      }
    }
  },
);

export const safeMultiSend = callFamily('Safe MultiSend', parseAbi(['function multiSend(bytes transactions) payable'] as const), (c, s) => {
  // Only a delegatecall runs the batch as the Safe; a plain call runs it as the MultiSend contract.
  // A look-alike at another address was reported by the aggregate as a delegatecall to an unknown contract.
  if (!s.call.delegatecall || !safeLibrary(s.to)) return;
  const { transactions, complete } = decodeMultiSend(c.args[0], MAX_NESTED_CALLS);
  const self = s.account ?? s.to;
  if (!complete) s.control({ power: 'safe-delegatecall', subject: self, grantee: s.to, unreadable: true });
  s.nested(
    transactions.map((t) => ({ to: BigInt(t.to) === 0n ? self : t.to, value: t.value, data: t.data, delegatecall: t.operation === 1 })),
    { actsAsSigner: true, label: 'MultiSend call' },
  );
  for (const t of transactions) if (t.operation === 1 && !safeLibrary(t.to)) s.control({ power: 'safe-delegatecall', subject: self, grantee: t.to });
});
