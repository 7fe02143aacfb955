debriefSearch.addPositions("40",{"40":[0,1,53]});
