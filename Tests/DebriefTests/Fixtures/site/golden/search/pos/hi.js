debriefSearch.addPositions("hi",{"high":[0,2,15,81,1,2,13,119,2,3,1,4,11],"history":[3,1,55]});
