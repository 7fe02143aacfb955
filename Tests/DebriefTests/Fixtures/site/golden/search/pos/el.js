debriefSearch.addPositions("el",{"eleven":[1,1,108]});
