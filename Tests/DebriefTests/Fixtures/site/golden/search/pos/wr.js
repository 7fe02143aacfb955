debriefSearch.addPositions("wr",{"writ":[1,3,67,57,19]});
