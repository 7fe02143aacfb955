debriefSearch.addPositions("14",{"14":[1,2,49,27]});
