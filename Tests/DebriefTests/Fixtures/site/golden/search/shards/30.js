debriefSearch.addShard("30",{"30":[1,11]});
