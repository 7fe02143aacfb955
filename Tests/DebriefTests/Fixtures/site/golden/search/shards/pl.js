debriefSearch.addShard("pl",{"plan":[0,30,1,11]});
