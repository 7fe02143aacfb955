debriefSearch.addShard("5",{"5":[3,5]});
