debriefSearch.addPositions("c",{"c":[3,1,74]});
