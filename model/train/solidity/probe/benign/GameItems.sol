// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC1155Supply} from "@openzeppelin/contracts/token/ERC1155/extensions/ERC1155Supply.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// Game items: ERC-1155 with supply tracking; a minter role hands out items.
contract GameItems is ERC1155, ERC1155Supply, AccessControl {
    bytes32 public constant MINTER = keccak256("MINTER");
    constructor() ERC1155("https://game.example/items/{id}.json") { _grantRole(DEFAULT_ADMIN_ROLE, msg.sender); _grantRole(MINTER, msg.sender); }
    function mint(address to, uint256 id, uint256 amount) external onlyRole(MINTER) { _mint(to, id, amount, ""); }
    function mintBatch(address to, uint256[] calldata ids, uint256[] calldata amounts) external onlyRole(MINTER) { _mintBatch(to, ids, amounts, ""); }
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values) internal override(ERC1155, ERC1155Supply) { super._update(from, to, ids, values); }
    function supportsInterface(bytes4 id) public view override(ERC1155, AccessControl) returns (bool) { return super.supportsInterface(id); }
}
