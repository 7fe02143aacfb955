debriefSearch.addPositions("20",{"200":[1,1,80]});
