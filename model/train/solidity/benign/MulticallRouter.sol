// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20 { function transferFrom(address, address, uint256) external returns (bool); function transfer(address, uint256) external returns (bool); }
interface IPool { function swap(address tokenIn, uint256 amountIn, address to) external returns (uint256); }

/// Router in the style of Uniswap's periphery: multicall delegatecalls into itself, and every path moves
/// only the caller's own tokens, to the recipient the caller names.
contract MulticallRouter {
    address public immutable weth;
    event Swapped(address indexed user, address pool, uint256 amountIn, uint256 amountOut);

    constructor(address weth_) { weth = weth_; }

    function multicall(bytes[] calldata data) external payable returns (bytes[] memory results) {
        results = new bytes[](data.length);
        for (uint256 i = 0; i < data.length; i++) {
            (bool ok, bytes memory r) = address(this).delegatecall(data[i]);
            if (!ok) { assembly { revert(add(r, 32), mload(r)) } }
            results[i] = r;
        }
    }

    function swapExactIn(address pool, address tokenIn, uint256 amountIn, uint256 minOut, address to, uint256 deadline) external returns (uint256 out) {
        require(block.timestamp <= deadline, "expired");
        require(IERC20(tokenIn).transferFrom(msg.sender, pool, amountIn), "pull");
        out = IPool(pool).swap(tokenIn, amountIn, to);
        require(out >= minOut, "slippage");
        emit Swapped(msg.sender, pool, amountIn, out);
    }

    function refundETH() external payable {
        if (address(this).balance > 0) payable(msg.sender).transfer(address(this).balance);
    }
}
