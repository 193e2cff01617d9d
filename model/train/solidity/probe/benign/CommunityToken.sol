// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// The everyday token: OpenZeppelin ERC-20 with permit, burn and an owner who can mint.
contract CommunityToken is ERC20, ERC20Permit, ERC20Burnable, Ownable {
    constructor(address owner_) ERC20("Community", "COMM") ERC20Permit("Community") Ownable(owner_) {}
    function mint(address to, uint256 amount) external onlyOwner { _mint(to, amount); }
}
