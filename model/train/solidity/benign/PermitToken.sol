// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Plain ERC-20 with ERC-2612 permit, hand-written.
contract PermitToken {
    string public name = "Plain Token";
    string public symbol = "PLN";
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => uint256) public nonces;
    bytes32 public immutable DOMAIN_SEPARATOR;
    bytes32 private constant PERMIT_TYPEHASH = keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(uint256 supply) {
        totalSupply = supply; balanceOf[msg.sender] = supply;
        DOMAIN_SEPARATOR = keccak256(abi.encode(keccak256("EIP712Domain(string name,uint256 chainId,address verifyingContract)"), keccak256(bytes(name)), block.chainid, address(this)));
    }

    function transfer(address to, uint256 v) external returns (bool) { _move(msg.sender, to, v); return true; }
    function approve(address s, uint256 v) external returns (bool) { allowance[msg.sender][s] = v; emit Approval(msg.sender, s, v); return true; }
    function transferFrom(address f, address t, uint256 v) external returns (bool) {
        uint256 a = allowance[f][msg.sender];
        if (a != type(uint256).max) allowance[f][msg.sender] = a - v;
        _move(f, t, v); return true;
    }
    function permit(address o, address s, uint256 v, uint256 deadline, uint8 pv, bytes32 r, bytes32 ps) external {
        require(block.timestamp <= deadline, "expired");
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", DOMAIN_SEPARATOR, keccak256(abi.encode(PERMIT_TYPEHASH, o, s, v, nonces[o]++, deadline))));
        address signer = ecrecover(digest, pv, r, ps);
        require(signer != address(0) && signer == o, "sig");
        allowance[o][s] = v; emit Approval(o, s, v);
    }
    function _move(address f, address t, uint256 v) private { balanceOf[f] -= v; balanceOf[t] += v; emit Transfer(f, t, v); }
}
