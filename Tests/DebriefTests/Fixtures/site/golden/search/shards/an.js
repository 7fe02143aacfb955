debriefSearch.addShard("an",{"answer":[3,5]});
