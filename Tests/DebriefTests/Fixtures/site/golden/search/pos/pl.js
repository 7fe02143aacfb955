debriefSearch.addPositions("pl",{"plan":[0,2,68,58,1,1,42]});
