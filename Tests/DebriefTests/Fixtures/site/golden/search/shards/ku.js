debriefSearch.addShard("ku",{"kubectl":[3,10,1,31]});
