// NFTs: ERC-721 and ERC-1155 operator approvals and transfers, and the usual paid mint functions.
import { parseAbi } from 'viem';
import { callFamily } from './call-family';

export const nftTokens = callFamily(
  'ERC-721/1155',
  parseAbi([
    'function setApprovalForAll(address operator, bool approved)',
    'function safeTransferFrom(address from, address to, uint256 tokenId)',
    'function safeTransferFrom(address from, address to, uint256 tokenId, bytes data)',
    'function safeTransferFrom(address from, address to, uint256 id, uint256 amount, bytes data)',
    'function safeBatchTransferFrom(address from, address to, uint256[] ids, uint256[] amounts, bytes data)',
  ] as const),
  (c, s) => {
    if (!s.mine) return;
    const token = s.to;
    const where = s.where;
    switch (c.functionName) {
      case 'setApprovalForAll':
        return s.push({ kind: 'approval', standard: 'setApprovalForAll', token, spender: c.args[0], unlimited: c.args[1], revokes: !c.args[1], signature: false, where });
      case 'safeTransferFrom': {
        const a = c.args;
        if (a.length === 5) return s.push({ kind: 'transfer', asset: 'erc1155', token, from: s.fromOther(a[0]), to: a[1], tokenId: a[2], amount: a[3], where });
        return s.push({ kind: 'transfer', asset: 'erc721', token, from: s.fromOther(a[0]), to: a[1], tokenId: a[2], where });
      }
      case 'safeBatchTransferFrom': {
        const [from, to, ids, amounts] = c.args;
        ids.forEach((tokenId, i) => s.push({ kind: 'transfer', asset: 'erc1155', token, from: s.fromOther(from), to, tokenId, amount: amounts[i], where }));
        return;
      }
    }
  },
);

export const nftMint = callFamily(
  'NFT mint',
  parseAbi([
    'function mint() payable',
    'function mint(uint256 quantity) payable',
    'function mint(address to, uint256 quantity) payable',
    'function publicMint(uint256 quantity) payable',
    'function mintPublic(uint256 quantity) payable',
    'function purchase(uint256 quantity) payable',
    'function safeMint(address to) payable',
    'function mintTo(address to) payable',
  ] as const),
  () => {},
);
