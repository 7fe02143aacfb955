debriefSearch.addPositions("ra",{"rat":[1,3,15,119,13,2,5,3,4,11,81,11]});
