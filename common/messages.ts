// The one message protocol of the extension, as a discriminated union per boundary, with runtime
// validators for everything that starts in the page (the page may be the attacker).
import type { Severity, Verdict, WalletRequest } from '../analysis/types';

export type { WalletRequest };

/** Largest request the firewall accepts, as JSON text. Bigger ones are refused, never passed on. */
export const MAX_REQUEST_JSON_CHARS = 8 * 1024 * 1024;

// ---- guard (MAIN world) <-> bridge (ISOLATED world); sent as JSON strings over a private DOM node
export type GuardToBridge =
  | { kind: 'request'; id: string; request: WalletRequest; chainId?: string; tampered?: string }
  | { kind: 'tamper'; what: string }
  | { kind: 'read-result'; id: string; result?: unknown; error?: string; code?: number; data?: unknown };

export type BridgeToGuard =
  | { kind: 'ack' }
  | { kind: 'decision'; id: string; action: 'forward' | 'reject'; message?: string }
  /** A read for the analysis of request `guardId`, through the wallet that request was made to. */
  | { kind: 'read'; id: string; guardId: string; method: string; params: unknown[] };

/**
 * The chain reads the background may make through the wallet's own connection when no node of its
 * own answers; the guard refuses any other method.
 */
export const WALLET_READ_METHODS = [
  'eth_chainId',
  'eth_blockNumber',
  'eth_getBlockByNumber',
  'eth_getCode',
  'eth_getStorageAt',
  'eth_getBalance',
  'eth_getTransactionCount',
  'eth_call',
  'eth_estimateGas',
  'eth_simulateV1',
  'debug_traceCall',
] as const;

// ---- bridge -> background
export interface AnalyzeMessage {
  type: 'analyze';
  guardId: string;
  request: WalletRequest;
  chainId?: string;
  tampered?: string;
}
/** Is the request still waiting on the user? Asked by the bridge so a lost decision ends in a rejection. */
export interface StatusMessage {
  type: 'status';
  requestId: string;
}
export interface TamperMessage {
  type: 'tamper';
  what: string;
}
export type ContentToBackground = AnalyzeMessage | StatusMessage | TamperMessage;

export type AnalyzeResponse =
  | { type: 'decided'; action: 'forward' | 'reject'; message?: string }
  | { type: 'pending'; requestId: string };

export interface StatusReply {
  known: boolean;
}

// ---- background -> bridge
export interface DecisionMessage {
  type: 'decision';
  guardId: string;
  requestId: string;
  action: 'forward' | 'reject';
  message?: string;
}
/** A chain read through the wallet of request `guardId`, for when no node answers. */
export interface WalletReadMessage {
  type: 'wallet-read';
  guardId: string;
  method: string;
  params: unknown[];
}
export type BackgroundToContent = DecisionMessage | WalletReadMessage;

/** The bridge's answer to a `wallet-read`. */
export type WalletReadAnswer =
  | { result: unknown }
  /** The wallet answered with an error (a revert, a refused method). */
  | { error: string; code?: number; data?: unknown }
  /** No answer came: the wallet, the frame or the request is gone, or the wallet took too long. */
  | { error: string; unreachable: true };

// ---- extension pages (confirm window, popup) -> background
export type Decision = 'continue' | 'reject';
export interface ConfirmGetMessage {
  type: 'confirm/get';
  requestId: string;
}
export interface ConfirmDecideMessage {
  type: 'confirm/decide';
  requestId: string;
  decision: Decision;
  trustSite?: boolean;
}
export type PageToBackground = ConfirmGetMessage | ConfirmDecideMessage;

// ---- popup -> background
/** What the firewall knows about the site of the tab the popup was opened on. */
export interface SiteStatusMessage {
  type: 'popup/site';
  /** The tab's origin (http or https). */
  origin: string;
}
export type PopupToBackground = SiteStatusMessage;

/** A site rule's finding, in the words the confirm window uses. */
export interface SiteFinding {
  id: string;
  severity: Severity;
  title: string;
  detail: string;
}

/** The domain model's view of the site: its score, or why it was not asked. */
export type SiteModelView =
  | { kind: 'scored'; score: number; threshold: number }
  /** The lists already know the site (listed or allow-listed), or it is a local address: not the model's to judge. */
  | { kind: 'not-asked' }
  /** The model failed or took too long. */
  | { kind: 'unavailable' };

export interface SiteStatus {
  host: string;
  /** False when the site lists could not be loaded: nothing is known either way. */
  listsLoaded: boolean;
  /** The site rules' findings (lists, look-alikes, the allowlist, the model), as the window shows them. */
  findings: SiteFinding[];
  model: SiteModelView;
  /** The user chose "Continue anyway" on the full-page warning for this site. */
  openedAnyway: boolean;
}

/** Which node the analysis read the chain from: the user's, a default public one, or the wallet's connection. */
export interface CheckedOn {
  kind: 'settings' | 'default' | 'wallet';
  url?: string;
  /** Nodes passed over, and why ("https://… did not answer"). */
  passedOver: string[];
}

