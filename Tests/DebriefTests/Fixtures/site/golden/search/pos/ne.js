debriefSearch.addPositions("ne",{"new":[0,1,32]});
