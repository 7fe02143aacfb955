debriefSearch.addPositions("to",{"took":[1,1,48]});
