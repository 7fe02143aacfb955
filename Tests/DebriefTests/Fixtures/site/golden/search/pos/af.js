debriefSearch.addPositions("af",{"after":[0,1,88,1,1,111]});
