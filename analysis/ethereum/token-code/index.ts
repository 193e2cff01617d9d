// A token's red flags read from its runtime code in the browser (issue 18): which owner powers its
// functions give (mint, blacklist, pause, fees, trading limits and switches, upgrades).
export { dispatcherSelectors } from './dispatcher';
export { OWNER_SIGNATURES, powerSelectors, type PowerKind } from './power-signatures';
export { hasPower, POWER_ORDER, readTokenPowers, withImplementation, type TokenCodeReport, type TokenPower } from './read-powers';
