debriefSearch.addShard("ad",{"add":[0,39]});