/** What the confirm window shows; every field here comes from the browser or the analysis. */
export interface PendingView {
  requestId: string;
  origin: string;
  frameUrl?: string;
  /** Origin of the page that asked (the frame's when a frame did): what "trust this site" trusts. */
  requester?: string;
  /** Which node the chain was read from. */
  checkedOn?: CheckedOn;
  method: string;
  request: WalletRequest;
  verdict: Verdict;
  createdAt: number;
}

// ---- validators
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const CHAIN_ID = /^0x[0-9a-fA-F]{1,64}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isWalletRequest(v: unknown): v is WalletRequest {
  return isRecord(v) && typeof v.method === 'string' && v.method.length > 0 && v.method.length <= 128;
}

/**
 * The request and what comes with it, as the guard sends them and the bridge passes them on; null if
 * anything is malformed. What the guard found changed in its frame is clipped: it only ever adds a
 * warning, so the page may send it too.
 */
function requestFields(v: Record<string, unknown>): Pick<AnalyzeMessage, 'request' | 'chainId' | 'tampered'> | null {
  if (!isWalletRequest(v.request)) return null;
  const { chainId, tampered } = v;
  if (chainId !== undefined && (typeof chainId !== 'string' || !CHAIN_ID.test(chainId))) return null;
  if (tampered !== undefined && typeof tampered !== 'string') return null;
  return { request: v.request, chainId, ...(tampered ? { tampered: tampered.slice(0, 300) } : {}) };
}

/** Validates a message from a content script. Returns null for anything malformed. */
export function parseContentMessage(v: unknown): ContentToBackground | null {
  if (!isRecord(v)) return null;
  switch (v.type) {
    case 'analyze': {
      if (typeof v.guardId !== 'string' || !ID.test(v.guardId)) return null;
      const fields = requestFields(v);
      return fields && { type: 'analyze', guardId: v.guardId, ...fields };
    }
    case 'status':
      return typeof v.requestId === 'string' && ID.test(v.requestId) ? { type: 'status', requestId: v.requestId } : null;
    case 'tamper':
      return typeof v.what === 'string' ? { type: 'tamper', what: v.what.slice(0, 200) } : null;
    default:
      return null;
  }
}

export function parsePageMessage(v: unknown): PageToBackground | null {
  if (!isRecord(v) || typeof v.requestId !== 'string' || !ID.test(v.requestId)) return null;
  if (v.type === 'confirm/get') return { type: 'confirm/get', requestId: v.requestId };
  if (v.type === 'confirm/decide' && (v.decision === 'continue' || v.decision === 'reject')) {
    return { type: 'confirm/decide', requestId: v.requestId, decision: v.decision, trustSite: v.trustSite === true };
  }
  return null;
}

/** Validates a message from the popup: only an http(s) origin is accepted, and it is read back as one. */
export function parsePopupMessage(v: unknown): PopupToBackground | null {
  if (!isRecord(v) || v.type !== 'popup/site' || typeof v.origin !== 'string' || v.origin.length > 2048) return null;
  try {
    const url = new URL(v.origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? { type: 'popup/site', origin: url.origin } : null;
  } catch {
    return null;
  }
}

/** Parses what the guard sends; the bridge runs it on every message before anything else. */
export function parseGuardMessage(text: unknown): GuardToBridge | null {
  if (typeof text !== 'string' || text.length > MAX_REQUEST_JSON_CHARS + 1024) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(v)) return null;
  if (v.kind === 'tamper' && typeof v.what === 'string') return { kind: 'tamper', what: v.what.slice(0, 200) };
  if (v.kind === 'read-result' && typeof v.id === 'string' && ID.test(v.id)) {
    if (typeof v.error !== 'string') return { kind: 'read-result', id: v.id, result: v.result };
    // A revert's data (hex) and the JSON-RPC code let the simulation say why a call would fail.
    const code = typeof v.code === 'number' ? { code: v.code } : {};
    const data = typeof v.data === 'string' && v.data.length <= 65_536 ? { data: v.data } : {};
    return { kind: 'read-result', id: v.id, error: v.error.slice(0, 300), ...code, ...data };
  }
  if (v.kind !== 'request' || typeof v.id !== 'string' || !ID.test(v.id)) return null;
  const fields = requestFields(v);
  return fields && { kind: 'request', id: v.id, ...fields };
}

export function parseBackgroundMessage(v: unknown): BackgroundToContent | null {
  if (isRecord(v) && v.type === 'wallet-read') {
    if (typeof v.guardId !== 'string' || typeof v.method !== 'string' || !Array.isArray(v.params)) return null;
    return { type: 'wallet-read', guardId: v.guardId, method: v.method, params: v.params };
  }
  if (!isRecord(v) || v.type !== 'decision') return null;
  if (typeof v.guardId !== 'string' || typeof v.requestId !== 'string') return null;
  if (v.action !== 'forward' && v.action !== 'reject') return null;
  return {
    type: 'decision',
    guardId: v.guardId,
    requestId: v.requestId,
    action: v.action,
    message: typeof v.message === 'string' ? v.message : undefined,
  };
}

/** Names of the DOM events that carry the guard <-> bridge handshake and messages. */
export const CHANNEL = {
  guardHello: 'txfw:guard-hello',
  bridgeHello: 'txfw:bridge-hello',
  toBridge: 'txfw:to-bridge',
  toGuard: 'txfw:to-guard',
} as const;
