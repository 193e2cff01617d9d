// Which runtime message gets which reply, as one schema per receiver in the shape of viem's
// `RpcSchema`: the senders' `send` functions and the background's handlers are typed from it, so a
// reply is never cast where it is read and a handler cannot answer with the wrong shape. The browser's
// own API answers `any`; it is read as the schema says in this file only.
//
// A reply can always be missing (`undefined`): the background drops what it does not accept, a stopped
// worker or a gone frame answers nothing. Callers must handle that, and the types make them.
import { browser } from '#imports';
import type {
  AnalyzeMessage,
  AnalyzeResponse,
  ConfirmDecideMessage,
  ConfirmGetMessage,
  DecisionMessage,
  PendingView,
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

/** What the background answers, to the bridge (the first three) and to the confirm window. */
export type BackgroundSchema = [
  { Message: AnalyzeMessage; Reply: AnalyzeResponse },
  { Message: StatusMessage; Reply: StatusReply },
  { Message: TamperMessage; Reply: null },
  /** Null when the request is decided, or the window asking is not the one opened for it. */
  { Message: ConfirmGetMessage; Reply: PendingView | null },
  /** False when the request had already been decided. */
  { Message: ConfirmDecideMessage; Reply: boolean },
];

/** What a frame's bridge answers to the background. */
export type FrameSchema = [
  /** Nothing: the promise settles once the bridge has handled it, which is what the sender waits for. */
  { Message: DecisionMessage; Reply: undefined },
  { Message: WalletReadMessage; Reply: WalletReadAnswer },
];

export type MessageOf<S extends readonly SchemaEntry[]> = S[number]['Message'];
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

/** Sends to the background; what it answers, or undefined when nothing did. */
export function sendToBackground<M extends MessageOf<BackgroundSchema>>(message: M): Promise<ReplyOf<BackgroundSchema, M> | undefined> {
  return browser.runtime.sendMessage(message);
}

/** Where in a tab a message goes: the document that made the request, or its frame when the browser gave no document id. */
export type FrameTarget = { documentId: string } | { frameId: number };

/** Sends to the bridge of one frame; what it answers, or undefined when nothing did. */
export function sendToFrame<M extends MessageOf<FrameSchema>>(tabId: number, target: FrameTarget, message: M): Promise<ReplyOf<FrameSchema, M> | undefined> {
  return browser.tabs.sendMessage(tabId, message, target);
}
