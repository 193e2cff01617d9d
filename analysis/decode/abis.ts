// Function signatures of the standards and the protocols people use every day. Human-readable ABIs
// (viem's parseAbi) keep this short and reviewable; selectors are computed by viem, never typed in.
import { parseAbi, toFunctionSelector, type AbiFunction, type Hex } from 'viem';

export interface KnownFunction {
  family: string;
  abi: AbiFunction;
  signature: string;
}

const families: Record<string, readonly string[]> = {
  'ERC-20': [
    'function transfer(address to, uint256 amount) returns (bool)',
    'function transferFrom(address from, address to, uint256 amount) returns (bool)',
    'function approve(address spender, uint256 amount) returns (bool)',
    'function increaseAllowance(address spender, uint256 addedValue) returns (bool)',
    'function decreaseAllowance(address spender, uint256 subtractedValue) returns (bool)',
    'function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)',
    'function permit(address holder, address spender, uint256 nonce, uint256 expiry, bool allowed, uint8 v, bytes32 r, bytes32 s)',
  ],
  'ERC-721/1155': [
    'function setApprovalForAll(address operator, bool approved)',
    'function safeTransferFrom(address from, address to, uint256 tokenId)',
    'function safeTransferFrom(address from, address to, uint256 tokenId, bytes data)',
    'function safeTransferFrom(address from, address to, uint256 id, uint256 amount, bytes data)',
    'function safeBatchTransferFrom(address from, address to, uint256[] ids, uint256[] amounts, bytes data)',
  ],
  'NFT mint': [
    'function mint() payable',
    'function mint(uint256 quantity) payable',
    'function mint(address to, uint256 quantity) payable',
    'function publicMint(uint256 quantity) payable',
    'function mintPublic(uint256 quantity) payable',
    'function purchase(uint256 quantity) payable',
    'function safeMint(address to) payable',
    'function mintTo(address to) payable',
  ],
  WETH: ['function deposit() payable', 'function withdraw(uint256 amount)'],
  Permit2: [
    'function approve(address token, address spender, uint160 amount, uint48 expiration)',
    'function permit(address owner, ((address token, uint160 amount, uint48 expiration, uint48 nonce) details, address spender, uint256 sigDeadline) permitSingle, bytes signature)',
    'function permit(address owner, ((address token, uint160 amount, uint48 expiration, uint48 nonce)[] details, address spender, uint256 sigDeadline) permitBatch, bytes signature)',
    'function transferFrom(address from, address to, uint160 amount, address token)',
    'function transferFrom((address from, address to, uint160 amount, address token)[] transferDetails)',
    'function lockdown((address token, address spender)[] approvals)',
    'function invalidateNonces(address token, address spender, uint48 newNonce)',
  ],
  'Uniswap V2 router': [
    'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
    'function swapTokensForExactTokens(uint256 amountOut, uint256 amountInMax, address[] path, address to, uint256 deadline)',
    'function swapExactETHForTokens(uint256 amountOutMin, address[] path, address to, uint256 deadline) payable',
    'function swapTokensForExactETH(uint256 amountOut, uint256 amountInMax, address[] path, address to, uint256 deadline)',
    'function swapExactTokensForETH(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
    'function swapETHForExactTokens(uint256 amountOut, address[] path, address to, uint256 deadline) payable',
    'function swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
    'function swapExactETHForTokensSupportingFeeOnTransferTokens(uint256 amountOutMin, address[] path, address to, uint256 deadline) payable',
    'function swapExactTokensForETHSupportingFeeOnTransferTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
    'function addLiquidity(address tokenA, address tokenB, uint256 amountADesired, uint256 amountBDesired, uint256 amountAMin, uint256 amountBMin, address to, uint256 deadline)',
    'function addLiquidityETH(address token, uint256 amountTokenDesired, uint256 amountTokenMin, uint256 amountETHMin, address to, uint256 deadline) payable',
    'function removeLiquidity(address tokenA, address tokenB, uint256 liquidity, uint256 amountAMin, uint256 amountBMin, address to, uint256 deadline)',
    'function removeLiquidityETH(address token, uint256 liquidity, uint256 amountTokenMin, uint256 amountETHMin, address to, uint256 deadline)',
  ],
  'Uniswap V3 router': [
    'function exactInputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 deadline, uint256 amountIn, uint256 amountOutMinimum, uint160 sqrtPriceLimitX96) params) payable',
    'function exactInput((bytes path, address recipient, uint256 deadline, uint256 amountIn, uint256 amountOutMinimum) params) payable',
    'function exactOutputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 deadline, uint256 amountOut, uint256 amountInMaximum, uint160 sqrtPriceLimitX96) params) payable',
    'function exactOutput((bytes path, address recipient, uint256 deadline, uint256 amountOut, uint256 amountInMaximum) params) payable',
    // SwapRouter02 dropped the deadline from the structs (it moved to multicall).
    'function exactInputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 amountIn, uint256 amountOutMinimum, uint160 sqrtPriceLimitX96) params) payable',
    'function exactInput((bytes path, address recipient, uint256 amountIn, uint256 amountOutMinimum) params) payable',
    'function exactOutputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 amountOut, uint256 amountInMaximum, uint160 sqrtPriceLimitX96) params) payable',
    'function exactOutput((bytes path, address recipient, uint256 amountOut, uint256 amountInMaximum) params) payable',
    'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to) payable',
    'function swapTokensForExactTokens(uint256 amountOut, uint256 amountInMax, address[] path, address to) payable',
    'function unwrapWETH9(uint256 amountMinimum, address recipient) payable',
    'function unwrapWETH9(uint256 amountMinimum) payable',
    'function sweepToken(address token, uint256 amountMinimum, address recipient) payable',
    'function refundETH() payable',
    'function selfPermit(address token, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) payable',
  ],
  'Uniswap Universal Router': [
    'function execute(bytes commands, bytes[] inputs, uint256 deadline) payable',
    'function execute(bytes commands, bytes[] inputs) payable',
  ],
  Multicall: [
    'function multicall(bytes[] data) payable returns (bytes[] results)',
    'function multicall(uint256 deadline, bytes[] data) payable returns (bytes[] results)',
    'function multicall(bytes32 previousBlockhash, bytes[] data) payable returns (bytes[] results)',
  ],
  Multicall3: [
    'function aggregate((address target, bytes callData)[] calls) payable',
    'function tryAggregate(bool requireSuccess, (address target, bytes callData)[] calls) payable',
    'function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable',
    'function aggregate3Value((address target, bool allowFailure, uint256 value, bytes callData)[] calls) payable',
  ],
  'Smart account': [
    'function execute(address dest, uint256 value, bytes func)',
    'function executeBatch(address[] dest, uint256[] value, bytes[] func)',
    'function executeBatch((address target, uint256 value, bytes data)[] calls)',
    'function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool)',
  ],
  '1inch router': [
    'function swap(address executor, (address srcToken, address dstToken, address srcReceiver, address dstReceiver, uint256 amount, uint256 minReturnAmount, uint256 flags) desc, bytes permit, bytes data) payable',
    'function swap(address executor, (address srcToken, address dstToken, address srcReceiver, address dstReceiver, uint256 amount, uint256 minReturnAmount, uint256 flags) desc, bytes data) payable',
  ],
  '0x exchange proxy': [
    'function transformERC20(address inputToken, address outputToken, uint256 inputTokenAmount, uint256 minOutputTokenAmount, (uint32 deploymentNonce, bytes data)[] transformations) payable',
    'function sellToUniswap(address[] tokens, uint256 sellAmount, uint256 minBuyAmount, bool isSushi) payable',
  ],
  // Handing over control. Signatures as in the compiled ABIs of @openzeppelin/contracts 5.x and 4.9
  // (build/contracts/{Ownable,Ownable2Step,ITransparentUpgradeableProxy,UUPSUpgradeable,UpgradeableBeacon,
  // ProxyAdmin,AccessControl,AccessControlDefaultAdminRules}.json) and @safe-global/safe-smart-account 1.5.0
  // (build/artifacts/contracts/Safe.sol/Safe.json, libraries/MultiSend.sol/MultiSend.json); abis.test.ts
  // checks each one against those artifacts.
  Ownable: ['function transferOwnership(address newOwner)', 'function renounceOwnership()', 'function acceptOwnership()'],
  'Upgradeable proxy': [
    // OZ 4.x TransparentUpgradeableProxy (admin functions), UUPSUpgradeable, UpgradeableBeacon; 5.x keeps only upgradeToAndCall.
    'function changeAdmin(address newAdmin)',
    'function upgradeTo(address newImplementation)',
    'function upgradeToAndCall(address newImplementation, bytes data) payable',
  ],
  ProxyAdmin: [
    'function changeProxyAdmin(address proxy, address newAdmin)',
    'function upgrade(address proxy, address implementation)',
    'function upgradeAndCall(address proxy, address implementation, bytes data) payable',
  ],
  AccessControl: [
    'function grantRole(bytes32 role, address account)',
    'function renounceRole(bytes32 role, address callerConfirmation)',
    'function beginDefaultAdminTransfer(address newAdmin)',
    'function acceptDefaultAdminTransfer()',
  ],
  'Safe settings': [
    'function addOwnerWithThreshold(address owner, uint256 _threshold)',
    'function removeOwner(address prevOwner, address owner, uint256 _threshold)',
    'function swapOwner(address prevOwner, address oldOwner, address newOwner)',
    'function changeThreshold(uint256 _threshold)',
    'function enableModule(address module)',
    'function setGuard(address guard)',
    'function setModuleGuard(address moduleGuard)',
    'function setFallbackHandler(address handler)',
  ],
  'Safe MultiSend': ['function multiSend(bytes transactions) payable'],
  // Wyvern's OwnedUpgradeabilityProxy, the per-user proxy of OpenSea's old registry (upgradeTo/upgradeToAndCall
  // share the selectors above): ProjectWyvern/wyvern-ethereum 7c95123e, contracts/registry/proxy/OwnedUpgradeabilityProxy.sol.
  'Wyvern proxy': ['function transferProxyOwnership(address newOwner)'],
  // ENS registry and .eth registrar: ensdomains/ens-contracts 23aba620, contracts/registry/ENS.sol and
  // contracts/ethregistrar/BaseRegistrar.sol.
  ENS: ['function setOwner(bytes32 node, address owner)', 'function setRecord(bytes32 node, address owner, address resolver, uint64 ttl)', 'function reclaim(uint256 id, address owner)'],
  // Drainer kits name their payable function so the wallet shows a reassuring word.
  'scam-typical': [
    'function claim() payable',
    'function Claim() payable',
    'function claimReward() payable',
    'function ClaimReward() payable',
    'function claimRewards() payable',
    'function ClaimRewards() payable',
    'function securityUpdate() payable',
    'function SecurityUpdate() payable',
    'function connect() payable',
    'function Connect() payable',
    'function Execute() payable',
    'function Multicall() payable',
    'function verify() payable',
    'function Verify() payable',
    'function airdrop() payable',
    'function Airdrop() payable',
    'function NetworkMerge() payable',
    'function Enable() payable',
    'function Activate() payable',
    'function Register() payable',
    'function Swap() payable',
  ],
};

export const SCAM_TYPICAL_FAMILY = 'scam-typical';

/** selector -> known functions with that selector (several families may share one, e.g. transferFrom). */
export const knownFunctions: ReadonlyMap<Hex, KnownFunction[]> = buildIndex();

function buildIndex(): Map<Hex, KnownFunction[]> {
  const index = new Map<Hex, KnownFunction[]>();
  for (const [family, signatures] of Object.entries(families)) {
    for (const item of parseAbi(signatures as readonly string[])) {
      if (item.type !== 'function') continue;
      const signature = `${item.name}(${item.inputs.map(formatType).join(',')})`;
      const selector = toFunctionSelector(item);
      const list = index.get(selector) ?? [];
      // The same signature in two families (ERC-20 and ERC-721 transferFrom) keeps the first.
      if (!list.some((k) => k.signature === signature)) list.push({ family, abi: item, signature });
      index.set(selector, list);
    }
  }
  return index;
}

function formatType(p: { type: string; components?: readonly { type: string }[] }): string {
  if (!p.type.startsWith('tuple')) return p.type;
  return `(${(p.components ?? []).map(formatType).join(',')})${p.type.slice('tuple'.length)}`;
}
