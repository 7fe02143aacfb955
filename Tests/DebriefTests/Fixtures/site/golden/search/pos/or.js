debriefSearch.addPositions("or",{"order":[1,2,46,35,2,1,72]});
