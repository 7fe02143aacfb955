debriefSearch.addShard("fe",{"featur":[0,6]});
