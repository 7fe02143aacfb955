debriefSearch.addPositions("ad",{"add":[0,2,118,6]});
