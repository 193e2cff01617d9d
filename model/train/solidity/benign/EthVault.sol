// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// Per-user ETH vault: deposit() is payable, withdraw(amount) pays back only the depositor.
contract EthVault {
    mapping(address => uint256) public balances;
    bool private locked;
    event Deposit(address indexed user, uint256 amount);
    event Withdrawal(address indexed user, uint256 amount);

    modifier nonReentrant() { require(!locked); locked = true; _; locked = false; }

    function deposit() public payable { balances[msg.sender] += msg.value; emit Deposit(msg.sender, msg.value); }
    function withdraw(uint256 amount) external nonReentrant {
        balances[msg.sender] -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "send");
        emit Withdrawal(msg.sender, amount);
    }
    receive() external payable { deposit(); }
}
