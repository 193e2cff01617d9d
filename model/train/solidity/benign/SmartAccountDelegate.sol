// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Honest EIP-7702 delegate / smart account: it executes batches, but only for the account itself or for a
/// signature by the account's own key, with a nonce against replay.
contract SmartAccountDelegate {
    struct Call { address to; uint256 value; bytes data; }
    uint256 public nonce;
    event Executed(address indexed to, uint256 value, bytes data);

    function execute(Call[] calldata calls) external payable {
        require(msg.sender == address(this), "only self");
        _run(calls);
    }

    function executeWithSig(Call[] calldata calls, uint8 v, bytes32 r, bytes32 s) external payable {
        bytes32 digest = keccak256(abi.encode(block.chainid, address(this), nonce++, keccak256(abi.encode(calls))));
        require(ecrecover(digest, v, r, s) == address(this), "sig");
        _run(calls);
    }

    function _run(Call[] calldata calls) private {
        for (uint256 i = 0; i < calls.length; i++) {
            (bool ok, ) = calls[i].to.call{value: calls[i].value}(calls[i].data);
            require(ok, "call");
            emit Executed(calls[i].to, calls[i].value, calls[i].data);
        }
    }

    function isValidSignature(bytes32 h, bytes calldata sig) external view returns (bytes4) {
        (uint8 v, bytes32 r, bytes32 s) = abi.decode(sig, (uint8, bytes32, bytes32));
        return ecrecover(h, v, r, s) == address(this) ? bytes4(0x1626ba7e) : bytes4(0xffffffff);
    }

    receive() external payable {}
}
