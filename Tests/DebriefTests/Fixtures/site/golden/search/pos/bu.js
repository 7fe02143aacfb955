debriefSearch.addPositions("bu",{"bulk":[1,2,113,59]});
