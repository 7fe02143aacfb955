debriefSearch.addPositions("st",{"status":[3,1,116],"stock":[0,2,34,89],"stuck":[2,1,49,2,4,59,7,24,7]});
