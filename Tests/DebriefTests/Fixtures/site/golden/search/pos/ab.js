debriefSearch.addPositions("ab",{"about":[0,1,52,1,1,78],"abov":[1,1,167]});
