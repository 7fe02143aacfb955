debriefSearch.addPositions("du",{"dur":[1,1,2]});
