debriefSearch.addShard("ha",{"had":[0,11]});
