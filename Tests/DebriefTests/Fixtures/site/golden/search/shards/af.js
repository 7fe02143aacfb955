debriefSearch.addShard("af",{"after":[0,6,1,8]});
