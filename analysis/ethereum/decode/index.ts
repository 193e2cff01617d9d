// The aggregate decoder: picks the decoders for the kind of request and concatenates their actions.
import type { Address } from 'viem';
import type { Authorization, NormalizedRequest } from '../normalize/request';
import type { Action } from './actions';
import { decodeCall } from './calldata';
import { decodeMessage } from './message';
import { decodeTypedData } from './typed-data';

export function decodeRequest(request: NormalizedRequest, signer: Address | undefined): Action[] {
  switch (request.kind) {
    case 'transaction': {
      const { tx } = request;
      return [...authorizationActions(tx.authorizationList ?? [], 'transaction'), ...decodeCall(tx, tx.from ?? signer, 'transaction')];
    }
    case 'calls':
      return request.calls.flatMap((call, i) => [
        ...authorizationActions(call.authorizationList ?? [], `call ${i + 1}`),
        ...decodeCall(call, call.from ?? request.from ?? signer, `call ${i + 1}`),
      ]);
    case 'message':
      return [decodeMessage(request.method, request.data)];
    case 'typed-data':
      return decodeTypedData(request.typedData, request.address ?? signer);
    case 'typed-data-legacy':
      return [{ kind: 'typed-data', primaryType: 'legacy (v1)', recognised: false }];
    case 'add-chain':
      return [{ kind: 'add-chain', chainId: request.chainId, chainName: request.chainName, rpcUrls: request.rpcUrls, explorerUrls: request.explorerUrls, nativeSymbol: request.nativeSymbol }];
    case 'switch-chain':
      return [{ kind: 'switch-chain', chainId: request.chainId }];
    case 'authorizations':
      return authorizationActions(request.authorizations, 'authorization');
    case 'permissions':
      return request.grants.map((g, i) => ({ ...g, kind: 'permission', method: request.method, chainId: request.chainId, where: `permission ${i + 1}` }));
    case 'prepared-calls':
    case 'unknown':
      return [];
  }
}

function authorizationActions(list: Authorization[], where: string): Action[] {
  return list.map((a, i) => ({ kind: 'authorization', chainId: a.chainId, delegate: a.delegate, nonce: a.nonce, where: `${where} › authorization ${i + 1}` }));
}
