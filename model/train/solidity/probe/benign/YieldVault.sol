// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// Tokenised vault (ERC-4626): deposits the caller's own tokens, shares redeemable by their holder.
contract YieldVault is ERC4626 {
    constructor(IERC20 asset_) ERC20("Vault Share", "vSHR") ERC4626(asset_) {}
}
