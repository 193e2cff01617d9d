// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Ordinary paid NFT drop: mint(n) costs n × price, the owner withdraws the proceeds. Minimal ERC-721.
contract PayableMintNFT {
    string public name = "Honest Drop";
    string public symbol = "HDROP";
    uint256 public constant PRICE = 0.01 ether;
    uint256 public constant MAX_SUPPLY = 10000;
    uint256 public totalSupply;
    address public owner;
    mapping(uint256 => address) private _owners;
    mapping(address => uint256) private _balances;
    mapping(uint256 => address) private _approved;
    mapping(address => mapping(address => bool)) private _operators;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);
    event ApprovalForAll(address indexed owner, address indexed operator, bool approved);

    constructor() { owner = msg.sender; }

    function supportsInterface(bytes4 id) external pure returns (bool) { return id == 0x80ac58cd || id == 0x01ffc9a7; }
    function balanceOf(address a) external view returns (uint256) { return _balances[a]; }
    function ownerOf(uint256 id) public view returns (address o) { o = _owners[id]; require(o != address(0), "none"); }
    function getApproved(uint256 id) external view returns (address) { return _approved[id]; }
    function isApprovedForAll(address o, address op) external view returns (bool) { return _operators[o][op]; }
    function approve(address to, uint256 id) external { require(msg.sender == ownerOf(id)); _approved[id] = to; emit Approval(msg.sender, to, id); }
    function setApprovalForAll(address op, bool ok) external { _operators[msg.sender][op] = ok; emit ApprovalForAll(msg.sender, op, ok); }

    function transferFrom(address from, address to, uint256 id) public {
        require(ownerOf(id) == from, "owner");
        require(msg.sender == from || _approved[id] == msg.sender || _operators[from][msg.sender], "auth");
        delete _approved[id];
        _balances[from]--; _balances[to]++; _owners[id] = to;
        emit Transfer(from, to, id);
    }
    function safeTransferFrom(address from, address to, uint256 id) external { transferFrom(from, to, id); }
    function safeTransferFrom(address from, address to, uint256 id, bytes calldata) external { transferFrom(from, to, id); }

    function mint(uint256 n) external payable {
        require(n > 0 && n <= 10 && totalSupply + n <= MAX_SUPPLY, "n");
        require(msg.value == n * PRICE, "price");
        for (uint256 i = 0; i < n; i++) {
            uint256 id = ++totalSupply;
            _owners[id] = msg.sender;
            emit Transfer(address(0), msg.sender, id);
        }
        _balances[msg.sender] += n;
    }

    function withdraw() external { require(msg.sender == owner, "owner"); payable(owner).transfer(address(this).balance); }
}
