debriefSearch.addPositions("1",{"1":[1,1,79,2,1,76]});
