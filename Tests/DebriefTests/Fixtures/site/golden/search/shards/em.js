debriefSearch.addShard("em",{"email":[2,104]});
