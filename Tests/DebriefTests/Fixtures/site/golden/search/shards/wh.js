debriefSearch.addShard("wh",{"whil":[1,11,1,29]});
