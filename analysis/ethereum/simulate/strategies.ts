// The three ways to learn what a request would do, best first. eth_simulateV1 runs every call of a
// batch in sequence on one copy of the state and reports value transfers as logs (traceTransfers).
// debug_traceCall with the call tracer shows the same for one call. eth_call only says whether the
// request fails, so it can report a revert but never asset changes.
import { type Address, type Hex, type PublicClient } from 'viem';
import { simulateBlocks } from 'viem/actions';
import { isTransportError, revertDataOf, revertReason, shortMessage } from './errors';
import { readLogs, type RawLog } from './logs';
import type { ApprovalChange, AssetMovement, SimulationRequest } from './types';

export interface Execution {
  via: 'eth_simulateV1' | 'debug_traceCall' | 'eth_call';
  movements: AssetMovement[];
  approvals: ApprovalChange[];
  revert?: { call: number; reason: string; data?: Hex };
  blockNumber?: bigint;
  /** eth_call only: the request does not fail, but what it moves is not known. */
  changesUnknown?: boolean;
}

export async function runSimulateV1(client: PublicClient, req: SimulationRequest): Promise<Execution> {
  const [block] = await simulateBlocks(client, {
    blocks: [{ calls: req.calls.map((c) => ({ account: req.from, to: c.to, data: c.data, value: c.value })) }],
    traceTransfers: true,
  });
  if (!block) throw new Error('eth_simulateV1 returned no block');
  const out: Execution = { via: 'eth_simulateV1', movements: [], approvals: [], blockNumber: block.number ?? undefined };
  block.calls.forEach((call, i) => {
    if (call.status === 'success') {
      const read = readLogs((call.logs ?? []) as RawLog[], i);
      out.movements.push(...read.movements);
      out.approvals.push(...read.approvals);
    } else if (!out.revert) {
      const data = (call as { data?: Hex }).data;
      out.revert = { call: i, reason: revertReason(data), ...(data && data !== '0x' ? { data } : {}) };
    }
  });
  return out;
}

interface CallFrame {
  type?: string;
  from?: Address;
  to?: Address;
  value?: Hex;
  output?: Hex;
  error?: string;
  revertReason?: string;
  logs?: RawLog[];
  calls?: CallFrame[];
}

const VALUE_FRAMES = new Set(['CALL', 'CREATE', 'CREATE2', 'SELFDESTRUCT']);

/** One call only: the tracer cannot carry state from one call to the next. */
export async function runTraceCall(client: PublicClient, req: SimulationRequest): Promise<Execution> {
  if (req.calls.length !== 1) throw new Error('debug_traceCall cannot run several calls in sequence');
  const call = req.calls[0]!;
  const top = (await client.request({
    method: 'debug_traceCall' as never,
    params: [
      { from: req.from, ...(call.to ? { to: call.to } : {}), data: call.data, value: `0x${call.value.toString(16)}` },
      'latest',
      { tracer: 'callTracer', tracerConfig: { withLog: true } },
    ] as never,
  })) as CallFrame;
  const out: Execution = { via: 'debug_traceCall', movements: [], approvals: [] };
  if (top.error) {
    const data = top.output && top.output !== '0x' ? top.output : undefined;
    out.revert = { call: 0, reason: data ? revertReason(data) : top.revertReason ? `"${top.revertReason}"` : top.error, ...(data ? { data } : {}) };
    return out;
  }
  walkFrames(top, out);
  return out;
}

function walkFrames(frame: CallFrame, out: Execution): void {
  // A sub-call that failed and was caught moved nothing: its effects were rolled back.
  if (frame.error) return;
  const value = frame.value ? BigInt(frame.value) : 0n;
  if (value > 0n && VALUE_FRAMES.has(frame.type ?? '') && frame.from && frame.to) {
    out.movements.push({ asset: { kind: 'native' }, from: frame.from, to: frame.to, amount: value.toString(), call: 0 });
  }
  // Logs and sub-calls interleave in reality; the net changes do not depend on their order.
  const read = readLogs(frame.logs ?? [], 0);
  out.movements.push(...read.movements);
  out.approvals.push(...read.approvals);
  for (const sub of frame.calls ?? []) walkFrames(sub, out);
}

/** Says whether the first call fails. Later calls of a batch depend on state it cannot carry over. */
export async function runEthCall(client: PublicClient, req: SimulationRequest): Promise<Execution> {
  const call = req.calls[0];
  const out: Execution = { via: 'eth_call', movements: [], approvals: [], changesUnknown: true };
  if (!call) return out;
  try {
    await client.call({ account: req.from, to: call.to ?? undefined, data: call.data, value: call.value });
  } catch (error) {
    if (isTransportError(error)) throw error;
    const data = revertDataOf(error);
    out.revert = { call: 0, reason: data ? revertReason(data) : `the node refuses it: ${shortMessage(error)}`, ...(data ? { data } : {}) };
    out.changesUnknown = false;
  }
  return out;
}
