// Handing over control of a contract, a Safe or an ENS name. Signatures as in the compiled ABIs of
// @openzeppelin/contracts 5.x and 4.9 (build/contracts/{Ownable,Ownable2Step,ITransparentUpgradeableProxy,
// UUPSUpgradeable,UpgradeableBeacon,ProxyAdmin,AccessControl,AccessControlDefaultAdminRules}.json) and
// @safe-global/safe-smart-account 1.5.0 (build/artifacts/contracts/Safe.sol/Safe.json,
// libraries/MultiSend.sol/MultiSend.json); abis.test.ts checks each one against those artifacts.
import { isAddressEqual, numberToHex, parseAbi, zeroAddress, type Address, type Hex } from 'viem';
import { callFamily } from './call-family';

const DEFAULT_ADMIN_ROLE: Hex = `0x${'00'.repeat(32)}`;

/** Setting a guard or handler to zero removes it: nobody receives anything. */
function nonZero(address: Address): { grantee?: Address } {
  return isAddressEqual(address, zeroAddress) ? {} : { grantee: address };
}

export const ownable = callFamily(
  'Ownable',
  parseAbi(['function transferOwnership(address newOwner)', 'function renounceOwnership()', 'function acceptOwnership()'] as const),
  (c, s) => {
    if (c.functionName === 'transferOwnership') s.control({ power: 'ownership', subject: s.to, grantee: c.args[0] });
    else if (c.functionName === 'renounceOwnership') s.control({ power: 'renounce-ownership', subject: s.to });
    else s.control({ power: 'accept-ownership', subject: s.to, grantee: s.account });
  },
);

export const upgradeableProxy = callFamily(
  'Upgradeable proxy',
  parseAbi([
    // OZ 4.x TransparentUpgradeableProxy (admin functions), UUPSUpgradeable, UpgradeableBeacon; 5.x keeps only upgradeToAndCall.
    'function changeAdmin(address newAdmin)',
    'function upgradeTo(address newImplementation)',
    'function upgradeToAndCall(address newImplementation, bytes data) payable',
  ] as const),
  (c, s) => {
    if (c.functionName === 'changeAdmin') s.control({ power: 'proxy-admin', subject: s.to, grantee: c.args[0] });
    else if (c.functionName === 'upgradeTo') s.control({ power: 'upgrade', subject: s.to, grantee: c.args[0] });
    else s.control({ power: 'upgrade', subject: s.to, grantee: c.args[0], initData: c.args[1] });
  },
);

export const proxyAdmin = callFamily(
  'ProxyAdmin',
  parseAbi([
    'function changeProxyAdmin(address proxy, address newAdmin)',
    'function upgrade(address proxy, address implementation)',
    'function upgradeAndCall(address proxy, address implementation, bytes data) payable',
  ] as const),
  (c, s) => {
    if (c.functionName === 'changeProxyAdmin') s.control({ power: 'proxy-admin', subject: c.args[0], grantee: c.args[1] });
    else if (c.functionName === 'upgrade') s.control({ power: 'upgrade', subject: c.args[0], grantee: c.args[1] });
    else s.control({ power: 'upgrade', subject: c.args[0], grantee: c.args[1], initData: c.args[2] });
  },
);

export const accessControl = callFamily(
  'AccessControl',
  parseAbi([
    'function grantRole(bytes32 role, address account)',
    'function renounceRole(bytes32 role, address callerConfirmation)',
    'function beginDefaultAdminTransfer(address newAdmin)',
    'function acceptDefaultAdminTransfer()',
  ] as const),
  (c, s) => {
    switch (c.functionName) {
      case 'grantRole':
        return s.control({ power: 'role', subject: s.to, role: c.args[0], grantee: c.args[1] });
      case 'renounceRole':
        return s.control({ power: 'renounce-role', subject: s.to, role: c.args[0], removed: c.args[1] });
      case 'beginDefaultAdminTransfer':
        return s.control({ power: 'role', subject: s.to, role: DEFAULT_ADMIN_ROLE, grantee: c.args[0] });
      default:
        return s.control({ power: 'accept-ownership', subject: s.to, role: DEFAULT_ADMIN_ROLE, grantee: s.account });
    }
  },
);

export const safeSettings = callFamily(
  'Safe settings',
  parseAbi([
    'function addOwnerWithThreshold(address owner, uint256 _threshold)',
    'function removeOwner(address prevOwner, address owner, uint256 _threshold)',
    'function swapOwner(address prevOwner, address oldOwner, address newOwner)',
    'function changeThreshold(uint256 _threshold)',
    'function enableModule(address module)',
    'function setGuard(address guard)',
    'function setModuleGuard(address moduleGuard)',
    'function setFallbackHandler(address handler)',
  ] as const),
  (c, s) => {
    const subject = s.to;
    switch (c.functionName) {
      case 'addOwnerWithThreshold':
        return s.control({ power: 'safe-add-owner', subject, grantee: c.args[0], threshold: c.args[1] });
      case 'removeOwner':
        return s.control({ power: 'safe-remove-owner', subject, removed: c.args[1], threshold: c.args[2] });
      case 'swapOwner':
        return s.control({ power: 'safe-swap-owner', subject, removed: c.args[1], grantee: c.args[2] });
      case 'changeThreshold':
        return s.control({ power: 'safe-threshold', subject, threshold: c.args[0] });
      case 'enableModule':
        return s.control({ power: 'safe-module', subject, grantee: c.args[0] });
      case 'setFallbackHandler':
        return s.control({ power: 'safe-fallback', subject, ...nonZero(c.args[0]) });
      default:
        return s.control({ power: 'safe-guard', subject, ...nonZero(c.args[0]) });
    }
  },
);

// Wyvern's OwnedUpgradeabilityProxy, the per-user proxy of OpenSea's old registry (upgradeTo/upgradeToAndCall
// share the selectors above): ProjectWyvern/wyvern-ethereum 7c95123e, contracts/registry/proxy/OwnedUpgradeabilityProxy.sol.
export const wyvernProxy = callFamily('Wyvern proxy', parseAbi(['function transferProxyOwnership(address newOwner)'] as const), (c, s) =>
  s.control({ power: 'ownership', subject: s.to, grantee: c.args[0] }),
);

// ENS registry and .eth registrar: ensdomains/ens-contracts 23aba620, contracts/registry/ENS.sol and
// contracts/ethregistrar/BaseRegistrar.sol.
export const ens = callFamily(
  'ENS',
  parseAbi(['function setOwner(bytes32 node, address owner)', 'function setRecord(bytes32 node, address owner, address resolver, uint64 ttl)', 'function reclaim(uint256 id, address owner)'] as const),
  (c, s) => {
    if (c.functionName === 'reclaim') s.control({ power: 'ens-manager', subject: s.to, name: numberToHex(c.args[0], { size: 32 }), grantee: c.args[1] });
    else s.control({ power: 'ownership', subject: s.to, name: c.args[0], grantee: c.args[1] });
  },
);
