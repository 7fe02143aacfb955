debriefSearch.addPositions("im",{"impact":[0,1,86,1,1,122,2,1,38],"import":[1,2,114,59]});
