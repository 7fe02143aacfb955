debriefSearch.addShard("4",{"4":[0,17]});
