// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20 { function transfer(address, uint256) external returns (bool); }

/// Test-token faucet with a bait-like name that is honest: claim() is free and pays the caller once a day.
contract Faucet {
    IERC20 public immutable token;
    uint256 public constant AMOUNT = 100e18;
    mapping(address => uint256) public lastClaim;
    event Claimed(address indexed user, uint256 amount);

    constructor(IERC20 t) { token = t; }

    function claim() external {
        require(block.timestamp >= lastClaim[msg.sender] + 1 days, "wait");
        lastClaim[msg.sender] = block.timestamp;
        require(token.transfer(msg.sender, AMOUNT));
        emit Claimed(msg.sender, AMOUNT);
    }
}
