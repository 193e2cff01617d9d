// Which runtime message gets which reply, as one schema per receiver in the shape of viem's
// `RpcSchema`: the senders' `send` functions and the background's handlers are typed from it, so a
// reply is never cast where it is read and a handler cannot answer with the wrong shape. The browser's
// own API answers `any`; it is read as the schema says in this file only.
//
// A reply can always be missing: the background answers null to what it does not accept or could not
// handle, and a stopped worker or a gone frame answers nothing (undefined). Callers must handle both,
// and the types make them.
import { browser } from '#imports';
import type {
  AnalyzeMessage,
  AnalyzeResponse,
  BackgroundToContent,
  ConfirmDecideMessage,
  ConfirmGetMessage,
  DecisionMessage,
  ContentToBackground,
  PageToBackground,
  PendingView,
  PopupToBackground,
  SiteStatus,
  SiteStatusMessage,
  StatusMessage,
  StatusReply,
  TamperMessage,
  WalletReadAnswer,
  WalletReadMessage,
} from './messages';

interface SchemaEntry {
  Message: { type: string };
  Reply: unknown;
}

/** What the background answers, to the bridge (the first three), to the confirm window and to the popup. */
export type BackgroundSchema = [
  { Message: AnalyzeMessage; Reply: AnalyzeResponse },
  { Message: StatusMessage; Reply: StatusReply },
  { Message: TamperMessage; Reply: null },
  /** Null when the request is decided, or the window asking is not the one opened for it. */
  { Message: ConfirmGetMessage; Reply: PendingView | null },
  /** False when the request was already decided, or the window asking is not the one opened for it. */
  { Message: ConfirmDecideMessage; Reply: boolean },
  /** What the firewall knows about the popup's tab's site; null from any sender but the popup. */
  { Message: SiteStatusMessage; Reply: SiteStatus | null },
];

/** What a frame's bridge answers to the background. */
export type FrameSchema = [
  /** Nothing: the promise settles once the bridge has handled it, which is what the sender waits for. */
  { Message: DecisionMessage; Reply: undefined },
  { Message: WalletReadMessage; Reply: WalletReadAnswer },
];

export type MessageOf<S extends readonly SchemaEntry[]> = S[number]['Message'];

// The schemas list the same messages as the unions the validators return (messages.ts): a message
// added to one and not the other fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchValidators: [Same<MessageOf<BackgroundSchema>, ContentToBackground | PageToBackground | PopupToBackground>, Same<MessageOf<FrameSchema>, BackgroundToContent>] = [true, true];
void schemasMatchValidators;

/** What a send resolves to when there is no reply: null from the background that refused it, undefined when nothing answered. */
export type NoReply = null | undefined;
export type ReplyOf<S extends readonly SchemaEntry[], M extends MessageOf<S>> = Extract<S[number], { Message: { type: M['type'] } }>['Reply'];

/** One handler per message type, each answering with its type's reply. */
export type Handlers<S extends readonly SchemaEntry[], Context> = {
  [T in MessageOf<S>['type']]: (message: Extract<MessageOf<S>, { type: T }>, context: Context) => Promise<ReplyOf<S, Extract<MessageOf<S>, { type: T }>>>;
};

/** Runs the handler of `message`'s type; the message has been validated before it gets here. */
export function route<S extends readonly SchemaEntry[], Context>(handlers: Handlers<S, Context>, message: MessageOf<S>, context: Context): Promise<ReplyOf<S, MessageOf<S>>> {
  // TypeScript cannot tie the looked-up handler to the message's own type; the mapped type above does.
  const handler = handlers[message.type as MessageOf<S>['type']] as (message: MessageOf<S>, context: Context) => Promise<ReplyOf<S, MessageOf<S>>>;
  return handler(message, context);
}

/** Sends to the background; what it answers, or no reply. */
export function sendToBackground<M extends MessageOf<BackgroundSchema>>(message: M): Promise<ReplyOf<BackgroundSchema, M> | NoReply> {
  return browser.runtime.sendMessage(message);
}

/** Where in a tab a message goes: the document that made the request, or its frame when the browser gave no document id. */
export type FrameTarget = { documentId: string } | { frameId: number };

/** Sends to the bridge of one frame; what it answers, or no reply. */
export function sendToFrame<M extends MessageOf<FrameSchema>>(tabId: number, target: FrameTarget, message: M): Promise<ReplyOf<FrameSchema, M> | NoReply> {
  return browser.tabs.sendMessage(tabId, message, target);
}
