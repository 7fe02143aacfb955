debriefSearch.addShard("14",{"14":[1,21]});
