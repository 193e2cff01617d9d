// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20 { function transfer(address, uint256) external returns (bool); function balanceOf(address) external view returns (uint256); }

/// Honest airdrop in the shape of Uniswap's MerkleDistributor: free to claim, tokens go to the listed account.
contract MerkleAirdrop {
    address public immutable token;
    bytes32 public immutable merkleRoot;
    address public immutable owner;
    uint256 public immutable endTime;
    mapping(uint256 => uint256) private claimedBitMap;

    event Claimed(uint256 index, address account, uint256 amount);

    constructor(address token_, bytes32 root_, uint256 endTime_) { token = token_; merkleRoot = root_; owner = msg.sender; endTime = endTime_; }

    function isClaimed(uint256 index) public view returns (bool) {
        return claimedBitMap[index / 256] & (1 << (index % 256)) != 0;
    }

    function claim(uint256 index, address account, uint256 amount, bytes32[] calldata proof) external {
        require(!isClaimed(index), "claimed");
        bytes32 node = keccak256(abi.encodePacked(index, account, amount));
        for (uint256 i = 0; i < proof.length; i++) {
            bytes32 p = proof[i];
            node = node < p ? keccak256(abi.encodePacked(node, p)) : keccak256(abi.encodePacked(p, node));
        }
        require(node == merkleRoot, "bad proof");
        claimedBitMap[index / 256] |= 1 << (index % 256);
        require(IERC20(token).transfer(account, amount), "transfer");
        emit Claimed(index, account, amount);
    }

    function sweep(address to) external {
        require(msg.sender == owner && block.timestamp > endTime, "not yet");
        IERC20(token).transfer(to, IERC20(token).balanceOf(address(this)));
    }
}
