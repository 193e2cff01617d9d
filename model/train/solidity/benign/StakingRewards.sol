// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20 { function transferFrom(address, address, uint256) external returns (bool); function transfer(address, uint256) external returns (bool); }

/// Synthetix-style staking: claimRewards() is free and pays the caller what they earned.
contract StakingRewards {
    IERC20 public immutable stakingToken;
    IERC20 public immutable rewardsToken;
    uint256 public rewardRate = 1e15;
    uint256 public lastUpdate;
    uint256 public rewardPerTokenStored;
    uint256 public totalStaked;
    mapping(address => uint256) public staked;
    mapping(address => uint256) public paidPerToken;
    mapping(address => uint256) public rewards;

    event Staked(address indexed user, uint256 amount);
    event Withdrawn(address indexed user, uint256 amount);
    event RewardPaid(address indexed user, uint256 reward);

    constructor(IERC20 s, IERC20 r) { stakingToken = s; rewardsToken = r; lastUpdate = block.timestamp; }

    function rewardPerToken() public view returns (uint256) {
        if (totalStaked == 0) return rewardPerTokenStored;
        return rewardPerTokenStored + ((block.timestamp - lastUpdate) * rewardRate * 1e18) / totalStaked;
    }
    function earned(address a) public view returns (uint256) { return (staked[a] * (rewardPerToken() - paidPerToken[a])) / 1e18 + rewards[a]; }

    modifier update(address a) {
        rewardPerTokenStored = rewardPerToken(); lastUpdate = block.timestamp;
        rewards[a] = earned(a); paidPerToken[a] = rewardPerTokenStored;
        _;
    }

    function stake(uint256 amount) external update(msg.sender) {
        totalStaked += amount; staked[msg.sender] += amount;
        require(stakingToken.transferFrom(msg.sender, address(this), amount));
        emit Staked(msg.sender, amount);
    }
    function withdraw(uint256 amount) external update(msg.sender) {
        totalStaked -= amount; staked[msg.sender] -= amount;
        require(stakingToken.transfer(msg.sender, amount));
        emit Withdrawn(msg.sender, amount);
    }
    function claimRewards() external update(msg.sender) {
        uint256 r = rewards[msg.sender];
        if (r > 0) { rewards[msg.sender] = 0; require(rewardsToken.transfer(msg.sender, r)); emit RewardPaid(msg.sender, r); }
    }
}
