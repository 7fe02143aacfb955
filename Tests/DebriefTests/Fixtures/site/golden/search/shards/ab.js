debriefSearch.addShard("ab",{"about":[0,17,1,11],"abov":[1,15]});
