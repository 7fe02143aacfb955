debriefSearch.addPositions("60",{"60":[1,1,168]});
