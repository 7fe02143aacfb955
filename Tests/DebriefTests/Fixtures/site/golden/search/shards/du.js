debriefSearch.addShard("du",{"dur":[1,60]});
