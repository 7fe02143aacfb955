debriefSearch.addShard("15",{"15":[3,5]});
