debriefSearch.addPositions("er",{"error":[0,1,56,1,5,1,13,48,71,13,2,7,2,4,11,47,22,12,11]});
