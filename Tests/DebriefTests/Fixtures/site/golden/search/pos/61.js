debriefSearch.addPositions("61",{"61":[1,1,70]});
