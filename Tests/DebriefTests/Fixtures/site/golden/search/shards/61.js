debriefSearch.addShard("61",{"61":[1,11]});
