debriefSearch.addPositions("5",{"5":[3,1,104]});
