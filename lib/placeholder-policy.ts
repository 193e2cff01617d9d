// PLACEHOLDER until analysis/ lands (issue 4): a tiny policy so both paths of the spine can be
// exercised. It warns on unlimited ERC-20 approvals and setApprovalForAll, blocks eth_sign.
import type { Verdict, WalletRequest } from '../analysis/types';

const APPROVE = '0x095ea7b3';
const SET_APPROVAL_FOR_ALL = '0xa22cb465';
const HUGE = 2n ** 128n;

export function placeholderVerdict(request: WalletRequest): Verdict {
  if (request.method === 'eth_sign') {
    return {
      verdict: 'block',
      score: null,
      summary: 'This site asks you to sign a raw hash blindly.',
      findings: [{ id: 'placeholder.eth-sign', severity: 'danger', title: 'Blind signature', detail: 'eth_sign can sign a transaction that moves all your assets.' }],
    };
  }
  const tx = Array.isArray(request.params) ? (request.params[0] as { data?: unknown; input?: unknown }) : undefined;
  const data = typeof tx?.data === 'string' ? tx.data : typeof tx?.input === 'string' ? tx.input : '';
  const selector = data.slice(0, 10).toLowerCase();
  if (request.method === 'eth_sendTransaction' && selector === APPROVE && data.length >= 138) {
    const amount = BigInt('0x' + data.slice(74, 138));
    if (amount >= HUGE) {
      return {
        verdict: 'warn',
        score: null,
        summary: 'This gives another address unlimited access to one of your tokens.',
        findings: [{ id: 'placeholder.unlimited-approval', severity: 'warn', title: 'Unlimited approval', detail: 'The spender could take all of this token, now or later.' }],
      };
    }
  }
  if (request.method === 'eth_sendTransaction' && selector === SET_APPROVAL_FOR_ALL) {
    return {
      verdict: 'warn',
      score: null,
      summary: 'This gives another address control of all your NFTs in a collection.',
      findings: [{ id: 'placeholder.approval-for-all', severity: 'warn', title: 'Approval for all', detail: 'The operator could take every item of this collection.' }],
    };
  }
  return { verdict: 'allow', score: null, summary: `${request.method}`, findings: [] };
}
