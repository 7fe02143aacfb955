debriefSearch.addPositions("al",{"alert":[0,1,92,1,2,129,34,1,1,59]});
