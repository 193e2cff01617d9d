// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Enumerable} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Enumerable.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// A typical paid NFT drop: allowlist with a Merkle proof, public mint, royalties, owner withdraws.
contract ArtDrop is ERC721, ERC721Enumerable, ERC2981, Ownable {
    uint256 public constant PRICE = 0.05 ether;
    bytes32 public allowlistRoot;
    uint256 private next;
    bool public publicSale;

    constructor() ERC721("Art Drop", "ART") Ownable(msg.sender) { _setDefaultRoyalty(msg.sender, 500); }

    function setRoot(bytes32 r) external onlyOwner { allowlistRoot = r; }
    function setPublicSale(bool on) external onlyOwner { publicSale = on; }

    function allowlistMint(bytes32[] calldata proof) external payable {
        require(MerkleProof.verify(proof, allowlistRoot, keccak256(abi.encodePacked(msg.sender))), "not listed");
        require(msg.value == PRICE, "price");
        _safeMint(msg.sender, next++);
    }

    function mint(uint256 n) external payable {
        require(publicSale && msg.value == n * PRICE, "closed or price");
        for (uint256 i = 0; i < n; i++) _safeMint(msg.sender, next++);
    }

    function withdraw() external onlyOwner { payable(owner()).transfer(address(this).balance); }

    function _update(address to, uint256 id, address auth) internal override(ERC721, ERC721Enumerable) returns (address) { return super._update(to, id, auth); }
    function _increaseBalance(address a, uint128 v) internal override(ERC721, ERC721Enumerable) { super._increaseBalance(a, v); }
    function supportsInterface(bytes4 id) public view override(ERC721, ERC721Enumerable, ERC2981) returns (bool) { return super.supportsInterface(id); }
}
