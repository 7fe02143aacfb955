debriefSearch.addPositions("em",{"email":[2,2,1,35]});
