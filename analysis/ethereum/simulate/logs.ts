// Reads asset movements and approvals out of event logs. ERC-20 and ERC-721 share the Transfer and
// Approval signatures and differ only in how many topics are indexed, which is how they are told
// apart here. Logs from the eth_simulateV1 pseudo-address are native value transfers (traceTransfers).
import { decodeAbiParameters, getAddress, parseAbiItem, toEventSelector, type Address, type Hex } from 'viem';
import { WRAPPED_NATIVE } from '../registry/deployments';
import type { ApprovalChange, AssetMovement } from './types';

export interface RawLog {
  address: Address;
  topics: readonly Hex[];
  data: Hex;
}

/** eth_simulateV1 reports native transfers as ERC-20 Transfer logs from this address. */
export const NATIVE_PSEUDO_TOKEN = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';

const TRANSFER = toEventSelector(parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)'));
const APPROVAL = toEventSelector(parseAbiItem('event Approval(address indexed owner, address indexed spender, uint256 value)'));
const APPROVAL_FOR_ALL = toEventSelector(parseAbiItem('event ApprovalForAll(address indexed owner, address indexed operator, bool approved)'));
const TRANSFER_SINGLE = toEventSelector(parseAbiItem('event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value)'));
const TRANSFER_BATCH = toEventSelector(parseAbiItem('event TransferBatch(address indexed operator, address indexed from, address indexed to, uint256[] ids, uint256[] values)'));
// WETH-style wrappers mint and burn without a Transfer log.
const DEPOSIT = toEventSelector(parseAbiItem('event Deposit(address indexed dst, uint256 wad)'));
const WITHDRAWAL = toEventSelector(parseAbiItem('event Withdrawal(address indexed src, uint256 wad)'));

const ZERO = '0x0000000000000000000000000000000000000000' as Address;
const UNLIMITED = 1n << 120n;

export interface LogReading {
  movements: AssetMovement[];
  approvals: ApprovalChange[];
}

export function readLogs(logs: readonly RawLog[], call: number): LogReading {
  const movements: AssetMovement[] = [];
  const approvals: ApprovalChange[] = [];
  for (const log of logs) {
    try {
      readLog(log, call, movements, approvals);
    } catch {
      // A log that does not decode as its signature promises is not an asset movement we can state.
    }
  }
  return { movements, approvals };
}

function readLog(log: RawLog, call: number, movements: AssetMovement[], approvals: ApprovalChange[]): void {
  const [topic0, t1, t2, t3] = log.topics;
  const emitter = getAddress(log.address);
  const n = log.topics.length;
  switch (topic0) {
    case TRANSFER: {
      if (n === 3 && dataWords(log.data) === 1) {
        const amount = uint(log.data);
        const native = log.address.toLowerCase() === NATIVE_PSEUDO_TOKEN;
        movements.push({ asset: native ? { kind: 'native' } : { kind: 'erc20', token: emitter }, from: topicAddress(t1), to: topicAddress(t2), amount: amount.toString(), call });
      } else if (n === 4) {
        movements.push({ asset: { kind: 'erc721', token: emitter, tokenId: BigInt(t3!).toString() }, from: topicAddress(t1), to: topicAddress(t2), amount: '1', call });
      }
      return;
    }
    case TRANSFER_SINGLE: {
      if (n !== 4) return;
      const [id, value] = decodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], log.data);
      movements.push({ asset: { kind: 'erc1155', token: emitter, tokenId: id.toString() }, from: topicAddress(t2), to: topicAddress(t3), amount: value.toString(), call });
      return;
    }
    case TRANSFER_BATCH: {
      if (n !== 4) return;
      const [ids, values] = decodeAbiParameters([{ type: 'uint256[]' }, { type: 'uint256[]' }], log.data);
      ids.forEach((id, i) =>
        movements.push({ asset: { kind: 'erc1155', token: emitter, tokenId: id.toString() }, from: topicAddress(t2), to: topicAddress(t3), amount: (values[i] ?? 0n).toString(), call }),
      );
      return;
    }
    case APPROVAL: {
      if (n === 3 && dataWords(log.data) === 1) {
        const amount = uint(log.data);
        approvals.push({ owner: topicAddress(t1), token: emitter, spender: topicAddress(t2), scope: 'amount', amount: amount.toString(), unlimited: amount >= UNLIMITED, revokes: amount === 0n, call });
      } else if (n === 4) {
        const spender = topicAddress(t2);
        approvals.push({ owner: topicAddress(t1), token: emitter, spender, scope: 'item', tokenId: BigInt(t3!).toString(), unlimited: false, revokes: spender === ZERO, call });
      }
      return;
    }
    case APPROVAL_FOR_ALL: {
      if (n !== 3) return;
      const approved = uint(log.data) !== 0n;
      approvals.push({ owner: topicAddress(t1), token: emitter, spender: topicAddress(t2), scope: 'all', unlimited: approved, revokes: !approved, call });
      return;
    }
    case DEPOSIT:
    case WITHDRAWAL: {
      if (n !== 2 || !WRAPPED_NATIVE.has(log.address.toLowerCase())) return;
      const who = topicAddress(t1);
      const amount = uint(log.data).toString();
      const asset = { kind: 'erc20' as const, token: emitter };
      movements.push(topic0 === DEPOSIT ? { asset, from: ZERO, to: who, amount, call } : { asset, from: who, to: ZERO, amount, call });
      return;
    }
  }
}

function topicAddress(topic: Hex | undefined): Address {
  if (!topic || topic.length !== 66) throw new Error('bad topic');
  return getAddress(`0x${topic.slice(26)}`);
}

function dataWords(data: Hex): number {
  return (data.length - 2) / 64;
}

function uint(data: Hex): bigint {
  return BigInt(data.slice(0, 66));
}
