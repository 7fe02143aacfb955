debriefSearch.addShard("im",{"impact":[0,6,1,5,2,37],"import":[1,23]});
