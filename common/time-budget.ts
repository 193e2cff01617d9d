// Every deadline a guarded request meets, from one chain read up to how long the bridge waits for the
// background, in one place: each wait must outlast what it waits on, and that order is written here
// once (and tested) instead of in comments beside constants in five files. No imports and no side
// effects, so the analysis (pure), the background, the bridge and the CLI can all read it.
//
// Not here: the guard's own waits (entrypoints/guard.content: how long it waits for the page's wallet
// to say its chain, and for the bridge to connect). They bound waits on the page, which no deadline
// below depends on.

/** Per chain read (an RPC call, or a read through the wallet's connection). A local node answers in milliseconds. */
const rpcMs = 1_500;
/** The whole analysis in the background; past it the user is told the request was not fully checked. */
const analysisMs = 5_000;
/** The simulation runs beside the other steps; past this the verdict goes out and the simulation joins later. */
const simulationMs = 1_500;
/** How long an `allow` whose simulation is late waits for it before the user is asked instead. */
const lateAllowWaitMs = 3_000;

/** Choosing the chain source: every node is asked at once (one read), then, if none answers, the wallet (one more). */
const sourceChoiceMs = 2 * rpcMs;
/** The longest the background takes over an analyze message before it answers (storage and windows aside). */
const backgroundAnswerMs = sourceChoiceMs + analysisMs + lateAllowWaitMs;

export const TIME_BUDGET = {
  rpcMs,
  /** Per chain read where no dapp is waiting: the scan CLI, and the default of the analysis, its readers and simulators when their caller sets none. */
  unhurriedRpcMs: 4_000,
  /** Per read of what the simulation's asset changes show: a token's name and decimals, whether a party has code. */
  tokenMetadataMs: 1_000,
  simulationMs,
  /** The simulation where no dapp is waiting (the scan CLI): long enough for every read at unhurriedRpcMs, so nothing is dropped as late. */
  unhurriedSimulationMs: 30_000,

  analysisMs,
  /** Kept back from the analysis deadline for the rules' verdict to be assembled and sent once the model has answered. */
  modelMarginMs: 300,
  /** However slow the model is (cold start, a stuck read behind a proxy), the rules' verdict waits no longer for its score. */
  modelScoreMs: 2_000,
  /** How long a request waits for a model that is still loading before it goes on without the score. */
  modelReadyWaitMs: 1_500,
  /** Finding the code behind a proxy is a nicety: past this, the proxy itself is scored. */
  proxyLookupMs: 800,
  /** The popup's view of a site waits this long at most for the domain model (its first load in a worker takes longest). */
  popupSiteModelMs: 4_000,

  lateAllowWaitMs,
  sourceChoiceMs,
  backgroundAnswerMs,

  /**
   * How long the bridge waits for the background's answer to one analyze message. Far past what the
   * background takes: a worker that is busy or just starting again (the model's wasm compiling) is
   * not stuck, but one silent this long is, and the request is refused rather than left hanging.
   */
  bridgeWaitMs: backgroundAnswerMs + 9_000,
  /** A worker stopped mid-analysis is started again by the next message, though not always at once. */
  analysisRetryDelaysMs: [1_000, 2_000],
  /** The confirm window asks again for its request when no background answered (a worker stopped as the window opened); a refusal is final. */
  viewRetryDelaysMs: [250, 500, 1_000, 2_000],
  /** How often a message in flight checks that the extension is still there (reloaded or updated: it is not). */
  orphanCheckMs: 500,
  /** How often the bridge checks on a request waiting on the user, so a lost decision ends in a rejection, not a hang. */
  statusCheckEveryMs: 3_000,
  /** How long the bridge waits for the answer to a status check or a tamper report. */
  statusWaitMs: 10_000,
  /** How long the bridge waits for the guard to relay a wallet read; longer than the background waits for it (rpcMs). */
  walletReadWaitMs: 4_000,
} as const;
