debriefSearch.addShard("40",{"40":[0,17]});
