// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import {VestingWallet} from "@openzeppelin/contracts/finance/VestingWallet.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// Team vesting plus a simple escrow: funds go only to the named beneficiary.
contract TeamVesting is VestingWallet {
    constructor(address beneficiary, uint64 start, uint64 duration) VestingWallet(beneficiary, start, duration) {}
}

contract Escrow is ReentrancyGuard {
    using SafeERC20 for IERC20;
    struct Deal { address buyer; address seller; IERC20 token; uint256 amount; bool released; }
    mapping(uint256 => Deal) public deals;
    uint256 public count;
    event Opened(uint256 id, address buyer, address seller, uint256 amount);
    event Released(uint256 id);

    function open(address seller, IERC20 token, uint256 amount) external nonReentrant returns (uint256 id) {
        id = ++count;
        deals[id] = Deal(msg.sender, seller, token, amount, false);
        token.safeTransferFrom(msg.sender, address(this), amount);
        emit Opened(id, msg.sender, seller, amount);
    }

    function release(uint256 id) external nonReentrant {
        Deal storage d = deals[id];
        require(msg.sender == d.buyer && !d.released, "not buyer");
        d.released = true;
        d.token.safeTransfer(d.seller, d.amount);
        emit Released(id);
    }
}
