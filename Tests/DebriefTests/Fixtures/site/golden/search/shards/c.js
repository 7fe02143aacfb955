debriefSearch.addShard("c",{"c":[3,5]});
