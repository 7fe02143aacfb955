debriefSearch.addPositions("wh",{"whil":[1,1,66,1,1,44]});
