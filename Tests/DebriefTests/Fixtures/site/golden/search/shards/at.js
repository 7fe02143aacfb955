debriefSearch.addShard("at",{"attempt":[1,11]});
