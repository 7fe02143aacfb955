debriefSearch.addPositions("30",{"30":[1,1,53]});
