// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";

/// Small m-of-n wallet: executes a call only with enough owner signatures over (to, value, data, nonce).
contract MultiSigWallet {
    using ECDSA for bytes32;
    address[] public owners;
    mapping(address => bool) public isOwner;
    uint256 public required;
    uint256 public nonce;
    event Executed(address indexed to, uint256 value, bytes data);

    constructor(address[] memory o, uint256 r) {
        for (uint256 i = 0; i < o.length; i++) { owners.push(o[i]); isOwner[o[i]] = true; }
        required = r;
    }

    function execute(address to, uint256 value, bytes calldata data, bytes[] calldata sigs) external returns (bytes memory) {
        bytes32 h = MessageHashUtils.toEthSignedMessageHash(keccak256(abi.encode(block.chainid, address(this), to, value, keccak256(data), nonce)));
        address last;
        for (uint256 i = 0; i < sigs.length; i++) {
            address s = h.recover(sigs[i]);
            require(isOwner[s] && s > last, "bad signer");
            last = s;
        }
        require(sigs.length >= required, "few signatures");
        nonce++;
        (bool ok, bytes memory r) = to.call{value: value}(data);
        require(ok, "call failed");
        emit Executed(to, value, data);
        return r;
    }

    receive() external payable {}
}
