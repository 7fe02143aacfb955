debriefSearch.addShard("in",{"index":[0,30],"instead":[1,11]});
