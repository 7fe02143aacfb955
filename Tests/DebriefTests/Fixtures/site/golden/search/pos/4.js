debriefSearch.addPositions("4",{"4":[0,1,46]});
