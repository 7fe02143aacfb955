debriefSearch.addShard("wi",{"within":[3,10]});
