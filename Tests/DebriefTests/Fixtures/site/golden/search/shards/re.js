debriefSearch.addShard("re",{"recent":[3,5],"replica":[1,39],"replication":[1,23],"resolv":[0,6,1,5],"restart":[4,31],"retry":[1,11],"return":[1,11,2,5],"revenu":[3,37],"review":[0,20]});
