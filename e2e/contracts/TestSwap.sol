// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20Like {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    function transfer(address to, uint256 value) external returns (bool);
}

/// A swap-like contract at fixed rates: it takes `tokenIn` with transferFrom and pays either ETH
/// (1 token unit buys `weiPerToken` / 1e18 wei) or `tokenOut` (two for one). Fund it with ETH at
/// deployment and with `tokenOut` by a plain transfer.
contract TestSwap {
    IERC20Like public immutable tokenIn;
    IERC20Like public immutable tokenOut;
    uint256 public immutable weiPerToken;

    event Swapped(address indexed user, uint256 amountIn, uint256 amountOut, bool forEth);

    constructor(address tokenIn_, address tokenOut_, uint256 weiPerToken_) payable {
        tokenIn = IERC20Like(tokenIn_);
        tokenOut = IERC20Like(tokenOut_);
        weiPerToken = weiPerToken_;
    }

    receive() external payable {}

    function swapForEth(uint256 amountIn, uint256 minOut) external returns (uint256 amountOut) {
        amountOut = (amountIn * weiPerToken) / 1e18;
        require(amountOut >= minOut, "too little received");
        require(tokenIn.transferFrom(msg.sender, address(this), amountIn), "transferFrom failed");
        (bool ok, ) = msg.sender.call{value: amountOut}("");
        require(ok, "ETH payment failed");
        emit Swapped(msg.sender, amountIn, amountOut, true);
    }

    function swapForToken(uint256 amountIn, uint256 minOut) external returns (uint256 amountOut) {
        amountOut = amountIn * 2;
        require(amountOut >= minOut, "too little received");
        require(tokenIn.transferFrom(msg.sender, address(this), amountIn), "transferFrom failed");
        require(tokenOut.transfer(msg.sender, amountOut), "payment failed");
        emit Swapped(msg.sender, amountIn, amountOut, false);
    }
}
