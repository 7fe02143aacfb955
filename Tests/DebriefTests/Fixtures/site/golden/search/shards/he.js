debriefSearch.addShard("he",{"health":[3,5]});
