debriefSearch.addShard("ca",{"call":[0,6,1,5],"cannot":[3,37]});
