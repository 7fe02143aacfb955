debriefSearch.addShard("1",{"1":[1,11,2,5]});
