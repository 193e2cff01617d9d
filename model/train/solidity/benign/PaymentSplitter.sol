// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Royalty splitter: anyone may trigger release(), which pays each payee only its own share.
contract PaymentSplitter {
    address[] public payees;
    mapping(address => uint256) public shares;
    mapping(address => uint256) public released;
    uint256 public totalShares;
    uint256 public totalReleased;
    event PaymentReleased(address to, uint256 amount);

    constructor(address[] memory p, uint256[] memory s) {
        for (uint256 i = 0; i < p.length; i++) { payees.push(p[i]); shares[p[i]] = s[i]; totalShares += s[i]; }
    }

    function releasable(address a) public view returns (uint256) {
        return ((address(this).balance + totalReleased) * shares[a]) / totalShares - released[a];
    }

    function release(address payable a) public {
        uint256 amount = releasable(a);
        require(amount > 0, "nothing due");
        released[a] += amount; totalReleased += amount;
        a.transfer(amount);
        emit PaymentReleased(a, amount);
    }

    receive() external payable {}
}
