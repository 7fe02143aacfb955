debriefSearch.addShard("el",{"eleven":[1,8]});
