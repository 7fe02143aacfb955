debriefSearch.addShard("to",{"took":[1,11]});
