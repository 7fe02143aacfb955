debriefSearch.addPositions("in",{"index":[0,2,78,42],"instead":[1,1,51]});
