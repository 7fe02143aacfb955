debriefSearch.addPositions("tw",{"two":[2,1,42]});
