debriefSearch.addPositions("at",{"attempt":[1,1,73]});
